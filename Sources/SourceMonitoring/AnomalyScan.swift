import LantianCore

/// The anomaly rules over a device's hourly series (docs/SOURCES.md), each a small pure function with its
/// thresholds as data and a plain-Chinese explanation beside each hit. Signs of malfunction and fraud from
/// 环发〔2015〕175号 as the reference lists them (supervision.md §2): exceedance, constant values, zeros while the
/// flow says the plant runs, values at the range limit, missing hours, corrected values that do not follow the
/// measured value and O2, invalid-flagged hours.
public enum AnomalyScan {
    public enum Rule: String, CaseIterable, Hashable, Sendable, Codable {
        case exceedance, constant
        case zeroWhileRunning = "zero_while_running"
        case rangeLimit = "range_limit"
        case missing
        case o2Inconsistent = "o2_inconsistent"
        case flagInvalid = "flag_invalid"
    }

    /// An emission limit for a device's factor (mg/m³), with the reference O2 (%) where the standard corrects to
    /// one.
    public struct Limit: Hashable, Sendable {
        public var limit: Double
        public var o2Reference: Double?

        public init(limit: Double, o2Reference: Double? = nil) {
            self.limit = limit
            self.o2Reference = o2Reference
        }
    }

    /// The rules' thresholds.
    public struct Thresholds: Hashable, Sendable {
        /// Hours of an identical value that make a constant run.
        public var constantHours = 6
        /// Flue-gas flow (m³/h) above which the plant is taken to run.
        public var runningFlow = 1_000.0
        /// A reported corrected value may differ from the computed one by this share (or 1 mg/m³).
        public var o2Tolerance = 0.05

        public init() {}
    }

    /// A run of hours a rule flags.
    public struct Hit: Hashable, Sendable {
        public var mn: String
        public var factor: String
        public var rule: Rule
        /// The start of the first hour.
        public var from: MinuteStamp
        /// The end of the last hour.
        public var to: MinuteStamp
        public var detail: String
    }

    /// C_ref = C × (21 − O2_ref) / (21 − O2), dry basis; nil when O2 ≥ 21 (supervision.md §2).
    public static func corrected(_ value: Double, o2: Double, reference: Double) -> Double? {
        guard o2 < 21 else { return nil }
        return value * (21 - reference) / (21 - o2)
    }

    static let flagNames = [
        "F": "停运", "M": "维护", "S": "手工输入", "D": "故障", "C": "校准", "T": "超测量上限", "B": "通讯异常", "P": "电源故障",
    ]

    /// Every hit in `series`, by factor then time.
    public static func scan(
        _ series: OutletSeries, limits: [String: Limit] = [:], thresholds: Thresholds = Thresholds()
    ) -> [Hit] {
        var hits: [Hit] = []
        let flow = series.factors[Factor.flow] ?? [:]
        let oxygen = series.factors[Factor.oxygen] ?? [:]
        func running(_ hour: MinuteStamp) -> Double? {
            guard let value = flow[hour], value.isValid, let flow = value.value, flow > thresholds.runningFlow else {
                return nil
            }
            return flow
        }
        guard let first = series.hours.first, let last = series.hours.last else { return [] }
        let span = stride(from: first.value, through: last.value, by: 60).map { MinuteStamp(value: $0) }
        for factor in series.factors.keys.sorted() {
            let values = series.factors[factor] ?? [:]
            func add(_ rule: Rule, _ run: [MinuteStamp], _ detail: String) {
                guard let start = run.first, let end = run.last else { return }
                hits.append(
                    Hit(
                        mn: series.mn, factor: factor, rule: rule, from: start, to: end.adding(minutes: 60),
                        detail: detail))
            }
            // Runs of consecutive hours meeting `test`, each handed to `report`.
            func runs(where test: (MinuteStamp) -> Bool, report: ([MinuteStamp]) -> Void) {
                var run: [MinuteStamp] = []
                for hour in span {
                    if test(hour) {
                        run.append(hour)
                    } else if !run.isEmpty {
                        report(run)
                        run = []
                    }
                }
                if !run.isEmpty { report(run) }
            }
            runs(
                where: { values[$0].map { !["N", "S", "T"].contains($0.flag) } ?? false },
                report: { run in
                    let flags = Set(run.compactMap { values[$0]?.flag }).sorted()
                    add(
                        .flagInvalid, run,
                        "数据标记 \(flags.map { "\($0)（\(flagNames[$0] ?? "无效")）" }.joined(separator: "、")) 持续 \(run.count) 小时，不计为有效数据"
                    )
                })
            runs(
                where: { values[$0]?.flag == "T" },
                report: { run in
                    add(.rangeLimit, run, "数据标记 T（超测量上限）持续 \(run.count) 小时：数值卡在量程上限，实际浓度不明")
                })
            runs(
                where: { values[$0] == nil || (values[$0]?.value == nil && values[$0]?.flag == "N") },
                report: { run in
                    add(.missing, run, "缺少 \(run.count) 小时数据")
                })
            guard factor != Factor.flow && factor != Factor.oxygen else { continue }
            if let limit = limits[factor] {
                func judged(_ hour: MinuteStamp) -> Double? {
                    guard let value = values[hour], value.isValid, let measured = value.value else { return nil }
                    guard let reference = limit.o2Reference else { return measured }
                    if let reported = value.corrected { return reported }
                    guard let o2 = oxygen[hour], o2.isValid, let o2Value = o2.value else { return nil }
                    return corrected(measured, o2: o2Value, reference: reference)
                }
                runs(
                    where: { (judged($0) ?? 0) > limit.limit },
                    report: { run in
                        let peak = run.compactMap(judged).max() ?? 0
                        add(
                            .exceedance, run,
                            "\(limit.o2Reference == nil ? "浓度" : "折算浓度（基准含氧量 \(NumberText.csv(limit.o2Reference))%）")"
                                + "超过限值 \(NumberText.csv(limit.limit)) mg/m³ 共 \(run.count) 小时，最高 \(NumberText.csv(peak)) mg/m³"
                        )
                    })
                if let reference = limit.o2Reference {
                    func inconsistent(_ hour: MinuteStamp) -> (Double, Double)? {
                        guard let value = values[hour], value.isValid, let measured = value.value,
                            let reported = value.corrected, let o2 = oxygen[hour], o2.isValid, let o2Value = o2.value,
                            let expected = corrected(measured, o2: o2Value, reference: reference)
                        else { return nil }
                        let tolerance = max(1, thresholds.o2Tolerance * expected)
                        return abs(reported - expected) > tolerance ? (reported, expected) : nil
                    }
                    runs(
                        where: { inconsistent($0) != nil },
                        report: { run in
                            let (reported, expected) = inconsistent(run[0])!
                            add(
                                .o2Inconsistent, run,
                                "报送折算值 \(NumberText.csv(reported)) mg/m³ 与按实测值和含氧量计算的 \(NumberText.csv(expected)) mg/m³ 不符，共 \(run.count) 小时"
                            )
                        })
                }
            }
            runs(
                where: { hour in
                    guard running(hour) != nil, let value = values[hour], value.isValid, let number = value.value else {
                        return false
                    }
                    return number <= 0
                },
                report: { run in
                    add(
                        .zeroWhileRunning, run,
                        "烟气流量显示生产（\(NumberText.csv(run.compactMap(running).min())) m³/h 以上）而数值为 0 或负值，共 \(run.count) 小时"
                    )
                })
            // Constant: identical valid values through at least `constantHours` running hours.
            var run: [MinuteStamp] = []
            func closeConstant() {
                if run.count >= thresholds.constantHours, let value = values[run[0]]?.value, value > 0 {
                    add(
                        .constant, run,
                        "连续 \(run.count) 小时数值恒为 \(NumberText.csv(value))，同期烟气流量显示生产：数据可能被设定或采样失效")
                }
                run = []
            }
            for hour in span {
                guard running(hour) != nil, let value = values[hour], value.isValid, let number = value.value else {
                    closeConstant()
                    continue
                }
                if let previous = run.last.flatMap({ values[$0]?.value }), previous != number { closeConstant() }
                run.append(hour)
            }
            closeConstant()
        }
        return hits
    }
}
