/// Counts of tasks per status for one unit: a row of the office dashboard.
public struct StatusSummary: Hashable, Sendable {
    public var unit: OrgUnit
    /// Tasks per status, from this unit's point of view (see ``TaskAssessment/status(for:)``).
    public var counts: [TaskStatus: Int]
    /// Tasks whose latest due report this unit has not submitted.
    public var missingReports: Int
    /// Tasks on which this unit's report for the month being reported is asked (``TaskAssessment/reportingMonth``,
    /// which may not be due yet), and on how many of them it is in.
    public var reportsAsked: Int = 0
    public var reportsIn: Int = 0

    public var total: Int { counts.values.reduce(0, +) }

    /// One row per unit that leads at least one task, in the plan's unit order.
    public static func byLead(plan: Plan, assessments: [String: TaskAssessment]) -> [StatusSummary] {
        rows(plan: plan, assessments: assessments, units: plan.units.filter { $0.kind != .county }) { $0.lead }
    }

    /// One row per county (县（市、区）and 开发区), over the tasks it is responsible for or leads.
    public static func byCounty(plan: Plan, assessments: [String: TaskAssessment]) -> [StatusSummary] {
        rows(plan: plan, assessments: assessments, units: plan.units.filter { $0.kind == .county }) {
            $0.responsible + $0.lead
        }
    }

    private static func rows(
        plan: Plan, assessments: [String: TaskAssessment], units: [OrgUnit], of: (PlanTask) -> [String]
    ) -> [StatusSummary] {
        units.compactMap { unit in
            var counts: [TaskStatus: Int] = [:]
            var missing = 0
            var asked = 0
            var reported = 0
            for task in plan.tasks where of(task).contains(unit.code) {
                guard let assessment = assessments[task.code] else { continue }
                counts[assessment.status(for: unit.code), default: 0] += 1
                if assessment.missingUnits.contains(unit.code) { missing += 1 }
                if assessment.reportsAsked.contains(unit.code) { asked += 1 }
                if assessment.reportsIn.contains(unit.code) { reported += 1 }
            }
            return counts.isEmpty
                ? nil
                : StatusSummary(
                    unit: unit, counts: counts, missingReports: missing, reportsAsked: asked,
                    reportsIn: reported)
        }
    }
}

extension TaskAssessment {
    /// The task's status as one of its units sees it: done and overdue are shared; "not reported" only for a
    /// unit whose own report is missing; otherwise the indicator judgement (lagging or on track).
    public func status(for unit: String) -> TaskStatus {
        switch status {
        case .done, .overdue: return status
        default:
            if missingUnits.contains(unit) { return .notReported }
            return laggingIndicators.isEmpty ? .onTrack : .lagging
        }
    }
}
