/// One problem in a YAML document (a plan file, a standards file): where it is and why it is wrong.
public struct DocumentIssue: Hashable, Sendable, CustomStringConvertible, Error {
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
