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
    /// For each unit code, the first month whose report saying done (已完成) the office accepted (确认): the
    /// unit's work on the task is accepted as done, and its reports for later months are no longer asked for.
    public var acceptedDone: [String: ReportMonth]

    public init(
        indicatorValues: [String: Double] = [:], reportedDone: Bool = false,
        submittedMonths: [String: Set<ReportMonth>] = [:], acceptedDone: [String: ReportMonth] = [:]
    ) {
        self.indicatorValues = indicatorValues
        self.reportedDone = reportedDone
        self.submittedMonths = submittedMonths
        self.acceptedDone = acceptedDone
    }

    /// The month of `unit`'s report saying done that the office accepted, when it is earlier than `month`: the
    /// reason `unit`'s report for `month` is not asked for (``ReportDemand/closed(_:)``).
    public func closure(of unit: String, before month: ReportMonth) -> ReportMonth? {
        acceptedDone[unit].flatMap { $0 < month ? $0 : nil }
    }
}
