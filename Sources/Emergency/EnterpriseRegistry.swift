import LantianCore

/// The emergency-control registry read from uploaded tables (CSV or .xlsx rows): enterprises, their equipment,
/// and the jurisdiction's inventory totals. Every problem names its line and field and refuses the table whole;
/// values accepted but doubtful (an empty or "N/A" emission taken as 0, a repeated id, a credit code whose check
/// character is wrong, an absurd tonnage) are warnings naming their line.
public enum EnterpriseRegistry {
    /// The columns of an enterprises table; the English key or a Chinese heading.
    public static let enterpriseColumns: [SheetTable.Column] = [
        .init("id", ["编号", "企业编号"], required: true),
        .init("name", ["名称", "企业名称"], required: true),
        .init("credit_code", ["统一社会信用代码", "信用代码"]),
        .init("county", ["县区", "县（市、区）", "所在县区"], required: true),
        .init("industry", ["行业", "所属行业"], required: true),
        .init("grade", ["绩效等级", "绩效分级", "等级"], required: true),
        .init("so2", ["SO2", "二氧化硫"], required: true),
        .init("nox", ["NOx", "氮氧化物"], required: true),
        .init("pm", ["颗粒物", "PM"], required: true),
        .init("vocs", ["VOCs", "挥发性有机物"], required: true),
        .init("output", ["产值", "年产值"]),
        .init("capacity", ["产能", "生产规模"]),
        .init("exempt_reason", ["保障理由", "保障类理由"]),
        .init("exempt_approval", ["审批文件", "保障类审批"]),
    ]

    /// The columns of an equipment table (production lines and major equipment).
    public static let equipmentColumns: [SheetTable.Column] = [
        .init("enterprise", ["企业编号"], required: true),
        .init("id", ["设备编号", "编号"], required: true),
        .init("kind", ["类型", "设备类型"], required: true),
        .init("name", ["名称", "设备名称"], required: true),
        .init("capacity", ["规模", "产能"]),
        .init("size", ["规模数值"]),
        .init("so2", ["SO2", "二氧化硫"]),
        .init("nox", ["NOx", "氮氧化物"]),
        .init("pm", ["颗粒物", "PM"]),
        .init("vocs", ["VOCs", "挥发性有机物"]),
    ]

    /// More than this many tonnes a year of one pollutant from one enterprise is accepted with a warning.
    public static let doubtfulTonnes = 100_000.0

    /// Enterprises from `rows`. `county` resolves a county cell to the county unit's code, `industry` an industry
    /// cell to its code (nil: not known, with `industries` listed in the message).
    public static func enterprises(
        _ rows: [SheetRow], county: (String) -> String?, industry: (String) -> String?, industries: [String]
    ) -> TableRead<Enterprise> {
        var read = TableRead<Enterprise>()
        let table: SheetTable
        switch SheetTable.read(rows, columns: enterpriseColumns) {
        case .failure(let issue): return TableRead(problems: [issue])
        case .success(let t): table = t
        }
        var seen: [String: Int] = [:]
        for row in table.rows {
            let id = table.value("id", in: row)
            let name = table.value("name", in: row)
            guard !id.isEmpty else {
                read.problem(row.line, "id", "编号为空")
                continue
            }
            if name.isEmpty { read.problem(row.line, "name", "名称为空") }
            let countyText = table.value("county", in: row)
            let countyCode = county(countyText)
            if countyCode == nil { read.problem(row.line, "county", "“\(countyText)”不是本市的县（市、区）") }
            let industryText = table.value("industry", in: row)
            let industryCode = industry(industryText)
            if industryCode == nil {
                read.problem(
                    row.line, "industry", "“\(industryText)”不是措施表中的行业（可填：\(industries.joined(separator: "、"))）")
            }
            let gradeText = table.value("grade", in: row)
            let grade = PerformanceGrade(cell: gradeText)
            if grade == nil {
                read.problem(
                    row.line, "grade",
                    "“\(gradeText)”不是绩效等级（可填：\(PerformanceGrade.allCases.map(\.rawValue).joined(separator: "、"))）")
            }
            var exemption: Enterprise.Exemption?
            if grade == .exempt {
                let reason = table.value("exempt_reason", in: row)
                let approval = table.value("exempt_approval", in: row)
                if reason.isEmpty { read.warning(row.line, "exempt_reason", "保障类企业未写明保障理由") }
                if approval.isEmpty { read.warning(row.line, "exempt_approval", "保障类企业未填审批文件") }
                exemption = .init(reason: reason, approval: approval)
            }
            let emissions = self.emissions(table, row, &read, required: true)
            let creditCode = table.value("credit_code", in: row).uppercased()
            if !creditCode.isEmpty && !CreditCode.isValid(creditCode) {
                read.warning(row.line, "credit_code", "统一社会信用代码 \(creditCode) 校验位不符（GB 32100-2015），请核对")
            }
            var output: Double?
            let outputText = table.value("output", in: row)
            if !outputText.isEmpty {
                output = Double(outputText).flatMap { $0 >= 0 && $0.isFinite ? $0 : nil }
                if output == nil { read.problem(row.line, "output", "“\(outputText)”不是产值（万元，非负数）") }
            }
            if let first = seen[id] {
                read.warning(row.line, "id", "编号 \(id) 与第 \(first) 行重复，以本行为准")
            }
            seen[id] = row.line
            guard let countyCode, let industryCode, let grade, let emissions, !name.isEmpty else { continue }
            read.records.removeAll { $0.id == id }
            read.records.append(
                Enterprise(
                    id: id, name: name, creditCode: creditCode, county: countyCode, industry: industryCode,
                    grade: grade,
                    exemption: exemption, capacity: table.value("capacity", in: row), output: output,
                    emissions: emissions))
        }
        if table.rows.isEmpty { read.problem(table.headerLine, "rows", "表头之后没有数据行") }
        return read
    }

    /// Equipment from `rows`, attached to `enterprises` (an unknown enterprise id is a problem).
    public static func equipment(_ rows: [SheetRow], enterprises: Set<String>) -> TableRead<EquipmentRow> {
        var read = TableRead<EquipmentRow>()
        let table: SheetTable
        switch SheetTable.read(rows, columns: equipmentColumns) {
        case .failure(let issue): return TableRead(problems: [issue])
        case .success(let t): table = t
        }
        var seen: [String: Int] = [:]
        for row in table.rows {
            let enterprise = table.value("enterprise", in: row)
            let id = table.value("id", in: row)
            let kind = table.value("kind", in: row)
            let name = table.value("name", in: row)
            if !enterprises.contains(enterprise) { read.problem(row.line, "enterprise", "企业编号“\(enterprise)”不在企业名录中") }
            if id.isEmpty { read.problem(row.line, "id", "设备编号为空") }
            let kindCode =
                Equipment.knownKinds[kind] != nil ? kind : Equipment.knownKinds.first { $0.value == kind }?.key ?? kind
            if kind.isEmpty { read.problem(row.line, "kind", "设备类型为空") }
            let sizeText = table.value("size", in: row)
            let size = sizeText.isEmpty ? nil : Double(sizeText)
            if !sizeText.isEmpty && size == nil { read.problem(row.line, "size", "“\(sizeText)”不是数") }
            let hasEmissions = EmissionPollutant.allCases.contains { !table.value($0.rawValue, in: row).isEmpty }
            let emissions = hasEmissions ? self.emissions(table, row, &read, required: false) : nil
            if let first = seen["\(enterprise)|\(id)"] {
                read.problem(row.line, "id", "设备 \(enterprise)/\(id) 与第 \(first) 行重复")
            }
            seen["\(enterprise)|\(id)"] = row.line
            read.records.append(
                EquipmentRow(
                    enterprise: enterprise,
                    equipment: Equipment(
                        id: id, kind: kindCode, name: name.isEmpty ? id : name,
                        capacity: table.value("capacity", in: row), size: size, emissions: emissions)))
        }
        return read
    }

    /// The jurisdiction's totals per pollutant (`pollutant,total`, t/yr; the emission inventory).
    public static func inventory(_ rows: [SheetRow]) -> TableRead<Emissions> {
        var read = TableRead<Emissions>()
        let table: SheetTable
        switch SheetTable.read(
            rows,
            columns: [.init("pollutant", ["污染物"], required: true), .init("total", ["总量", "排放总量"], required: true)])
        {
        case .failure(let issue): return TableRead(problems: [issue])
        case .success(let t): table = t
        }
        var totals = Emissions()
        var given: [EmissionPollutant: Int] = [:]
        for row in table.rows {
            let text = table.value("pollutant", in: row)
            guard let pollutant = EmissionPollutant(cell: text) else {
                read.problem(row.line, "pollutant", "“\(text)”不是 so2、nox、pm、vocs 之一")
                continue
            }
            let totalText = table.value("total", in: row)
            guard let total = Double(totalText), total > 0, total.isFinite else {
                read.problem(row.line, "total", "“\(totalText)”不是排放总量（吨/年，正数）")
                continue
            }
            if let first = given[pollutant] {
                read.problem(row.line, "pollutant", "\(pollutant.rawValue) 与第 \(first) 行重复")
            }
            given[pollutant] = row.line
            totals[pollutant] = total
        }
        for pollutant in EmissionPollutant.allCases where given[pollutant] == nil {
            read.problem(table.headerLine, "pollutant", "缺少 \(pollutant.rawValue) 的排放总量")
        }
        read.records = [totals]
        return read
    }

    private static func emissions<R>(
        _ table: SheetTable, _ row: SheetRow, _ read: inout TableRead<R>, required: Bool
    ) -> Emissions? {
        var result = Emissions()
        var good = true
        for pollutant in EmissionPollutant.allCases {
            let text = table.value(pollutant.rawValue, in: row)
            if text.isEmpty || ["N/A", "NA", "-", "—", "/", "无"].contains(text.uppercased()) {
                if required || !text.isEmpty {
                    read.warning(row.line, pollutant.rawValue, "“\(text)”按 0 吨/年计")
                }
                continue
            }
            guard let value = Double(text), value.isFinite, value >= 0 else {
                read.problem(row.line, pollutant.rawValue, "“\(text)”不是排放量（吨/年，非负数）")
                good = false
                continue
            }
            if value > doubtfulTonnes {
                read.warning(row.line, pollutant.rawValue, "\(text) 吨/年超过 \(Int(doubtfulTonnes)) 吨，请核对单位")
            }
            result[pollutant] = value
        }
        return good ? result : nil
    }
}

/// A row of an equipment table: the enterprise's id and the unit.
public struct EquipmentRow: Hashable, Sendable {
    public var enterprise: String
    public var equipment: Equipment
}

extension EmissionPollutant {
    /// A pollutant from `so2`, `SO2`, `二氧化硫`, `颗粒物` …
    public init?(cell: String) {
        let text = cell.trimmingCharacters(in: .whitespaces)
        if let pollutant = EmissionPollutant(rawValue: text.lowercased()) {
            self = pollutant
            return
        }
        switch text {
        case "二氧化硫", "SO₂": self = .so2
        case "氮氧化物": self = .nox
        case "颗粒物", "烟粉尘": self = .pm
        case "挥发性有机物": self = .vocs
        default: return nil
        }
    }
}
