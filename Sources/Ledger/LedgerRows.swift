import LantianCore

/// Reads an uploaded ledger table (headings: each field's name or key) into rows: every value checked against its
/// field — required, a number, a date, one of the choices, a county or unit of the plan, an enterprise of the
/// registry, 是/否, a status of the workflow — each bad one a problem naming its line and field; a key seen twice
/// in the file is a warning (the later row counts), a value that looks doubtful (a negative number) a warning.
public enum LedgerRows {
    /// What the reader resolves against: the plan's counties and units (code or name → code), the registry.
    public struct Lookup: Sendable {
        public var county: @Sendable (String) -> String?
        public var unit: @Sendable (String) -> String?
        public var enterprise: @Sendable (String) -> Bool

        public init(
            county: @escaping @Sendable (String) -> String?, unit: @escaping @Sendable (String) -> String?,
            enterprise: @escaping @Sendable (String) -> Bool = { _ in true }
        ) {
            self.county = county
            self.unit = unit
            self.enterprise = enterprise
        }
    }

    /// `onlyOwner`: the county or unit importing, which may bring only its own rows.
    public static func read(_ rows: [SheetRow], type: LedgerType, lookup: Lookup, onlyOwner: String? = nil)
        -> TableRead<LedgerRow>
    {
        var read = TableRead<LedgerRow>()
        let columns = type.fields.map { SheetTable.Column($0.key, [$0.name], required: $0.required) }
        let table: SheetTable
        switch SheetTable.read(rows, columns: columns) {
        case .failure(let issue): return TableRead(problems: [issue])
        case .success(let t): table = t
        }
        var seen: [String: (line: Int, index: Int)] = [:]
        for row in table.rows {
            var values: [String: String] = [:]
            var bad = false
            for field in type.fields {
                let text = table.value(field.key, in: row)
                func problem(_ reason: String) {
                    read.problem(row.line, field.name, reason)
                    bad = true
                }
                guard !text.isEmpty else {
                    if field.required { problem("必填") }
                    continue
                }
                switch field.kind {
                case .text: values[field.key] = text
                case .number(let unit):
                    let plain = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: unit, with: "")
                        .trimmingCharacters(in: .whitespaces)
                    guard let number = Double(plain), number.isFinite else {
                        problem("“\(text)”不是数值\(unit.isEmpty ? "" : "（\(unit)）")")
                        continue
                    }
                    if number < 0 { read.warning(row.line, field.name, "“\(text)”为负数，请核对") }
                    values[field.key] = NumberText.csv(number)
                case .date:
                    guard let date = CivilDate(text.replacingOccurrences(of: "/", with: "-")) else {
                        problem("“\(text)”不是日期（YYYY-MM-DD）")
                        continue
                    }
                    values[field.key] = date.description
                case .choice(let allowed):
                    guard allowed.contains(text) else {
                        problem("“\(text)”不是 \(allowed.joined(separator: "、")) 之一")
                        continue
                    }
                    values[field.key] = text
                case .county:
                    guard let code = lookup.county(text) else {
                        problem("“\(text)”不是方案中的县（市、区）")
                        continue
                    }
                    values[field.key] = code
                case .unit:
                    guard let code = lookup.unit(text) else {
                        problem("“\(text)”不是方案中的单位")
                        continue
                    }
                    values[field.key] = code
                case .enterprise:
                    guard lookup.enterprise(text) else {
                        problem("“\(text)”不在企业名录中")
                        continue
                    }
                    values[field.key] = text
                case .yesNo:
                    switch text.lowercased() {
                    case "是", "yes", "y", "1", "true": values[field.key] = "是"
                    case "否", "no", "n", "0", "false": values[field.key] = "否"
                    default: problem("“\(text)”应为 是 或 否")
                    }
                case .status:
                    guard type.statuses.contains(text) else {
                        problem("“\(text)”不是 \(type.statuses.joined(separator: "、")) 之一")
                        continue
                    }
                    values[field.key] = text
                }
            }
            if let status = type.statusField, values[status.key] == nil, let first = type.statuses.first {
                values[status.key] = first
            }
            let ownerField = type.ownerField
            if let onlyOwner, let owner = values[ownerField], owner != onlyOwner {
                read.problem(
                    row.line, type.field(ownerField)?.name ?? ownerField, "只能导入本单位（\(onlyOwner)）的行，此行属于 \(owner)")
                bad = true
            }
            guard !bad else { continue }
            let record = LedgerRow(values: values)
            let key = record.key(in: type)
            if let earlier = seen[key] {
                read.warning(
                    row.line, "key", "与第 \(earlier.line) 行是同一条（\(type.key.joined(separator: "、"))相同），以此行为准")
                read.records[earlier.index] = record
                seen[key] = (row.line, earlier.index)
            } else {
                seen[key] = (row.line, read.records.count)
                read.records.append(record)
            }
        }
        return read
    }
}
