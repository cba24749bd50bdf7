import LantianCore

/// The anomaly rules over a device's hourly series (docs/SOURCES.md), each a small pure function with its
/// thresholds as data and a plain-Chinese explanation beside each hit. Signs of malfunction and fraud from
/// 环发〔2015〕175号 as the reference lists them (supervision.md §2): exceedance, constant values, zeros while the
/// flow says the plant runs, values at the range limit, O2 that does not follow load, missing hours and late
/// uploads, corrected values that do not follow the measured value and O2, drops around inspection times,
/// invalid-flagged hours; and day/night or weekday patterns unlike the outlet's own history.
public enum AnomalyScan {
    public enum Rule: String, CaseIterable, Hashable, Sendable, Codable {
        case exceedance, constant
        case zeroWhileRunning = "zero_while_running"
        case rangeLimit = "range_limit"
        case missing
        case o2Inconsistent = "o2_inconsistent"
        case flagInvalid = "flag_invalid"
        case o2Flat = "o2_flat"
        case lateUpload = "late_upload"
        case inspectionDrop = "inspection_drop"
        case nightPattern = "night_pattern"
        case weekdayPattern = "weekday_pattern"

        /// How the pages name the rule.
        public var chinese: String {
            switch self {
            case .exceedance: "超标"
            case .constant: "数值恒定"
            case .zeroWhileRunning: "生产时零值"
            case .rangeLimit: "超量程"
            case .missing: "数据缺失"
            case .o2Inconsistent: "折算值与含氧量不符"
            case .flagInvalid: "无效标记"
            case .o2Flat: "含氧量不随负荷变化"
            case .lateUpload: "迟报"
            case .inspectionDrop: "检查期间骤降"
            case .nightPattern: "昼夜规律异常"
            case .weekdayPattern: "工作日规律异常"
            }
        }
    }

    /// An emission limit for a device's factor (mg/m³), with the reference O2 (%) where the standard corrects to
    /// one.
    public struct Limit: Hashable, Sendable, Codable {
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
        /// O2 within this band (percentage points) for `o2FlatHours` running hours …
        public var o2FlatBand = 0.1
        public var o2FlatHours = 24
        /// … while the flow swings by at least this share of its mean is flat O2 that does not follow load.
        public var loadSwing = 0.3
        /// A record sent more than this many minutes after its hour ended is late.
        public var lateMinutes = 60
        /// Hours from an inspection's start that make its window, the running hours before it that make the
        /// baseline, and the share of the baseline mean below which the window's mean is a drop.
        public var inspectionWindowHours = 8
        public var inspectionBaselineHours = 72
        public var inspectionDropShare = 0.5
        /// A week's night/day (or weekend/weekday) ratio this many times above or below the outlet's median week.
        public var patternFactor = 2.0
        /// Weeks of history the pattern rules need.
        public var patternWeeks = 4

        public init() {}
    }

    /// A run of hours a rule flags.
    public struct Hit: Hashable, Sendable, Codable {
        public var mn: String
        /// The factor code; empty for rules about whole records (`late_upload`).
        public var factor: String
        public var rule: Rule
        /// The start of the first hour.
        public var from: MinuteStamp
        /// The end of the last hour.
        public var to: MinuteStamp
        public var detail: String
        /// For `flag_invalid`: the flags of the run.
        public var flags: [String]

        public init(
            mn: String, factor: String, rule: Rule, from: MinuteStamp, to: MinuteStamp, detail: String,
            flags: [String] = []
        ) {
            self.mn = mn
            self.factor = factor
            self.rule = rule
            self.from = from
            self.to = to
            self.detail = detail
            self.flags = flags
        }

        /// Hours the hit spans.
        public var hours: Int { max(1, (to.value - from.value) / 60) }
    }

    /// C_ref = C × (21 − O2_ref) / (21 − O2), dry basis; nil when O2 ≥ 21 (supervision.md §2).
    public static func corrected(_ value: Double, o2: Double, reference: Double) -> Double? {
        guard o2 < 21 else { return nil }
        return value * (21 - reference) / (21 - o2)
    }

    static let flagNames = [
        "F": "停运", "M": "维护", "S": "手工输入", "D": "故障", "C": "校准", "T": "超测量上限", "B": "通讯异常", "P": "电源故障",
    ]

    /// Every hit in `series`, by factor then time. `inspections`: the starts of on-site inspections, for
    /// `inspection_drop`.
    public static func scan(
        _ series: OutletSeries, limits: [String: Limit] = [:], thresholds: Thresholds = Thresholds(),
        inspections: [MinuteStamp] = []
    ) -> [Hit] {
        guard series.count > 0 else { return [] }
        var hits: [Hit] = []
        let count = series.count
        let flow = series.factors[Factor.flow] ?? []
        let oxygen = series.factors[Factor.oxygen] ?? []
        // The flow of each running hour (valid and above the threshold), else nil.
        let running: [Double?] = (0..<count).map { index in
            guard index < flow.count, let hour = flow[index], hour.isValid, let value = hour.value,
                value > thresholds.runningFlow
            else { return nil }
            return value
        }
        let o2: [Double?] = (0..<count).map { index in
            guard index < oxygen.count, let hour = oxygen[index], hour.isValid else { return nil }
            return hour.value
        }
        func add(_ factor: String, _ rule: Rule, _ first: Int, _ last: Int, _ detail: String, flags: [String] = []) {
            hits.append(
                Hit(
                    mn: series.mn, factor: factor, rule: rule, from: series.time(first),
                    to: series.time(last).adding(minutes: 60), detail: detail, flags: flags))
        }
        // Runs of consecutive slots meeting `test`, each handed to `report` as (first, last).
        func runs(_ test: (Int) -> Bool, _ report: (Int, Int) -> Void) {
            var first: Int?
            for index in 0..<count {
                if test(index) {
                    if first == nil { first = index }
                } else if let start = first {
                    report(start, index - 1)
                    first = nil
                }
            }
            if let start = first { report(start, count - 1) }
        }
        // Hours with no record of any factor: one `missing` hit for the whole record, not one a factor.
        var noRecord = [Bool](repeating: true, count: count)
        for slots in series.factors.values {
            for index in 0..<min(count, slots.count) where slots[index] != nil { noRecord[index] = false }
        }
        runs(
            { noRecord[$0] },
            { first, last in add("", .missing, first, last, "缺少 \(last - first + 1) 小时的整条记录（所有因子）") })
        for factor in series.factors.keys.sorted() {
            let values = series.factors[factor] ?? []
            runs(
                { values[$0].map { $0.flag != "N" && $0.flag != "S" && $0.flag != "T" } ?? false },
                { first, last in
                    let flags = Set((first...last).compactMap { values[$0]?.flag }).sorted()
                    add(
                        factor, .flagInvalid, first, last,
                        "数据标记 \(flags.map { "\($0)（\(flagNames[$0] ?? "无效")）" }.joined(separator: "、")) 持续 \(last - first + 1) 小时，不计为有效数据",
                        flags: flags)
                })
            runs(
                { values[$0]?.flag == "T" },
                { first, last in
                    add(
                        factor, .rangeLimit, first, last,
                        "数据标记 T（超测量上限）持续 \(last - first + 1) 小时：数值卡在量程上限，实际浓度不明")
                })
            runs(
                { (values[$0] == nil && !noRecord[$0]) || (values[$0]?.value == nil && values[$0]?.flag == "N") },
                { first, last in add(factor, .missing, first, last, "缺少 \(last - first + 1) 小时数据") })
            if factor == Factor.oxygen {
                o2Flat(o2, running: running, thresholds: thresholds) { first, last, low, high, swing in
                    let range =
                        low == high
                        ? "始终为 \(NumberText.csv(low))%" : "在 \(NumberText.csv(low))%–\(NumberText.csv(high))% 之间"
                    add(
                        factor, .o2Flat, first, last,
                        "连续 \(last - first + 1) 小时含氧量\(range)，而同期烟气流量变化 \(NumberText.csv((swing * 100).rounded()))%：含氧量不随负荷变化，可能为设定值"
                    )
                }
            }
            guard factor != Factor.flow && factor != Factor.oxygen else { continue }
            // A valid value, else nil.
            let valid: [Double?] = values.map { hour in hour.flatMap { $0.isValid ? $0.value : nil } }
            if let limit = limits[factor] {
                let judged: [Double?] = (0..<count).map { index in
                    guard let measured = valid[index] else { return nil }
                    guard let reference = limit.o2Reference else { return measured }
                    if let reported = values[index]?.corrected { return reported }
                    return o2[index].flatMap { corrected(measured, o2: $0, reference: reference) }
                }
                runs(
                    { (judged[$0] ?? 0) > limit.limit },
                    { first, last in
                        let peak = (first...last).compactMap { judged[$0] }.max() ?? 0
                        add(
                            factor, .exceedance, first, last,
                            "\(limit.o2Reference == nil ? "浓度" : "折算浓度（基准含氧量 \(NumberText.csv(limit.o2Reference))%）")"
                                + "超过限值 \(NumberText.csv(limit.limit)) mg/m³ 共 \(last - first + 1) 小时，最高 \(NumberText.csv(peak)) mg/m³"
                        )
                    })
                if let reference = limit.o2Reference {
                    func inconsistent(_ index: Int) -> (Double, Double)? {
                        guard let measured = valid[index], let reported = values[index]?.corrected,
                            let o2Value = o2[index],
                            let expected = corrected(measured, o2: o2Value, reference: reference)
                        else { return nil }
                        let tolerance = max(1, thresholds.o2Tolerance * expected)
                        return abs(reported - expected) > tolerance ? (reported, expected) : nil
                    }
                    runs(
                        { inconsistent($0) != nil },
                        { first, last in
                            let (reported, expected) = inconsistent(first)!
                            add(
                                factor, .o2Inconsistent, first, last,
                                "报送折算值 \(NumberText.csv(reported)) mg/m³ 与按实测值和含氧量计算的 \(NumberText.csv(expected)) mg/m³ 不符，共 \(last - first + 1) 小时"
                            )
                        })
                }
            }
            runs(
                { running[$0] != nil && (valid[$0].map { $0 <= 0 } ?? false) },
                { first, last in
                    let least = (first...last).compactMap { running[$0] }.min()
                    add(
                        factor, .zeroWhileRunning, first, last,
                        "烟气流量显示生产（\(NumberText.csv(least?.rounded())) m³/h 以上）而数值为 0 或负值，共 \(last - first + 1) 小时")
                })
            // Constant: identical valid values through at least `constantHours` running hours.
            var runStart: Int?
            func closeConstant(_ end: Int) {
                if let first = runStart, end - first + 1 >= thresholds.constantHours, let value = valid[first],
                    value > 0
                {
                    add(
                        factor, .constant, first, end,
                        "连续 \(end - first + 1) 小时数值恒为 \(NumberText.csv(value))，同期烟气流量显示生产：数据可能被设定或采样失效")
                }
                runStart = nil
            }
            for index in 0..<count {
                guard running[index] != nil, let number = valid[index] else {
                    closeConstant(index - 1)
                    continue
                }
                if let first = runStart, valid[first] != number { closeConstant(index - 1) }
                if runStart == nil { runStart = index }
            }
            closeConstant(count - 1)
            for start in inspections {
                inspectionDrop(series, valid, running: running, at: start, thresholds: thresholds) {
                    first, last, window, baseline in
                    add(
                        factor, .inspectionDrop, first, last,
                        "现场检查（\(start.text.replacingOccurrences(of: "T", with: " "))）期间均值 \(NumberText.csv(window))，不足此前 \(thresholds.inspectionBaselineHours) 小时生产均值 \(NumberText.csv(baseline)) 的 \(NumberText.csv(thresholds.inspectionDropShare * 100))%：检查时数据骤降"
                    )
                }
            }
            patterns(series, valid, running: running, thresholds: thresholds) { rule, first, last, ratio, usual in
                let what = rule == .nightPattern ? "夜间（22–6 时）与白天（8–20 时）" : "周末与工作日"
                add(
                    factor, rule, first, last,
                    "本周\(what)均值之比 \(NumberText.csv(ratio))，该排放口平时为 \(NumberText.csv(usual))：规律与自身历史不符")
            }
        }
        // Late uploads: hours whose records were sent more than `lateMinutes` after the hour ended.
        var sent = [Int](repeating: .max, count: count)
        for slots in series.factors.values {
            for index in 0..<min(count, slots.count) {
                if let time = slots[index]?.sent, time.value < sent[index] { sent[index] = time.value }
            }
        }
        let lateness: [Int?] = (0..<count).map { index in
            guard sent[index] != .max else { return nil }
            let late = sent[index] - series.time(index).adding(minutes: 60).value
            return late > thresholds.lateMinutes ? late : nil
        }
        runs(
            { lateness[$0] != nil },
            { first, last in
                let worst = (first...last).compactMap { lateness[$0] }.max() ?? 0
                add(
                    "", .lateUpload, first, last,
                    "共 \(last - first + 1) 小时的数据在该小时结束 \(thresholds.lateMinutes) 分钟后才报送，最迟晚 \(worst / 60) 小时 \(worst % 60) 分钟"
                )
            })
        return hits
    }

    /// Runs of at least `o2FlatHours` running hours with O2 inside `o2FlatBand` while the flow swings by
    /// `loadSwing` of its mean.
    static func o2Flat(
        _ o2: [Double?], running: [Double?], thresholds: Thresholds, report: (Int, Int, Double, Double, Double) -> Void
    ) {
        var first: Int?
        var low = 0.0
        var high = 0.0
        func close(_ last: Int) {
            defer { first = nil }
            guard let start = first, last - start + 1 >= thresholds.o2FlatHours else { return }
            let flows = (start...last).compactMap { running[$0] }
            guard let least = flows.min(), let most = flows.max() else { return }
            let mean = flows.reduce(0, +) / Double(flows.count)
            let swing = (most - least) / mean
            if swing >= thresholds.loadSwing { report(start, last, low, high, swing) }
        }
        for index in o2.indices {
            guard running[index] != nil, let value = o2[index] else {
                close(index - 1)
                continue
            }
            if first != nil, max(high, value) - min(low, value) > thresholds.o2FlatBand { close(index - 1) }
            if first == nil {
                first = index
                low = value
                high = value
            } else {
                low = min(low, value)
                high = max(high, value)
            }
        }
        close(o2.count - 1)
    }

    /// The window after an inspection's start whose running mean falls below `inspectionDropShare` of the
    /// running mean before it.
    static func inspectionDrop(
        _ series: OutletSeries, _ valid: [Double?], running: [Double?], at start: MinuteStamp,
        thresholds: Thresholds, report: (Int, Int, Double, Double) -> Void
    ) {
        let offset = (start.hour.value - series.start.value) / 60
        guard offset >= 0, offset < series.count else { return }
        let last = min(series.count - 1, offset + thresholds.inspectionWindowHours - 1)
        func mean(_ range: ClosedRange<Int>) -> (Double, Int)? {
            let values = range.compactMap { running[$0] != nil ? valid[$0] : nil }
            return values.isEmpty ? nil : (values.reduce(0, +) / Double(values.count), values.count)
        }
        let before = max(0, offset - thresholds.inspectionBaselineHours)
        guard offset > before, let (baseline, baseHours) = mean(before...(offset - 1)), baseHours >= 12,
            let (window, windowHours) = mean(offset...last), windowHours >= 3, baseline > 0,
            window < thresholds.inspectionDropShare * baseline
        else { return }
        report(offset, last, window, baseline)
    }

    /// Weeks (Monday to Sunday) whose night/day or weekend/weekday ratio of running means is `patternFactor`
    /// times above or below the median of the outlet's weeks.
    static func patterns(
        _ series: OutletSeries, _ valid: [Double?], running: [Double?], thresholds: Thresholds,
        report: (Rule, Int, Int, Double, Double) -> Void
    ) {
        struct Week {
            var first: Int
            var last: Int
            // SIMD lanes, not arrays: no heap copy when a week is updated.
            var sums = SIMD4<Double>(repeating: 0)
            var counts = SIMD4<Int>(repeating: 0)
        }
        var weeks: [Week?] = []
        var firstWeek: Int?
        for index in 0..<series.count {
            guard running[index] != nil, let value = valid[index] else { continue }
            let minutes = series.time(index).value
            let day = Int((Double(minutes) / 1440).rounded(.down))
            let hour = (minutes - day * 1440) / 60
            // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
            let weekday = ((day + 3) % 7 + 7) % 7
            let week = (day + 3 - weekday) / 7
            if firstWeek == nil { firstWeek = week }
            let slot = week - firstWeek!
            while weeks.count <= slot { weeks.append(nil) }
            var entry = weeks[slot] ?? Week(first: index, last: index)
            entry.last = index
            // Slots: 0 night, 1 day, 2 weekend, 3 weekday.
            if hour >= 22 || hour < 6 {
                entry.sums[0] += value
                entry.counts[0] += 1
            }
            if hour >= 8 && hour < 20 {
                entry.sums[1] += value
                entry.counts[1] += 1
            }
            let part = weekday >= 5 ? 2 : 3
            entry.sums[part] += value
            entry.counts[part] += 1
            weeks[slot] = entry
        }
        for (rule, slots, needed) in [(Rule.nightPattern, (0, 1), (20, 30)), (.weekdayPattern, (2, 3), (16, 40))] {
            let ratios: [(week: Week, ratio: Double)] = weeks.compactMap { entry in
                guard let week = entry else { return nil }
                guard week.counts[slots.0] >= needed.0, week.counts[slots.1] >= needed.1 else { return nil }
                let denominator = week.sums[slots.1] / Double(week.counts[slots.1])
                guard denominator > 0 else { return nil }
                return (week, week.sums[slots.0] / Double(week.counts[slots.0]) / denominator)
            }
            guard ratios.count >= thresholds.patternWeeks else { continue }
            let sorted = ratios.map(\.ratio).sorted()
            let median =
                sorted.count % 2 == 1
                ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
            guard median > 0 else { continue }
            for (week, ratio) in ratios
            where ratio > median * thresholds.patternFactor || ratio < median / thresholds.patternFactor {
                report(rule, week.first, week.last, (ratio * 100).rounded() / 100, (median * 100).rounded() / 100)
            }
        }
    }
}
