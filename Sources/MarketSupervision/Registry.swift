import Foundation
import LantianCore

/// The bureau's registries read from uploaded tables: the sites (加油站、清洁煤供应点、VOCs产品生产销售企业、油库、
/// 批发企业、检验检测机构) and the delivery records between them. Every problem is named with its line and field,
/// and a file with any problem is refused whole; values accepted but doubtful (a repeated code, an unknown road,
/// a delivery from a site not in the registry) are warnings naming their line.
public enum Registry {
    /// What reading a table gave: the records (meaningful only without problems), problems and warnings.
    public typealias Read<Record: Sendable> = TableRead<Record>

    /// The columns of a sites table; the English key or any Chinese heading.
    public static let siteColumns: [SheetTable.Column] = [
        .init("code", ["编号", "统一社会信用代码", "许可证号"], required: true),
        .init("name", ["名称", "单位名称"], required: true),
        .init("kind", ["类型", "类别"], required: true),
        .init("county", ["县区", "县（市、区）", "所在县区"], required: true),
        .init("address", ["地址"]),
        .init("road", ["沿线道路", "道路"]),
        .init("licensed", ["持证", "是否持证"]),
        .init("operator", ["经营者", "负责人"]),
        .init("class", ["风险等级", "风险分类"]),
    ]

    /// The columns of a deliveries table.
    public static let deliveryColumns: [SheetTable.Column] = [
        .init("from", ["供货方", "发货方"], required: true),
        .init("to", ["收货方"], required: true),
        .init("date", ["日期", "发货日期"], required: true),
        .init("product", ["油品", "产品"], required: true),
        .init("volume", ["数量"]),
        .init("document", ["单据号", "出库单号"]),
    ]

    /// Sites from `rows`; `county` resolves a county cell (code, name or alias) to the county unit's code.
    public static func sites(_ rows: [SheetRow], county: (String) -> String?) -> Read<MarketSite> {
        var read = Read<MarketSite>(records: [], problems: [], warnings: [])
        let table: SheetTable
        switch SheetTable.read(rows, columns: siteColumns) {
        case .failure(let issue): return Read(records: [], problems: [issue], warnings: [])
        case .success(let t): table = t
        }
        var seen: [String: Int] = [:]
        for row in table.rows {
            func problem(_ field: String, _ reason: String) {
                read.problems.append(ImportIssue(line: row.line, field: field, reason: reason))
            }
            let code = table.value("code", in: row)
            let name = table.value("name", in: row)
            guard !code.isEmpty else {
                problem("code", "编号为空")
                continue
            }
            if name.isEmpty { problem("name", "名称为空") }
            let kindText = table.value("kind", in: row)
            let kind = MarketSite.Kind(cell: kindText)
            if kind == nil {
                problem(
                    "kind",
                    "“\(kindText)”不是场所类型（可填：\(MarketSite.Kind.allCases.map(\.chinese).joined(separator: "、"))）")
            }
            let countyText = table.value("county", in: row)
            let countyCode = county(countyText)
            if countyCode == nil { problem("county", "“\(countyText)”不是本市的县（市、区）") }
            var road: MarketSite.Road?
            let roadText = table.value("road", in: row)
            if !roadText.isEmpty && !["无", "否", "-"].contains(roadText) {
                road = MarketSite.Road(cell: roadText)
                if road == nil {
                    read.warnings.append(
                        ImportIssue(
                            line: row.line, field: "road",
                            reason: "“\(roadText)”看不出是高速公路、国道还是省道，记为不在沿线"))
                }
            }
            let licensedText = table.value("licensed", in: row)
            let licensed = yesNo(licensedText)
            if licensed == nil { problem("licensed", "“\(licensedText)”应为 是 或 否") }
            if let first = seen[code] {
                read.warnings.append(
                    ImportIssue(line: row.line, field: "code", reason: "编号 \(code) 与第 \(first) 行重复，以本行为准"))
            }
            seen[code] = row.line
            guard let kind, let countyCode, let licensed, !name.isEmpty else { continue }
            let riskClass = table.value("class", in: row)
            read.records.removeAll { $0.code == code }
            read.records.append(
                MarketSite(
                    code: code, name: name, kind: kind, county: countyCode, address: table.value("address", in: row),
                    road: road, licensed: licensed, operatorName: table.value("operator", in: row),
                    riskClass: riskClass.isEmpty ? nil : riskClass))
        }
        if table.rows.isEmpty {
            read.problems.append(ImportIssue(line: table.headerLine, field: "rows", reason: "表头之后没有数据行"))
        }
        return read
    }

    /// Deliveries from `rows`. `known` says whether a code is a registered site; a delivery between sites the
    /// registry does not hold is kept (a refinery outside the city need not be registered) with a warning.
    public static func deliveries(_ rows: [SheetRow], known: ((String) -> Bool)? = nil) -> Read<Delivery> {
        var read = Read<Delivery>(records: [], problems: [], warnings: [])
        let table: SheetTable
        switch SheetTable.read(rows, columns: deliveryColumns) {
        case .failure(let issue): return Read(records: [], problems: [issue], warnings: [])
        case .success(let t): table = t
        }
        var seen: [String: Int] = [:]
        for row in table.rows {
            var failed = false
            func problem(_ field: String, _ reason: String) {
                read.problems.append(ImportIssue(line: row.line, field: field, reason: reason))
                failed = true
            }
            let from = table.value("from", in: row)
            let to = table.value("to", in: row)
            if from.isEmpty { problem("from", "empty: 供货方为空") }
            if to.isEmpty { problem("to", "empty: 收货方为空") }
            if !from.isEmpty && from == to { problem("to", "\(from) delivers to itself（供货方与收货方相同）") }
            let dateText = table.value("date", in: row)
            let date = CivilDate(cell: dateText)
            if date == nil { problem("date", "\"\(dateText)\" is not a YYYY-MM-DD date（不是日期）") }
            let product = table.value("product", in: row)
            if product.isEmpty { problem("product", "empty: 油品为空") }
            var volume: MeasuredValue?
            let volumeText = table.value("volume", in: row)
            if ["N/A", "NA", "/", "-", "—"].contains(volumeText.uppercased()) {
                read.warnings.append(
                    ImportIssue(line: row.line, field: "volume", reason: "“\(volumeText)”不是数量，记为未填"))
            } else if !volumeText.isEmpty {
                if let value = MeasuredValue(volumeText), !value.isNegative {
                    volume = value
                } else {
                    problem("volume", "\"\(volumeText)\" is not a volume（不是数量）")
                }
            }
            guard !failed, let date else { continue }
            let document = table.value("document", in: row)
            let key = [from, to, date.description, product, document].joined(separator: "\u{1F}")
            if let first = seen[key] {
                read.warnings.append(
                    ImportIssue(line: row.line, field: "document", reason: "与第 \(first) 行是同一笔购销记录，未重复计入"))
                continue
            }
            seen[key] = row.line
            if let known {
                for (field, code) in [("from", from), ("to", to)] where !known(code) {
                    read.warnings.append(ImportIssue(line: row.line, field: field, reason: "\(code) 不在场所名录中"))
                }
            }
            read.records.append(
                Delivery(
                    from: from, to: to, date: date, product: product, volume: volume, document: document,
                    line: row.line))
        }
        return read
    }

    /// 是/否, yes/no, true/false, 1/0, √/×; empty is yes (a registry lists licensed sites unless it says not).
    static func yesNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "", "是", "有", "yes", "y", "true", "1", "√", "持证": true
        case "否", "无", "no", "n", "false", "0", "×", "未持证", "无证": false
        default: nil
        }
    }
}
