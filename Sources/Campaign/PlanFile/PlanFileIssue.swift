/// One problem in a plan file: where it is and why it is wrong.
public struct PlanFileIssue: Hashable, Sendable, CustomStringConvertible {
    /// The path to the offending value, `tasks[12].indicators[0].target`.
    public var path: String
    /// 1-based line in the file, when known.
    public var line: Int?
    public var reason: String

    public init(path: String, line: Int?, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// `tasks[3].deadline (line 120): not a YYYY-MM-DD date: "2021-13-01"`
    public var description: String {
        let place = path.isEmpty ? "(document)" : path
        if let line { return "\(place) (line \(line)): \(reason)" }
        return "\(place): \(reason)"
    }
}

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
