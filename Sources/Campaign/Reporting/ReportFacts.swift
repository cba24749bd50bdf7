import Foundation
import LantianCore

/// What one report says, reduced to what the status computation needs.
public struct ReportFacts: Hashable, Sendable {
    public var unit: String
    public var month: ReportMonth
    public var state: ReportState
    public var reportedStatus: ReportedStatus
    public var submittedAt: Date?
    /// Indicator code → cumulative value.
    public var values: [String: Double]
    /// The comment it was last sent back with (by the office or the unit's leader), if any.
    public var comment: String?

    public init(
        unit: String, month: ReportMonth, state: ReportState, reportedStatus: ReportedStatus, submittedAt: Date?,
        values: [String: Double], comment: String? = nil
    ) {
        self.unit = unit
        self.month = month
        self.state = state
        self.reportedStatus = reportedStatus
        self.submittedAt = submittedAt
        self.values = values
        self.comment = comment
    }
}

extension TaskProgress {
    /// The progress of `task` according to its reports.
    ///
    /// Only reports the office has (submitted or accepted) count. An indicator's current value is the one in
    /// the latest such report of a lead unit (the lead reports the city-wide figure); where no lead report gives
    /// it, the latest report of any unit. "Reported done" is every lead unit's latest report saying done (one county of six
    /// finishing does not finish a task all six lead). Reports of an
    /// indicator whose source is a ledger or air-quality data are overridden by `measured` values. A unit's report
    /// saying done that the office accepted ends its reporting on the task (``TaskProgress/acceptedDone``).
    public init(task: PlanTask, reports: [ReportFacts], measured: [String: Double] = [:]) {
        let submitted = reports.filter(\.state.isSubmitted).sorted {
            ($0.month, $0.submittedAt ?? .distantPast) < ($1.month, $1.submittedAt ?? .distantPast)
        }
        var months: [String: Set<ReportMonth>] = [:]
        for report in submitted { months[report.unit, default: []].insert(report.month) }
        let leads = Set(task.lead)
        let leadReports = submitted.filter { leads.contains($0.unit) }
        var values: [String: Double] = [:]
        for indicator in task.indicators {
            if let value = measured[indicator.code] {
                values[indicator.code] = value
            } else if let value = leadReports.last(where: { $0.values[indicator.code] != nil })?.values[indicator.code]
                ?? submitted.last(where: { $0.values[indicator.code] != nil })?.values[indicator.code]
            {
                values[indicator.code] = value
            }
        }
        let allLeadsDone =
            !task.lead.isEmpty
            && task.lead.allSatisfy { lead in leadReports.last { $0.unit == lead }?.reportedStatus == .done }
        var acceptedDone: [String: ReportMonth] = [:]
        for report in reports where report.state == .accepted && report.reportedStatus == .done {
            acceptedDone[report.unit] = min(acceptedDone[report.unit] ?? report.month, report.month)
        }
        self.init(
            indicatorValues: values, reportedDone: allLeadsDone, submittedMonths: months, acceptedDone: acceptedDone)
    }
}
