/// What reading an uploaded table gave: the records (meaningful only without problems), the problems that refuse
/// the file whole, and the warnings on values accepted but doubtful — each naming its line and field.
public struct TableRead<Record: Sendable>: Sendable {
    public var records: [Record]
    public var problems: [ImportIssue]
    public var warnings: [ImportIssue]

    public init(records: [Record] = [], problems: [ImportIssue] = [], warnings: [ImportIssue] = []) {
        self.records = records
        self.problems = problems
        self.warnings = warnings
    }

    public mutating func problem(_ line: Int, _ field: String, _ reason: String) {
        problems.append(ImportIssue(line: line, field: field, reason: reason))
    }

    public mutating func warning(_ line: Int, _ field: String, _ reason: String) {
        warnings.append(ImportIssue(line: line, field: field, reason: reason))
    }
}
