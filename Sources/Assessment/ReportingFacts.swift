import LantianCore

/// The monthly reports whose deadline fell in the bulletin's month (the previous month's, due on the 5th):
/// per unit, how many were asked, submitted on time, late, or are still missing at the bulletin's day.
public struct ReportingFacts: Sendable {
    public struct UnitReports: Sendable {
        public var code: String
        public var name: String
        public var asked: Int
        public var onTime: Int
        public var late: Int
        public var missing: Int

        public init(code: String, name: String, asked: Int, onTime: Int, late: Int, missing: Int) {
            self.code = code
            self.name = name
            self.asked = asked
            self.onTime = onTime
            self.late = late
            self.missing = missing
        }
    }

    /// The report month whose deadline fell in the bulletin's month; nil when none did (the season's first
    /// month).
    public var reportMonth: ReportMonth?
    /// The deadline, as printed (`2022年1月5日 23:59`).
    public var deadline: String
    public var units: [UnitReports]
    /// The day the count was taken (the bulletin's).
    public var asOf: CivilDate

    public init(reportMonth: ReportMonth?, deadline: String, units: [UnitReports], asOf: CivilDate) {
        self.reportMonth = reportMonth
        self.deadline = deadline
        self.units = units
        self.asOf = asOf
    }
}

extension BulletinSection {
    /// 调度报送情况: units that reported late or have not reported, with their counts; every unit asked in a table.
    public static func reporting(_ facts: ReportingFacts) -> BulletinSection {
        guard let month = facts.reportMonth else {
            return BulletinSection(
                key: "reports", heading: "调度报送情况", blocks: [.paragraph("本月无到期的月度进展报送。")])
        }
        let late = facts.units.filter { $0.late > 0 }
        let missing = facts.units.filter { $0.missing > 0 }
        let asked = facts.units.reduce(0) { $0 + $1.asked }
        let onTime = facts.units.reduce(0) { $0 + $1.onTime }
        var text = "\(month.chinese)进展应于\(facts.deadline)前报送，应报\(asked)项，按时报送\(onTime)项。"
        text +=
            late.isEmpty
            ? "无迟报单位。"
            : "迟报单位：" + late.map { "\($0.name)（\($0.late)项）" }.joined(separator: "、") + "。"
        text +=
            missing.isEmpty
            ? "无未报单位。"
            : "截至\(facts.asOf.chineseDay)仍未报送：" + missing.map { "\($0.name)（\($0.missing)项）" }.joined(separator: "、")
                + "。"
        let figures = [
            BulletinFigure(key: "reports-asked", label: "应报", text: "\(asked)项"),
            BulletinFigure(key: "reports-on-time", label: "按时报送", text: "\(onTime)项"),
            BulletinFigure(key: "reports-late", label: "迟报", text: "\(facts.units.reduce(0) { $0 + $1.late })项"),
            BulletinFigure(
                key: "reports-missing", label: "未报", text: "\(facts.units.reduce(0) { $0 + $1.missing })项"),
        ]
        let table = BulletinTable(
            key: "by-unit", caption: "各单位\(month.month)月进展报送情况", columns: ["单位", "应报", "按时", "迟报", "未报"],
            rows: facts.units.filter { $0.late > 0 || $0.missing > 0 }.map {
                BulletinTable.Row(
                    key: $0.code, cells: [$0.name, "\($0.asked)", "\($0.onTime)", "\($0.late)", "\($0.missing)"])
            }, empty: "各单位均按时报送")
        return BulletinSection(
            key: "reports", heading: "调度报送情况", blocks: [.paragraph(text), .figures(figures), .table(table)])
    }
}
