import LantianCore

/// One problem in a plan file: where it is and why it is wrong.
public typealias PlanFileIssue = DocumentIssue

/// A plan file that cannot be loaded, with every problem found in it.
public struct PlanFileError: Error, Sendable, CustomStringConvertible {
    public var issues: [PlanFileIssue]

    public init(issues: [PlanFileIssue]) {
        self.issues = issues
    }

    public var description: String {
        "plan file rejected, \(issues.count) problem(s):\n" + issues.map { "  \($0)" }.joined(separator: "\n")
    }
}
