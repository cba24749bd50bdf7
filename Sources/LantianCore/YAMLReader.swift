import Foundation
import Yams

/// Walks a composed YAML document, reading typed values and collecting every problem with its path and line,
/// so that a bad file is reported whole rather than one error at a time: the one reader of Lantian's YAML files
/// (plans, product standards).
public final class YAMLReader {
    public private(set) var issues: [DocumentIssue] = []

    public init() {}

    /// The document `text` composed, or the syntax error that stops it (with its line).
    public static func compose(_ text: String) -> Result<Node?, DocumentIssue> {
        do {
            return .success(try Yams.compose(yaml: text))
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
                let what = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
                return .failure(DocumentIssue(path: "", line: mark.line, reason: "YAML syntax error: \(what)"))
            default:
                return .failure(DocumentIssue(path: "", line: nil, reason: "YAML syntax error: \(error)"))
            }
        } catch {
            return .failure(DocumentIssue(path: "", line: nil, reason: "not readable as YAML: \(error)"))
        }
    }

    public func report(_ path: String, _ node: Node?, _ reason: String) {
        issues.append(DocumentIssue(path: path, line: node?.mark?.line, reason: reason))
    }

    /// A mapping's fields, by key; reports unknown keys and a node that is not a mapping.
    public struct Fields {
        public let path: String
        public let node: Node
        public let values: [String: Node]

        public func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        public subscript(_ key: String) -> Node? { values[key] }
    }

    public func fields(_ node: Node?, at path: String, allowed: Set<String>) -> Fields? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            report(path, node, "expected a mapping (key: value)")
            return nil
        }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else {
                report(path, key, "keys must be text")
                continue
            }
            let keyPath = path.isEmpty ? name : "\(path).\(name)"
            if !allowed.contains(name) {
                report(keyPath, key, "unknown key \"\(name)\" (allowed: \(allowed.sorted().joined(separator: ", ")))")
            } else if values[name] != nil {
                report(keyPath, key, "key given twice")
            } else {
                values[name] = value
            }
        }
        return Fields(path: path, node: node, values: values)
    }

    public func sequence(_ fields: Fields, _ key: String, required: Bool = false) -> [(String, Node)] {
        guard let node = fields[key] else {
            if required { report(fields.path(key), fields.node, "required list is missing") }
            return []
        }
        guard case .sequence(let sequence) = node else {
            if case .scalar(let scalar) = node, scalar.string.isEmpty || scalar.tag.description.hasSuffix("null") {
                return []
            }
            report(fields.path(key), node, "expected a list")
            return []
        }
        return sequence.enumerated().map { ("\(fields.path(key))[\($0.offset)]", $0.element) }
    }

    public func string(_ fields: Fields, _ key: String, required: Bool = true) -> String? {
        guard let node = fields[key] else {
            if required { report(fields.path(key), fields.node, "required value is missing") }
            return nil
        }
        return scalarText(node, at: fields.path(key), required: required)
    }

    public func scalarText(_ node: Node, at path: String, required: Bool = true) -> String? {
        guard case .scalar(let scalar) = node else {
            report(path, node, "expected a single value, not a list or mapping")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty || (scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(text)) {
            if required { report(path, node, "must not be empty") }
            return nil
        }
        return text
    }

    public func strings(_ fields: Fields, _ key: String, required: Bool = false) -> [(String, Node, String)] {
        if let node = fields[key], case .scalar = node, let single = scalarText(node, at: fields.path(key)) {
            return [(fields.path(key), node, single)]
        }
        return sequence(fields, key, required: required).compactMap { path, node in
            scalarText(node, at: path).map { (path, node, $0) }
        }
    }

    public func slug(_ fields: Fields, _ key: String) -> String? {
        guard let text = string(fields, key) else { return nil }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
        guard text.allSatisfy({ allowed.contains($0) }) else {
            report(fields.path(key), fields[key], "\"\(text)\" must use only a–z, 0–9, - and _")
            return nil
        }
        return text
    }

    public func number(_ fields: Fields, _ key: String, required: Bool = true) -> Double? {
        guard let text = string(fields, key, required: required) else { return nil }
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            report(fields.path(key), fields[key], "\"\(text)\" is not a number")
            return nil
        }
        return value
    }

    public func int(_ fields: Fields, _ key: String, in range: ClosedRange<Int>, required: Bool = true) -> Int? {
        guard let text = string(fields, key, required: required) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            report(
                fields.path(key), fields[key],
                "\"\(text)\" is not a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    public func date(_ fields: Fields, _ key: String, required: Bool = true) -> CivilDate? {
        guard let text = string(fields, key, required: required) else { return nil }
        guard let date = CivilDate(text) else {
            report(fields.path(key), fields[key], "\"\(text)\" is not a YYYY-MM-DD date")
            return nil
        }
        return date
    }

    public func choice<T: RawRepresentable & CaseIterable>(
        _ fields: Fields, _ key: String, _ type: T.Type, required: Bool = true
    ) -> T? where T.RawValue == String {
        guard let text = string(fields, key, required: required) else { return nil }
        guard let value = T(rawValue: text) else {
            let options = T.allCases.map(\.rawValue).joined(separator: ", ")
            report(fields.path(key), fields[key], "\"\(text)\" is not one of: \(options)")
            return nil
        }
        return value
    }
}
