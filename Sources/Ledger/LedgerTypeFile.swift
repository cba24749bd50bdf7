import LantianCore
import Yams

/// Reads a `lantian-ledger/1` file (YAML, docs/LEDGER-FORMAT.md) into a ``LedgerType``. The whole file is checked;
/// a file with any problem is rejected whole, every problem with its path and line.
public enum LedgerTypeFile {
    public static let formatName = "lantian-ledger/1"

    public struct Rejected: Error, Sendable, CustomStringConvertible {
        public var issues: [DocumentIssue]

        public var description: String {
            "ledger type rejected, \(issues.count) problem(s):\n" + issues.map { "  \($0)" }.joined(separator: "\n")
        }
    }

    static let kinds = ["text", "number", "date", "choice", "county", "unit", "enterprise", "yes-no", "status"]

    public static func read(_ text: String) throws(Rejected) -> LedgerType {
        let root: Node?
        switch YAMLReader.compose(text) {
        case .success(let node): root = node
        case .failure(let issue): throw Rejected(issues: [issue])
        }
        let reader = YAMLReader()
        let keys: Set<String> = [
            "format", "code", "name", "owner", "tasks", "fields", "key", "statuses", "indicators",
        ]
        guard let top = reader.fields(root, at: "", allowed: keys) else {
            throw Rejected(issues: [DocumentIssue(path: "", line: nil, reason: "the file is empty")])
        }
        if let format = reader.string(top, "format"), format != formatName {
            reader.report("format", top["format"], "expected \"\(formatName)\", found \"\(format)\"")
        }
        let code = reader.slug(top, "code")
        let name = reader.string(top, "name")
        let owner = reader.choice(top, "owner", LedgerType.Owner.self)
        var fields: [LedgerField] = []
        for (path, node) in reader.sequence(top, "fields", required: true) {
            guard
                let f = reader.fields(node, at: path, allowed: ["key", "name", "type", "unit", "values", "required"]),
                let key = reader.slug(f, "key"), let heading = reader.string(f, "name"),
                let kindText = reader.string(f, "type")
            else { continue }
            if fields.contains(where: { $0.key == key }) {
                reader.report(f.path("key"), f["key"], "field \"\(key)\" given twice")
            }
            let kind: LedgerField.Kind
            switch kindText {
            case "text": kind = .text
            case "number": kind = .number(unit: reader.string(f, "unit", required: false) ?? "")
            case "date": kind = .date
            case "choice":
                let values = reader.strings(f, "values", required: true).map(\.2)
                if values.isEmpty { reader.report(f.path("values"), f["values"], "a choice needs its values") }
                kind = .choice(values: values)
            case "county": kind = .county
            case "unit": kind = .unit
            case "enterprise": kind = .enterprise
            case "yes-no": kind = .yesNo
            case "status": kind = .status
            default:
                reader.report(
                    f.path("type"), f["type"], "\"\(kindText)\" is not one of: \(kinds.joined(separator: ", "))")
                continue
            }
            let required = reader.string(f, "required", required: false).map { $0 == "true" } ?? false
            fields.append(LedgerField(key: key, name: heading, kind: kind, required: required))
        }
        let known = Set(fields.map(\.key))
        let key = reader.strings(top, "key", required: true).compactMap { path, node, field -> String? in
            guard known.contains(field) else {
                reader.report(path, node, "\"\(field)\" is not a field of this ledger")
                return nil
            }
            return field
        }
        if let owner {
            let needed = owner == .county ? LedgerField.Kind.county : .unit
            if !fields.contains(where: { $0.kind == needed && $0.required }) {
                reader.report(
                    "owner", top["owner"],
                    "a ledger owned by \(owner.rawValue) needs a required \(owner.rawValue) field")
            }
        }
        var statuses: [String] = []
        var transitions: [String: [String]] = [:]
        if let node = top["statuses"], let s = reader.fields(node, at: "statuses", allowed: ["values", "moves"]) {
            statuses = reader.strings(s, "values", required: true).map(\.2)
            if let moves = s["moves"], let m = reader.fields(moves, at: s.path("moves"), allowed: Set(statuses)) {
                for (from, _) in m.values {
                    let targets = reader.strings(m, from, required: true)
                    for (path, node, target) in targets where !statuses.contains(target) {
                        reader.report(path, node, "\"\(target)\" is not one of the statuses")
                    }
                    transitions[from] = targets.map(\.2)
                }
            }
            if !fields.contains(where: { $0.kind == .status }) {
                reader.report("statuses", node, "statuses need a field of type status")
            }
        } else if fields.contains(where: { $0.kind == .status }) {
            reader.report("fields", top["fields"], "a status field needs the statuses")
        }
        var indicators: [LedgerIndicator] = []
        for (path, node) in reader.sequence(top, "indicators") {
            guard
                let i = reader.fields(
                    node, at: path, allowed: ["task", "indicator", "aggregate", "where", "on-time", "breakdown"]),
                let task = reader.string(i, "task"), let indicator = reader.string(i, "indicator")
            else { continue }
            var aggregate = LedgerIndicator.Aggregate.count
            if let text = reader.string(i, "aggregate", required: false), text != "count" {
                let field = String(text.drop { $0 != ":" }.dropFirst())
                if text.hasPrefix("sum:"), case .number? = fields.first(where: { $0.key == field })?.kind {
                    aggregate = .sum(field: field)
                } else if text.hasPrefix("distinct:"), known.contains(field) {
                    aggregate = .distinct(field: field)
                } else {
                    reader.report(
                        i.path("aggregate"), i["aggregate"],
                        "\"\(text)\" is not count, sum:NUMBER-FIELD or distinct:FIELD")
                }
            }
            var filter: [String: LedgerCondition] = [:]
            if let node = i["where"], let w = reader.fields(node, at: i.path("where"), allowed: known) {
                for (field, value) in w.values {
                    if case .scalar(let scalar) = value, let first = scalar.string.first, "<>".contains(first) {
                        let isNumber: Bool
                        if case .number? = fields.first(where: { $0.key == field })?.kind {
                            isNumber = true
                        } else {
                            isNumber = false
                        }
                        if isNumber, let range = LedgerCondition(range: scalar.string) {
                            filter[field] = range
                        } else {
                            reader.report(
                                w.path(field), value,
                                "\"\(scalar.string)\" is not a range of a number field (\">=35 <65\")")
                        }
                    } else {
                        filter[field] = .oneOf(reader.strings(w, field, required: true).map(\.2))
                    }
                }
            }
            let onTime = reader.string(i, "on-time", required: false)
            if let onTime, onTime != LedgerIndicator.statusDate,
                fields.first(where: { $0.key == onTime })?.kind != .date
            {
                reader.report(i.path("on-time"), i["on-time"], "\"\(onTime)\" is not a date field or status-date")
            }
            let breakdown = reader.string(i, "breakdown", required: false)
            if let breakdown, !known.contains(breakdown) {
                reader.report(i.path("breakdown"), i["breakdown"], "\"\(breakdown)\" is not a field of this ledger")
            }
            indicators.append(
                LedgerIndicator(
                    task: task, indicator: indicator, aggregate: aggregate, filter: filter, onTime: onTime,
                    breakdown: breakdown))
        }
        let otherTasks = reader.strings(top, "tasks").map(\.2)
        guard reader.issues.isEmpty, let code, let name, let owner else { throw Rejected(issues: reader.issues) }
        return LedgerType(
            code: code, name: name, owner: owner, fields: fields, key: key, statuses: statuses,
            transitions: transitions, indicators: indicators, otherTasks: otherTasks)
    }
}
