import LantianCore

/// Reads an uploaded measurement table (县区, 月份, 数值) into values: every county one the measurement covers,
/// every month one of the campaign's, every value a number, each bad one a problem naming its line and field; a
/// county-month given twice is a warning (the later counts), a value that looks doubtful (negative, a rate above
/// 100 %) a warning.
public enum MeasurementRows {
    public static func read(
        _ rows: [SheetRow], measurement: MonthlyMeasurement, county: (String) -> String?, months: [String],
        onlyCounty: String? = nil
    ) -> TableRead<MonthlyMeasurement.Value> {
        var read = TableRead<MonthlyMeasurement.Value>()
        let columns = [
            SheetTable.Column("county", ["县区"], required: true), SheetTable.Column("month", ["月份"], required: true),
            SheetTable.Column("value", ["数值", measurement.name], required: true),
        ]
        let table: SheetTable
        switch SheetTable.read(rows, columns: columns) {
        case .failure(let issue): return TableRead(problems: [issue])
        case .success(let t): table = t
        }
        var seen: [String: (line: Int, index: Int)] = [:]
        for row in table.rows {
            let countyText = table.value("county", in: row)
            let monthText = table.value("month", in: row).replacingOccurrences(of: "/", with: "-")
            let valueText = table.value("value", in: row).replacingOccurrences(of: measurement.unit, with: "")
                .replacingOccurrences(of: "%", with: "")
            var bad = false
            let code = county(countyText)
            if code == nil || (!measurement.counties.isEmpty && !measurement.counties.contains(code ?? "")) {
                read.problem(row.line, "县区", "“\(countyText)”不是\(measurement.name)所监测的县（市、区）")
                bad = true
            } else if let onlyCounty, code != onlyCounty {
                read.problem(row.line, "县区", "只能填报本县（\(onlyCounty)）的数值")
                bad = true
            }
            let month = Self.month(monthText)
            if month == nil || !months.contains(month ?? "") {
                read.problem(
                    row.line, "月份", "“\(monthText)”不是攻坚期内的月份（\(months.first ?? "")…\(months.last ?? "")）")
                bad = true
            }
            let value = Double(SheetTable.trimmed(valueText))
            if value == nil || !(value ?? 0).isFinite {
                read.problem(row.line, "数值", "“\(valueText)”不是数值")
                bad = true
            }
            guard !bad, let code, let month, let value else { continue }
            if value < 0 || (measurement.unit == "%" && value > 100) {
                read.warning(row.line, "数值", "“\(valueText)”\(measurement.unit)不合常理，请核对")
            }
            let record = MonthlyMeasurement.Value(county: code, month: month, value: value)
            let key = code + "|" + month
            if let earlier = seen[key] {
                read.warning(row.line, "县区", "与第 \(earlier.line) 行是同一县同一月，以此行为准")
                read.records[earlier.index] = record
                seen[key] = (row.line, earlier.index)
            } else {
                seen[key] = (row.line, read.records.count)
                read.records.append(record)
            }
        }
        return read
    }

    /// `2021-10`, `2021-1` or `2021年10月` as `2021-10`.
    public static func month(_ text: String) -> String? {
        let parts = text.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "")
            .split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (2000...2100).contains(year)
        else { return nil }
        return ReportMonth(year: year, month: month)?.description
    }
}
