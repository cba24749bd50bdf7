import LantianCore

/// What is known of a task's progress at some moment: the facts ``TaskAssessment`` judges.
public struct TaskProgress: Hashable, Sendable {
    /// Current value of each indicator, by indicator code; an indicator nobody has measured is absent.
    public var indicatorValues: [String: Double]
    /// Whether every lead unit's latest submitted report says the task is done.
    public var reportedDone: Bool
    /// For each unit code, the months it has submitted a report for (submitted or accepted, not draft or
    /// returned).
    public var submittedMonths: [String: Set<ReportMonth>]

    public init(
        indicatorValues: [String: Double] = [:], reportedDone: Bool = false,
        submittedMonths: [String: Set<ReportMonth>] = [:]
    ) {
        self.indicatorValues = indicatorValues
        self.reportedDone = reportedDone
        self.submittedMonths = submittedMonths
    }
}
