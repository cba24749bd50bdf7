/// A line an importer could not use, and why.
public struct ImportIssue: Hashable, Sendable, CustomStringConvertible, Error {
    public var line: Int
    public var field: String
    public var reason: String

    public init(line: Int, field: String, reason: String) {
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String { "line \(line), \(field): \(reason)" }
}
