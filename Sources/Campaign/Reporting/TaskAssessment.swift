import Foundation
import LantianCore

/// The status of one task at one moment, with the reasons behind it.
///
/// Rules, in order (the first that applies wins):
/// 1. **done** — every lead unit's latest report says the task is done, and every indicator has a value that meets its target
///    (a task without indicators needs only the report);
/// 2. **overdue** — the end of the deadline day (00:00 of the next day, plan time) has passed;
/// 3. **not reported** — some reporting unit (lead or responsible) has not submitted the latest report that
///    is due (the month's report is due on the plan's due day and time of the next month; a unit whose report
///    saying done the office accepted in an earlier month is not asked again);
/// 4. **lagging** — for some "at least" indicator, progress (share of the way from baseline to target) is
///    below the elapsed share of time toward its deadline by more than `StatusRules.lagTolerance`; or some
///    "at most" indicator's current value is above its ceiling;
/// 5. **on track** — otherwise.
public struct TaskAssessment: Hashable, Sendable {
    public var status: TaskStatus
    /// Share of time elapsed toward the task's deadline, 0…1.
    public var elapsedShare: Double
    /// Progress of each indicator (0…1) that has a value or is measured from zero.
    public var indicatorProgress: [String: Double]
    /// Codes of the indicators that make the task lag.
    public var laggingIndicators: [String]
    /// The latest month whose report is due, if any.
    public var latestDueMonth: ReportMonth?
    /// Units whose report for the latest due month is asked for: the reporting units, less those whose work
    /// the office accepted as done in an earlier month.
    public var dueUnits: [String]
    /// Units that have not submitted the latest due report.
    public var missingUnits: [String]
    /// The month being reported at the moment (the latest month that has ended, within the campaign period:
    /// ``ReportingCalendar/currentReportMonth(asOf:)``); its report may not be due yet.
    public var reportingMonth: ReportMonth
    /// Units asked for the reporting month's report, and (``reportsIn``) those of them whose report is in.
    public var reportsAsked: [String]
    public var reportsIn: [String]

    public init(task: PlanTask, progress: TaskProgress, asOf: Date, calendar: ReportingCalendar, rules: StatusRules) {
        elapsedShare = calendar.elapsedShare(asOf: asOf, until: task.deadline)
        // Past its deadline a task that is not done still asks for its monthly reports (``ReportDemand``).
        latestDueMonth = calendar.latestDueMonth(asOf: asOf, until: calendar.periodEnd)
        if let month = latestDueMonth {
            dueUnits = task.reportingUnits.filter {
                ReportDemand(unit: $0, task: task, month: month, progress: progress).isAsked
            }
            missingUnits = dueUnits.filter { !(progress.submittedMonths[$0]?.contains(month) ?? false) }
        } else {
            dueUnits = []
            missingUnits = []
        }

        let current = calendar.currentReportMonth(asOf: asOf)
        reportingMonth = current
        reportsAsked = task.reportingUnits.filter {
            ReportDemand(unit: $0, task: task, month: current, progress: progress).isAsked
        }
        reportsIn = reportsAsked.filter { progress.submittedMonths[$0]?.contains(current) ?? false }

        var progressByCode: [String: Double] = [:]
        var lagging: [String] = []
        var allMet = true
        for indicator in task.indicators {
            let value = progress.indicatorValues[indicator.code]
            if let value {
                if !indicator.isMet(by: value) { allMet = false }
            } else {
                allMet = false
            }
            let deadline = indicator.deadline ?? task.deadline
            let elapsed = calendar.elapsedShare(asOf: asOf, until: deadline)
            switch indicator.direction {
            case .atLeast:
                let share = indicator.progress(of: value ?? indicator.baseline)
                progressByCode[indicator.code] = share
                if share < elapsed - rules.lagTolerance { lagging.append(indicator.code) }
            case .atMost:
                // A ceiling is judged only on a measured value; a missing one is a reporting matter.
                guard let value else { continue }
                progressByCode[indicator.code] = indicator.progress(of: value)
                if !indicator.isMet(by: value) { lagging.append(indicator.code) }
            }
        }
        indicatorProgress = progressByCode
        laggingIndicators = lagging

        if progress.reportedDone && allMet {
            status = .done
        } else if asOf >= calendar.endOfDay(task.deadline) {
            status = .overdue
        } else if !missingUnits.isEmpty {
            status = .notReported
        } else if !lagging.isEmpty {
            status = .lagging
        } else {
            status = .onTrack
        }
    }
}
