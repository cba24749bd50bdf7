import LantianCore
import Yams

/// Reads a `lantian-measurements/1` file (YAML, docs/LEDGER-FORMAT.md): the monthly per-county measurements with
/// their limits and the indicators they compute. A file with any problem is rejected whole, every problem with its
/// path and line.
public enum MeasurementFile {
    public static let formatName = "lantian-measurements/1"

    public static func read(_ text: String) throws(LedgerTypeFile.Rejected) -> [MonthlyMeasurement] {
        let root: Node?
        switch YAMLReader.compose(text) {
        case .success(let node): root = node
        case .failure(let issue): throw LedgerTypeFile.Rejected(issues: [issue])
        }
        let reader = YAMLReader()
        guard let top = reader.fields(root, at: "", allowed: ["format", "measurements"]) else {
            throw LedgerTypeFile.Rejected(issues: [DocumentIssue(path: "", line: nil, reason: "the file is empty")])
        }
        if let format = reader.string(top, "format"), format != formatName {
            reader.report("format", top["format"], "expected \"\(formatName)\", found \"\(format)\"")
        }
        var measurements: [MonthlyMeasurement] = []
        for (path, node) in reader.sequence(top, "measurements", required: true) {
            guard
                let m = reader.fields(
                    node, at: path,
                    allowed: ["code", "name", "unit", "at-most", "at-least", "basis", "counties", "indicators"]),
                let code = reader.slug(m, "code"), let name = reader.string(m, "name"),
                let unit = reader.string(m, "unit")
            else { continue }
            if measurements.contains(where: { $0.code == code }) {
                reader.report(m.path("code"), m["code"], "measurement \"\(code)\" given twice")
            }
            let most = reader.number(m, "at-most", required: false)
            let least = reader.number(m, "at-least", required: false)
            guard (most == nil) != (least == nil), let limit = most ?? least else {
                reader.report(path, node, "a measurement needs exactly one of at-most and at-least")
                continue
            }
            var entries: [MonthlyMeasurement.Entry] = []
            for (ipath, inode) in reader.sequence(m, "indicators") {
                guard let i = reader.fields(inode, at: ipath, allowed: ["task", "indicator", "aggregate"]),
                    let task = reader.string(i, "task"), let indicator = reader.string(i, "indicator")
                else { continue }
                let text =
                    reader.string(i, "aggregate", required: false)
                    ?? MonthlyMeasurement.Aggregate.worstCountyMean.rawValue
                guard let aggregate = MonthlyMeasurement.Aggregate(rawValue: text) else {
                    reader.report(
                        i.path("aggregate"), i["aggregate"], "\"\(text)\" is not worst-county-mean, mean or sum")
                    continue
                }
                entries.append(.init(task: task, indicator: indicator, aggregate: aggregate))
            }
            measurements.append(
                MonthlyMeasurement(
                    code: code, name: name, unit: unit, bound: most != nil ? .atMost : .atLeast, limit: limit,
                    basis: reader.string(m, "basis", required: false) ?? "",
                    counties: reader.strings(m, "counties").map(\.2), indicators: entries))
        }
        guard reader.issues.isEmpty else { throw LedgerTypeFile.Rejected(issues: reader.issues) }
        return measurements
    }
}
