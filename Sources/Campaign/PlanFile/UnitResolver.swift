import LantianCore
import Yams

/// Resolves the unit references of a plan file (a code, name or alias of a unit, or a group) to unit codes.
final class UnitResolver {
    private var byKey: [String: String] = [:]
    var groups: [UnitGroup] = []
    private let reader: YAMLReader

    init(units: [OrgUnit], reader: YAMLReader) {
        self.reader = reader
        for unit in units {
            for key in [unit.code, unit.name] + unit.aliases where byKey[key] == nil {
                byKey[key] = unit.code
            }
        }
    }

    func isTaken(_ key: String) -> Bool { byKey[key] != nil }

    /// The unit a single reference names; reports an unknown one.
    func single(_ reference: String, at path: String, node: Node?) -> String? {
        if let code = byKey[reference] { return code }
        reader.report(path, node, "no unit is called \"\(reference)\"")
        return nil
    }

    /// The unit codes a list of references names, groups expanded, each once, in order.
    func codes(_ references: [(String, Node, String)], groupsAllowed: Bool = true) -> [String] {
        var result: [String] = []
        for (path, node, reference) in references {
            if let code = byKey[reference] {
                if !result.contains(code) { result.append(code) }
            } else if groupsAllowed, let group = groups.first(where: { $0.code == reference || $0.name == reference }) {
                for code in group.members where !result.contains(code) { result.append(code) }
            } else {
                reader.report(path, node, "no unit or group is called \"\(reference)\"")
            }
        }
        return result
    }
}
