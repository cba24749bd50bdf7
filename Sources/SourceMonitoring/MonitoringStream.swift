import LantianCore

/// The one reader of online-monitoring files, streamed: (a) a table with HJ 212 field codes as column names
/// (`MN,DataTime,a21026-Avg,a21026-Flag,a21026-ZsAvg,…`, optionally `QN` or `UploadTime`), or (b) raw HJ 212
/// packets, one a line — told apart by the first line. Fed chunks of any size, it hands over one sample per
/// factor and record, holding nothing but the line being read, so memory stays flat however large the file.
///
/// A packet with a wrong CRC or an unreadable `DataTime`, a row with a bad time or value, is a problem naming its
/// line; tolerated deviations (a wrong length field, milliseconds) are warnings.
public struct MonitoringStream {
    /// One factor's reading in one record.
    public struct Sample: Sendable {
        public var mn: String
        public var factor: String
        public var kind: MonitoringRecord.Kind
        public var time: MinuteStamp
        public var reading: MonitoringRecord.Reading
        public var sent: MinuteStamp?
        public var line: Int
    }

    /// Problems listed at most; more are counted.
    public static let listedProblems = 100

    public private(set) var problems: [ImportIssue] = []
    public private(set) var warnings: [ImportIssue] = []
    /// Problems beyond the listed.
    public private(set) var moreProblems = 0
    /// Records read (lines that gave samples).
    public private(set) var records = 0
    public var lines: Int { scanner.lineNumber }

    private enum Layout {
        case unknown, packets
        case table(Table)
    }

    private struct Table {
        struct Column {
            var factor: String
            var value: Int?
            var corrected: Int?
            var flag: Int?
        }
        var mn: Int
        var time: Int
        var sent: Int?
        var columns: [Column]
        var names: [String]
    }

    private var scanner = CSVScanner()
    private var layout = Layout.unknown
    private var reportedOverlong = false

    public init() {}

    public mutating func feed(_ chunk: UnsafeRawBufferPointer, _ sink: (Sample) -> Void) {
        var scanner = self.scanner
        scanner.feed(chunk) { row in self.line(row, sink) }
        self.scanner = scanner
        if let issue = scanner.overlong, !reportedOverlong {
            reportedOverlong = true
            problem(issue.line, issue.field, issue.reason)
        }
    }

    public mutating func finish(_ sink: (Sample) -> Void) {
        var scanner = self.scanner
        scanner.finish { row in self.line(row, sink) }
        self.scanner = scanner
        if case .unknown = layout, problems.isEmpty { problem(1, "header", "文件为空") }
    }

    /// Reads a whole text.
    public mutating func read(_ text: String, _ sink: (Sample) -> Void) {
        var text = text
        text.withUTF8 { feed(UnsafeRawBufferPointer($0), sink) }
        finish(sink)
    }

    private mutating func problem(_ line: Int, _ field: String, _ reason: String) {
        if problems.count < Self.listedProblems {
            problems.append(ImportIssue(line: line, field: field, reason: reason))
        } else {
            moreProblems += 1
        }
    }

    private mutating func warning(_ line: Int, _ field: String, _ reason: String) {
        if warnings.count < Self.listedProblems {
            warnings.append(ImportIssue(line: line, field: field, reason: reason))
        }
    }

    private mutating func line(_ row: CSVRow, _ sink: (Sample) -> Void) {
        guard !row.isBlank else { return }
        switch layout {
        case .unknown:
            let text = row.withLine { String(decoding: UnsafeBufferPointer(start: $0, count: $1), as: UTF8.self) }
            if text.trimmingCharacters(in: .whitespaces).hasPrefix("##") {
                layout = .packets
                packet(text, line: row.line, sink)
            } else {
                header(row)
            }
        case .packets:
            packet(
                row.withLine { String(decoding: UnsafeBufferPointer(start: $0, count: $1), as: UTF8.self) },
                line: row.line, sink)
        case .table(let table): tableRow(row, table, sink)
        }
    }

    private mutating func header(_ row: CSVRow) {
        let names = row.texts
        guard let mn = names.firstIndex(where: { $0.uppercased() == "MN" }),
            let time = names.firstIndex(where: { $0.lowercased() == "datatime" })
        else {
            problem(row.line, "header", "表头应有 MN 和 DataTime 两列")
            layout = .table(Table(mn: -1, time: -1, sent: nil, columns: [], names: names))
            return
        }
        let sent = names.firstIndex { ["qn", "uploadtime"].contains($0.lowercased()) }
        var columns: [Table.Column] = []
        for (index, name) in names.enumerated() where index != mn && index != time && index != sent {
            guard let dash = name.lastIndex(of: "-") else { continue }
            let factor = Factor.code(String(name[..<dash]))
            var column =
                columns.firstIndex { $0.factor == factor }.map { columns.remove(at: $0) }
                ?? Table.Column(factor: factor)
            switch name[name.index(after: dash)...] {
            case "Avg", "Rtd": column.value = index
            case "ZsAvg", "ZsRtd": column.corrected = index
            case "Flag": column.flag = index
            default: break
            }
            columns.append(column)
        }
        layout = .table(Table(mn: mn, time: time, sent: sent, columns: columns, names: names))
    }

    private mutating func tableRow(_ row: CSVRow, _ table: Table, _ sink: (Sample) -> Void) {
        guard table.mn >= 0 else { return }
        let mn = row.text(table.mn)
        guard !mn.isEmpty else {
            problem(row.line, "MN", "MN 为空")
            return
        }
        guard let time = row.withBytes(table.time, { MinuteStamp(bytes: $0, count: $1) }) else {
            problem(row.line, "DataTime", "“\(row.text(table.time))”不是时间（YYYYMMDDhhmmss 或 YYYY-MM-DD hh:mm）")
            return
        }
        let sent = table.sent.flatMap { column in row.withBytes(column) { MinuteStamp(bytes: $0, count: $1) } }
        let kind: MonitoringRecord.Kind = time.value % 60 == 0 ? .hour : .minute
        var bad = false
        var samples = 0
        for column in table.columns {
            var reading = MonitoringRecord.Reading(value: nil)
            var present = false
            if let index = column.value {
                switch row.number(index) {
                case .missing, .missingText: break
                case .value(let value):
                    reading.value = value
                    present = true
                case .bad(let text):
                    problem(row.line, table.names[index], "“\(text)”不是数值")
                    bad = true
                    continue
                }
            }
            if let index = column.corrected, case .value(let value) = row.number(index) { reading.corrected = value }
            if let index = column.flag {
                let flag = row.withBytes(index) { pointer, count -> UInt8? in
                    count == 1 ? pointer[0] & 0xDF : (count == 0 ? nil : 0)
                }
                if let flag {
                    guard flag >= 65 && flag <= 90 else {
                        problem(row.line, table.names[index], "“\(row.text(index))”不是数据标记（N、F、M、S、D、C、T、B、P）")
                        bad = true
                        continue
                    }
                    reading.flag = String(UnicodeScalar(flag))
                    present = true
                }
            }
            guard present else { continue }
            samples += 1
            if !bad {
                sink(
                    Sample(
                        mn: mn, factor: column.factor, kind: kind, time: time, reading: reading, sent: sent,
                        line: row.line))
            }
        }
        if samples > 0 { records += 1 }
    }

    /// One raw packet; command codes other than data (2011, 2051, 2061, 2031) are skipped.
    private mutating func packet(_ line: String, line number: Int, _ sink: (Sample) -> Void) {
        let parsed = HJ212Packet.parse(line)
        for warning in parsed.warnings { self.warning(number, "packet", warning) }
        guard let packet = parsed.packet else {
            problem(number, "packet", parsed.problem ?? "无法解析")
            return
        }
        guard let kind = MonitoringRecord.Kind(cn: packet.cn) else { return }
        guard let timeText = packet.parameters["DataTime"], let time = MinuteStamp(timeText) else {
            problem(number, "DataTime", "“\(packet.parameters["DataTime"] ?? "")”不是 YYYYMMDDhhmmss 时间")
            return
        }
        var readings: [String: MonitoringRecord.Reading] = [:]
        for (key, value) in packet.parameters.sorted(by: { $0.key < $1.key }) where key != "DataTime" {
            guard let dash = key.lastIndex(of: "-") else { continue }
            let factor = Factor.code(String(key[..<dash]))
            var reading = readings[factor] ?? MonitoringRecord.Reading(value: nil)
            switch key[key.index(after: dash)...] {
            case "Avg", "Rtd":
                guard let parsed = Double(value), parsed.isFinite else {
                    problem(number, key, "“\(value)”不是数值")
                    return
                }
                reading.value = parsed
            case "ZsAvg", "ZsRtd": reading.corrected = Double(value)
            case "Flag": reading.flag = value.uppercased()
            default: break
            }
            readings[factor] = reading
        }
        let sent = MinuteStamp(packet.qn)
        records += 1
        for (factor, reading) in readings.sorted(by: { $0.key < $1.key }) {
            sink(
                Sample(
                    mn: packet.mn, factor: factor, kind: kind, time: time, reading: reading, sent: sent, line: number))
        }
    }
}
