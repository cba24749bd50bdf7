import Foundation
import LantianCore
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
        switch YAMLReader.compose(text) {
        case .success(let node): root = node
        case .failure(let issue): throw PlanFileError(issues: [issue])
        }
        let reader = YAMLReader()
        let plan = PlanFileParser(reader: reader).parse(root)
        if let plan, reader.issues.isEmpty { return plan }
        var issues = reader.issues
        if issues.isEmpty { issues.append(PlanFileIssue(path: "", line: nil, reason: "the file is empty")) }
        throw PlanFileError(issues: issues.sorted { ($0.line ?? 0, $0.path) < ($1.line ?? 0, $1.path) })
    }

}
