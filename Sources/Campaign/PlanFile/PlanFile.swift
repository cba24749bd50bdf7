import Foundation
import Yams

/// Reads a `lantian-plan/1` file (YAML or JSON, see docs/PLAN-FORMAT.md) into a ``Plan``.
///
/// The whole file is checked before anything is returned: every problem is collected, with its path and line,
/// and a file with any problem is rejected whole.
public enum PlanFile {
    /// The value of the required `format` key.
    public static let formatName = "lantian-plan/1"

    public static func read(_ text: String) throws(PlanFileError) -> Plan {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw PlanFileError(issues: [syntaxIssue(error)])
        } catch {
            throw PlanFileError(issues: [PlanFileIssue(path: "", line: nil, reason: "not readable as YAML: \(error)")])
        }
        let reader = NodeReader()
        let plan = PlanFileParser(reader: reader).parse(root)
        if let plan, reader.issues.isEmpty { return plan }
        var issues = reader.issues
        if issues.isEmpty { issues.append(PlanFileIssue(path: "", line: nil, reason: "the file is empty")) }
        throw PlanFileError(issues: issues.sorted { ($0.line ?? 0, $0.path) < ($1.line ?? 0, $1.path) })
    }

    private static func syntaxIssue(_ error: YamlError) -> PlanFileIssue {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
            return PlanFileIssue(path: "", line: mark.line, reason: "YAML syntax error: \(what)")
        default:
            return PlanFileIssue(path: "", line: nil, reason: "YAML syntax error: \(error)")
        }
    }
}
