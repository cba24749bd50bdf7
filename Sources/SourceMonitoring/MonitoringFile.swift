import LantianCore

/// Online-monitoring data as files arrive: (a) a table with HJ 212 field codes as column names
/// (`MN,DataTime,a21026-Avg,a21026-Flag,a21026-ZsAvg,…`), or (b) raw HJ 212 packets, one a line, as a data
/// logger or platform writes them — told apart by the first line. A packet with a wrong CRC or an unreadable
/// `DataTime`, a row with a bad time or value, is a problem naming its line; tolerated deviations are warnings.
public enum MonitoringFile {
    public static func read(_ text: String) -> TableRead<MonitoringRecord> {
        let firstLine = text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) }
        if firstLine?.trimmingCharacters(in: .whitespaces).hasPrefix("##") == true { return packets(text) }
        return table(SheetRow.csv(text))
    }

    /// Raw packets, one a line; command codes other than data (2011, 2051, 2061, 2031) are skipped.
    public static func packets(_ text: String) -> TableRead<MonitoringRecord> {
        var read = TableRead<MonitoringRecord>()
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = index + 1
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let parsed = HJ212Packet.parse(String(line))
            for warning in parsed.warnings { read.warning(number, "packet", warning) }
            guard let packet = parsed.packet else {
                read.problem(number, "packet", parsed.problem ?? "无法解析")
                continue
            }
            guard let kind = MonitoringRecord.Kind(cn: packet.cn) else { continue }
            guard let timeText = packet.parameters["DataTime"], let time = MinuteStamp(timeText) else {
                read.problem(number, "DataTime", "“\(packet.parameters["DataTime"] ?? "")”不是 YYYYMMDDhhmmss 时间")
                continue
            }
            var readings: [String: MonitoringRecord.Reading] = [:]
            var bad = false
            for (key, value) in packet.parameters where key != "DataTime" {
                guard let dash = key.lastIndex(of: "-") else { continue }
                let factor = Factor.code(String(key[..<dash]))
                let suffix = key[key.index(after: dash)...]
                var reading = readings[factor] ?? MonitoringRecord.Reading(value: nil)
                switch suffix {
                case "Avg", "Rtd":
                    reading.value = Double(value)
                    if reading.value == nil {
                        read.problem(number, key, "“\(value)”不是数值")
                        bad = true
                    }
                case "ZsAvg", "ZsRtd": reading.corrected = Double(value)
                case "Flag": reading.flag = value
                default: break
                }
                readings[factor] = reading
            }
            if !bad {
                read.records.append(
                    MonitoringRecord(
                        mn: packet.mn, kind: kind, time: time, readings: readings, line: number,
                        sent: MinuteStamp(packet.qn)))
            }
        }
        return read
    }

    /// A table with `MN`, `DataTime` and `<factor>-<suffix>` columns, optionally `QN` or `UploadTime` (when the
    /// record was sent); records are hourly unless a time has minutes (then minute data).
    public static func table(_ rows: [SheetRow]) -> TableRead<MonitoringRecord> {
        var read = TableRead<MonitoringRecord>()
        guard let header = rows.first(where: { !$0.isBlank }) else {
            return TableRead(problems: [ImportIssue(line: 1, field: "header", reason: "文件为空")])
        }
        let names = header.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let mnColumn = names.firstIndex(where: { $0.uppercased() == "MN" }),
            let timeColumn = names.firstIndex(where: { $0.lowercased() == "datatime" })
        else {
            return TableRead(
                problems: [ImportIssue(line: header.line, field: "header", reason: "表头应有 MN 和 DataTime 两列")])
        }
        let sentColumn = names.firstIndex { ["qn", "uploadtime"].contains($0.lowercased()) }
        var columns: [(index: Int, factor: String, suffix: String)] = []
        for (index, name) in names.enumerated() where index != mnColumn && index != timeColumn && index != sentColumn {
            guard let dash = name.lastIndex(of: "-") else { continue }
            columns.append((index, Factor.code(String(name[..<dash])), String(name[name.index(after: dash)...])))
        }
        for row in rows where row.line > header.line && !row.isBlank {
            func cell(_ index: Int) -> String {
                index < row.cells.count ? row.cells[index].trimmingCharacters(in: .whitespaces) : ""
            }
            let mn = cell(mnColumn)
            guard !mn.isEmpty else {
                read.problem(row.line, "MN", "MN 为空")
                continue
            }
            guard let time = MinuteStamp(cell(timeColumn)) else {
                read.problem(row.line, "DataTime", "“\(cell(timeColumn))”不是时间（YYYYMMDDhhmmss 或 YYYY-MM-DD hh:mm）")
                continue
            }
            var readings: [String: MonitoringRecord.Reading] = [:]
            for column in columns {
                let text = cell(column.index)
                guard !text.isEmpty else { continue }
                var reading = readings[column.factor] ?? MonitoringRecord.Reading(value: nil)
                switch column.suffix {
                case "Avg", "Rtd":
                    guard let value = Double(text), value.isFinite else {
                        read.problem(row.line, names[column.index], "“\(text)”不是数值")
                        continue
                    }
                    reading.value = value
                case "ZsAvg", "ZsRtd": reading.corrected = Double(text)
                case "Flag": reading.flag = text.uppercased()
                default: continue
                }
                readings[column.factor] = reading
            }
            let kind: MonitoringRecord.Kind = time.value % 60 == 0 ? .hour : .minute
            read.records.append(
                MonitoringRecord(
                    mn: mn, kind: kind, time: time, readings: readings, line: row.line,
                    sent: sentColumn.flatMap { MinuteStamp(cell($0)) }))
        }
        return read
    }
}
