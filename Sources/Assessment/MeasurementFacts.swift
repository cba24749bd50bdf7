/// The month's per-county measurements with a limit (降尘, 道路清扫 …): which counties exceeded it. And the
/// indicators the ledgers compute, as they stand at the bulletin's day.
public struct MeasurementFacts: Sendable {
    public struct Over: Sendable {
        public var county: String
        /// The value as printed, with its unit.
        public var value: String

        public init(county: String, value: String) {
            self.county = county
            self.value = value
        }
    }

    public struct Measurement: Sendable {
        public var code: String
        public var name: String
        /// `≤ 7 t/(km²·月)`.
        public var limit: String
        /// Counties with a value this month, and those over the limit.
        public var counties: Int
        public var over: [Over]

        public init(code: String, name: String, limit: String, counties: Int, over: [Over]) {
            self.code = code
            self.name = name
            self.limit = limit
            self.counties = counties
            self.over = over
        }
    }

    /// An indicator a connected source computes (a ledger, a measurement, the market or source records): the
    /// task, its name, where the value comes from, the value with unit, the target.
    public struct LedgerValue: Sendable {
        public var key: String
        public var task: String
        public var name: String
        public var source: String
        public var value: String
        public var target: String
        public var met: Bool

        public init(
            key: String, task: String, name: String, source: String, value: String, target: String, met: Bool
        ) {
            self.key = key
            self.task = task
            self.name = name
            self.source = source
            self.value = value
            self.target = target
            self.met = met
        }
    }

    public var measurements: [Measurement]
    public var ledgerValues: [LedgerValue]

    public init(measurements: [Measurement], ledgerValues: [LedgerValue]) {
        self.measurements = measurements
        self.ledgerValues = ledgerValues
    }
}

extension BulletinSection {
    /// 台账与监测: the counties over each measurement's limit this month, and the values the connected sources
    /// (ledgers, measurements, market and source records) compute.
    public static func measurements(_ facts: MeasurementFacts) -> BulletinSection {
        var sentences: [String] = []
        for measurement in facts.measurements where measurement.counties > 0 {
            sentences.append(
                measurement.over.isEmpty
                    ? "\(measurement.name)：\(measurement.counties)个县（市、区）均达到控制要求（\(measurement.limit)）。"
                    : "\(measurement.name)超过控制要求（\(measurement.limit)）的有："
                        + measurement.over.map { "\($0.county)（\($0.value)）" }.joined(separator: "、") + "。")
        }
        if sentences.isEmpty { sentences.append("本月无县区月度监测数据。") }
        let over = BulletinTable(
            key: "over", caption: "超过控制要求的县（市、区）", columns: ["监测项目", "县（市、区）", "本月值", "控制要求"],
            rows: facts.measurements.flatMap { measurement in
                measurement.over.map {
                    BulletinTable.Row(
                        key: "\(measurement.code)|\($0.county)",
                        cells: [measurement.name, $0.county, $0.value, measurement.limit])
                }
            }, empty: "无")
        let ledgers = BulletinTable(
            key: "ledger-values", caption: "由台账和记录计算的任务指标", columns: ["指标", "任务", "数据来源", "当前值", "目标", "达标"],
            rows: facts.ledgerValues.map {
                BulletinTable.Row(
                    key: $0.key, cells: [$0.name, $0.task, $0.source, $0.value, $0.target, $0.met ? "是" : "否"])
            }, empty: "尚无台账数据")
        return BulletinSection(
            key: "measurements", heading: "台账与监测",
            blocks: [.paragraph(sentences.joined()), .table(over), .table(ledgers)])
    }
}
