import LantianCore

/// Whether a unit's report on a task for a month is asked of it (应报), and when not, why: the one rule the due
/// counts, the missing-report check, 本单位任务 and 月度报送 all follow.
public enum ReportDemand: Hashable, Sendable {
    /// The unit leads the task or is responsible for it. Every month of the campaign period asks — past the task's
    /// deadline too, while the task is not done — until the office accepts the unit's report saying done.
    case asked
    /// The unit cooperates on the task (配合): it may report, it is not asked to.
    case optional
    /// The office accepted the unit's report of this earlier month saying its work is done (确认已完成).
    case closed(ReportMonth)

    /// What `task` asks of `unit` for `month`, given what is known of its progress.
    public init(unit: String, task: PlanTask, month: ReportMonth, progress: TaskProgress) {
        if let closed = progress.closure(of: unit, before: month) {
            self = .closed(closed)
        } else if !task.reportingUnits.contains(unit) {
            self = .optional
        } else {
            self = .asked
        }
    }

    public var isAsked: Bool { self == .asked }
}
