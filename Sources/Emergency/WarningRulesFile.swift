import LantianCore
import Yams

/// Reads a `lantian-warning-rules/1` file (YAML, docs/EMERGENCY.md) into ``WarningRules``. The whole file is
/// checked; a file with any problem is rejected whole, every problem with its path and line.
public enum WarningRulesFile {
    public static let formatName = "lantian-warning-rules/1"

    /// A rules file that cannot be loaded.
    public struct Rejected: Error, Sendable, CustomStringConvertible {
        public var issues: [DocumentIssue]

        public var description: String {
            "warning rules rejected, \(issues.count) problem(s):\n" + issues.map { "  \($0)" }.joined(separator: "\n")
        }
    }

    public static func read(_ text: String) throws(Rejected) -> WarningRules {
        let root: Node?
        switch YAMLReader.compose(text) {
        case .success(let node): root = node
        case .failure(let issue): throw Rejected(issues: [issue])
        }
        let reader = YAMLReader()
        let keys: Set<String> = [
            "format", "code", "title", "document", "effective", "verified", "source", "episode-above", "lift-hours",
            "levels", "required-cuts",
        ]
        guard let top = reader.fields(root, at: "", allowed: keys) else {
            throw Rejected(issues: [DocumentIssue(path: "", line: nil, reason: "the file is empty")])
        }
        if let format = reader.string(top, "format"), format != formatName {
            reader.report("format", top["format"], "expected \"\(formatName)\", found \"\(format)\"")
        }
        let code = reader.slug(top, "code")
        let title = reader.string(top, "title")
        let document = reader.string(top, "document")
        let effective = reader.date(top, "effective", required: false)
        let verified = reader.string(top, "verified", required: false).map { $0 == "true" } ?? false
        let source = reader.string(top, "source", required: false) ?? ""
        let above = reader.int(top, "episode-above", in: 0...1000)
        let lift = reader.int(top, "lift-hours", in: 1...240)
        var triggers: [WarningRules.Trigger] = []
        for (path, node) in reader.sequence(top, "levels", required: true) {
            guard let fields = reader.fields(node, at: path, allowed: ["level", "when"]),
                let level = reader.choice(fields, "level", WarningLevel.self)
            else { continue }
            if level == .none {
                reader.report(fields.path("level"), fields["level"], "\"none\" is not a warning level")
            }
            if triggers.contains(where: { $0.level == level }) {
                reader.report(fields.path("level"), fields["level"], "level \(level.rawValue) given twice")
            }
            var alternatives: [[WarningRules.Condition]] = []
            for (altPath, altNode) in reader.sequence(fields, "when", required: true) {
                guard case .sequence(let conditions) = altNode else {
                    reader.report(altPath, altNode, "expected a list of conditions (all must hold)")
                    continue
                }
                var all: [WarningRules.Condition] = []
                for (index, conditionNode) in conditions.enumerated() {
                    if let condition = self.condition(conditionNode, at: "\(altPath)[\(index)]", reader) {
                        all.append(condition)
                    }
                }
                if conditions.isEmpty { reader.report(altPath, altNode, "an alternative needs at least one condition") }
                alternatives.append(all)
            }
            triggers.append(WarningRules.Trigger(level: level, alternatives: alternatives))
        }
        var cuts: [WarningLevel: Emissions] = [:]
        if let fields = reader.fields(
            top["required-cuts"], at: "required-cuts", allowed: Set(WarningLevel.allCases.map(\.rawValue)))
        {
            for level in WarningLevel.allCases where fields[level.rawValue] != nil {
                cuts[level] = share(fields[level.rawValue]!, at: fields.path(level.rawValue), reader)
            }
        } else {
            reader.report("required-cuts", top.node, "required mapping is missing")
        }
        for trigger in triggers where cuts[trigger.level] == nil {
            reader.report("required-cuts", top["required-cuts"], "no required cut for level \(trigger.level.rawValue)")
        }
        guard reader.issues.isEmpty, let code, let title, let document, let above, let lift else {
            throw Rejected(issues: reader.issues.sorted { ($0.line ?? 0, $0.path) < ($1.line ?? 0, $1.path) })
        }
        return WarningRules(
            code: code, title: title, document: document, effective: effective, verified: verified, source: source,
            episodeAbove: above, liftHours: lift, triggers: triggers, requiredCuts: cuts)
    }

    private static func condition(_ node: Node, at path: String, _ reader: YAMLReader) -> WarningRules.Condition? {
        guard let fields = reader.fields(node, at: path, allowed: ["above", "at-least", "hours"]) else { return nil }
        let hours = reader.int(fields, "hours", in: 1...2400)
        let above = reader.int(fields, "above", in: 0...1000, required: false)
        let atLeast = reader.int(fields, "at-least", in: 0...1000, required: false)
        guard let hours else { return nil }
        switch (above, atLeast) {
        case (let value?, nil): return .init(.above, value, hours: hours)
        case (nil, let value?): return .init(.atLeast, value, hours: hours)
        default:
            reader.report(path, node, "give exactly one of above and at-least")
            return nil
        }
    }

    /// A share for all four pollutants (`0.2`) or each (`{so2: 0.2, nox: 0.2, pm: 0.2, vocs: 0.2}`).
    static func share(_ node: Node, at path: String, _ reader: YAMLReader) -> Emissions? {
        func value(_ text: String, _ at: String, _ node: Node) -> Double? {
            guard let value = Double(text), (0...1).contains(value) else {
                reader.report(at, node, "\"\(text)\" is not a share from 0 to 1")
                return nil
            }
            return value
        }
        if case .scalar(let scalar) = node {
            return value(scalar.string, path, node).map { Emissions(all: $0) }
        }
        guard let fields = reader.fields(node, at: path, allowed: Set(EmissionPollutant.allCases.map(\.rawValue)))
        else { return nil }
        var result = Emissions()
        for pollutant in EmissionPollutant.allCases {
            guard let text = reader.string(fields, pollutant.rawValue),
                let share = value(text, fields.path(pollutant.rawValue), fields[pollutant.rawValue]!)
            else { return nil }
            result[pollutant] = share
        }
        return result
    }
}
