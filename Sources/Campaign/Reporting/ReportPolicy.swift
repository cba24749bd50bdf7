/// Who may act on which report: the rule every write route enforces on the server.
public enum ReportPolicy {
    /// Why `role` of unit `actorUnit` may not take `action` on `reportUnit`'s report on `task` in `state`, or
    /// nil when it may.
    ///
    /// - A unit's reporter and leader write only their own unit's reports, and only on tasks that name their
    ///   unit as lead, cooperating or responsible.
    /// - Only the office returns or accepts reports.
    /// - Viewers write nothing.
    /// - The workflow (``ReportAction/next(from:by:)``) must allow the step from the current state.
    public static func denial(
        action: ReportAction, role: Role, actorUnit: String, reportUnit: String, task: PlanTask, state: ReportState
    ) -> String? {
        switch role {
        case .viewer:
            return "只读用户不能修改报告"
        case .unitReporter, .unitLeader:
            if actorUnit != reportUnit { return "只能填报本单位的报告" }
            if !canReport(unit: reportUnit, on: task) { return "本单位不是该任务的牵头、配合或负责落实单位" }
        case .officeAdmin:
            if action != .returnToUnit && action != .accept { return "大气办不能代替单位填报" }
        }
        if action.next(from: state, by: role) == nil {
            return "当前状态（\(state.chinese)）下不能\(action.chinese)"
        }
        return nil
    }

    /// Whether `unit` reports on `task`: its lead, cooperating and responsible units do.
    public static func canReport(unit: String, on task: PlanTask) -> Bool {
        task.lead.contains(unit) || task.cooperating.contains(unit) || task.responsible.contains(unit)
    }

    /// How much of a report a reader sees.
    public enum ReadAccess: Sendable, Equatable {
        /// Every state and version, drafts included: the report's own unit.
        case everyVersion
        /// Only what the unit submitted — its newest submitted version and the office's answers to it; a report
        /// never submitted is not shown at all.
        case asSubmitted
        /// Nothing.
        case none
    }

    /// What `role` of unit `actorUnit` may read of `reportUnit`'s report on `task`, whose supervising unit is
    /// `supervisor`.
    ///
    /// - Drafts are private to their unit: the unit's own accounts read every version.
    /// - The office, viewers, the task's lead units and its supervising unit read what was submitted.
    /// - Other units (a county reading another county's report on a task both carry) read nothing.
    public static func readAccess(
        role: Role, actorUnit: String, reportUnit: String, task: PlanTask, supervisor: String?
    ) -> ReadAccess {
        if actorUnit == reportUnit { return .everyVersion }
        if role == .officeAdmin || role == .viewer || task.lead.contains(actorUnit) || supervisor == actorUnit {
            return .asSubmitted
        }
        return .none
    }
}
