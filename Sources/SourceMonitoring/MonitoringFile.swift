import LantianCore

/// A whole monitoring file read into records (one a line), through ``MonitoringStream``: for the command line's
/// scan and the tests; the database import streams.
public enum MonitoringFile {
    public static func read(_ text: String) -> TableRead<MonitoringRecord> {
        var stream = MonitoringStream()
        var records: [MonitoringRecord] = []
        stream.read(text) { sample in
            if let last = records.last, last.line == sample.line {
                records[records.count - 1].readings[sample.factor] = sample.reading
            } else {
                records.append(
                    MonitoringRecord(
                        mn: sample.mn, kind: sample.kind, time: sample.time, readings: [sample.factor: sample.reading],
                        line: sample.line, sent: sample.sent))
            }
        }
        var read = TableRead(records: records, problems: stream.problems, warnings: stream.warnings)
        if stream.moreProblems > 0 {
            read.problem(stream.lines, "file", "另有 \(stream.moreProblems) 处问题未列出")
        }
        return read
    }
}
