import LantianCore

/// A key polluter's outlet (排放口) with its automatic monitoring: the device (HJ 212 `MN`), the factors it
/// monitors, the limits that apply, and whether it is installed and networked with the ecology bureau.
public struct Outlet: Hashable, Sendable {
    /// An emission limit as data: the value (mg/m³), the reference O2 (%) where the standard corrects to one, and
    /// the standard with its edition (`GB 13271-2014 表3`).
    public struct LimitRule: Hashable, Sendable {
        public var limit: AnomalyScan.Limit
        public var standard: String

        public init(limit: AnomalyScan.Limit, standard: String) {
            self.limit = limit
            self.standard = standard
        }
    }

    public var mn: String
    /// The registry's code of the enterprise.
    public var enterprise: String
    public var name: String
    /// Factor codes (`a21026`, …).
    public var factors: [String]
    public var installed: Bool
    public var networked: Bool
    public var networkedOn: CivilDate?
    /// By factor code.
    public var limits: [String: LimitRule]

    public init(
        mn: String, enterprise: String, name: String, factors: [String], installed: Bool, networked: Bool,
        networkedOn: CivilDate? = nil, limits: [String: LimitRule] = [:]
    ) {
        self.mn = mn
        self.enterprise = enterprise
        self.name = name
        self.factors = factors
        self.installed = installed
        self.networked = networked
        self.networkedOn = networkedOn
        self.limits = limits
    }

    /// Whether it monitors VOCs (非甲烷总烃 a24088, or a VOCs factor of the a25/a24 groups).
    public var monitorsVOCs: Bool { factors.contains { $0 == "a24088" || $0.hasPrefix("a25") } }
}

/// The outlet register and the limits table as uploaded (CSV in UTF-8 or GB18030, or .xlsx).
public enum OutletRegister {
    /// `企业编号,排放口,MN,监测因子,安装,联网,联网日期` (English headings `enterprise,name,mn,factors,installed,
    /// networked,networked_on` too). Factors separated by `;`, `、` or spaces; 安装/联网 是/否 (yes/no, 1/0).
    public static func outlets(_ rows: [SheetRow], enterprises: Set<String>) -> TableRead<Outlet> {
        var read = TableRead<Outlet>()
        let columns: [SheetTable.Column] = [
            .init("enterprise", ["企业编号"], required: true), .init("name", ["排放口", "排放口名称"], required: true),
            .init("mn", ["MN", "设备编号"], required: true), .init("factors", ["监测因子"], required: true),
            .init("installed", ["安装", "已安装"]), .init("networked", ["联网", "已联网"]),
            .init("networked_on", ["联网日期"]),
        ]
        switch SheetTable.read(rows, columns: columns) {
        case .failure(let issue): return TableRead(problems: [issue])
        case .success(let table):
            var seen: [String: Int] = [:]
            for row in table.rows {
                func value(_ key: String) -> String { table.value(key, in: row) }
                let mn = value("mn")
                let enterprise = value("enterprise")
                guard !mn.isEmpty else {
                    read.problem(row.line, "MN", "MN（设备唯一标识）为空")
                    continue
                }
                if let first = seen[mn] {
                    read.problem(row.line, "MN", "MN \(mn) 已在第 \(first) 行出现")
                    continue
                }
                seen[mn] = row.line
                if !enterprises.contains(enterprise) {
                    read.problem(row.line, "企业编号", "“\(enterprise)”不在应急减排清单的企业名录中")
                    continue
                }
                let factors = value("factors").split { ";；、, ".contains($0) }.map { Factor.code(String($0)) }
                if factors.isEmpty { read.problem(row.line, "监测因子", "至少一个监测因子（如 a21026）") }
                var flags: [Bool] = []
                for key in ["installed", "networked"] {
                    let text = value(key)
                    switch text.lowercased() {
                    case "是", "yes", "1", "y", "true", "已安装", "已联网": flags.append(true)
                    case "否", "no", "0", "n", "false", "": flags.append(false)
                    default:
                        read.problem(row.line, key == "installed" ? "安装" : "联网", "“\(text)”应为 是 或 否")
                        flags.append(false)
                    }
                }
                let dateText = value("networked_on")
                let date = CivilDate(dateText)
                if !dateText.isEmpty && date == nil {
                    read.problem(row.line, "联网日期", "“\(dateText)”不是日期（YYYY-MM-DD）")
                }
                if flags[1] && !flags[0] {
                    read.warning(row.line, "联网", "未安装却标为已联网：按已安装读取")
                    flags[0] = true
                }
                read.records.append(
                    Outlet(
                        mn: mn, enterprise: enterprise, name: value("name"), factors: factors, installed: flags[0],
                        networked: flags[1], networkedOn: date))
            }
            return read
        }
    }

    /// One row of the limits table.
    public struct LimitRow: Hashable, Sendable {
        public var mn: String
        public var factor: String
        public var rule: Outlet.LimitRule

        public init(mn: String, factor: String, rule: Outlet.LimitRule) {
            self.mn = mn
            self.factor = factor
            self.rule = rule
        }
    }

    /// `mn,factor,limit[,o2_ref][,standard]` (Chinese headings `MN,因子,限值,基准含氧量,标准` too): mg/m³ and %.
    public static func limits(_ rows: [SheetRow]) -> TableRead<LimitRow> {
        var read = TableRead<LimitRow>()
        let columns: [SheetTable.Column] = [
            .init("mn", ["MN"], required: true), .init("factor", ["因子"], required: true),
            .init("limit", ["限值"], required: true), .init("o2_ref", ["基准含氧量"]), .init("standard", ["标准"]),
        ]
        switch SheetTable.read(rows, columns: columns) {
        case .failure(let issue): return TableRead(problems: [issue])
        case .success(let table):
            for row in table.rows {
                let mn = table.value("mn", in: row)
                let factor = table.value("factor", in: row)
                let limitText = table.value("limit", in: row)
                let o2Text = table.value("o2_ref", in: row)
                guard !mn.isEmpty, !factor.isEmpty else {
                    read.problem(row.line, "mn", "mn 和 factor 不能为空")
                    continue
                }
                guard let limit = Double(limitText), limit > 0, limit.isFinite else {
                    read.problem(row.line, "limit", "“\(limitText)”不是限值（mg/m³，正数）")
                    continue
                }
                let o2 = o2Text.isEmpty ? nil : Double(o2Text)
                if !o2Text.isEmpty && (o2 == nil || !(0..<21).contains(o2!)) {
                    read.problem(row.line, "o2_ref", "“\(o2Text)”不是基准含氧量（0–21 %）")
                    continue
                }
                let standard = table.value("standard", in: row)
                if table.has("standard") && standard.isEmpty {
                    read.warning(row.line, "standard", "未注明限值依据的标准")
                }
                read.records.append(
                    LimitRow(
                        mn: mn, factor: Factor.code(factor),
                        rule: .init(limit: .init(limit: limit, o2Reference: o2), standard: standard)))
            }
            return read
        }
    }
}
