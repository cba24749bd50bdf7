import Campaign
import Foundation
import LantianCore
import Plot
import Services

/// What the page shows, built from the services' values without a request (page-model tests build it too).
extension DashboardPage {
    struct Model {
        struct TaskLine {
            var code: String
            var title: String
            var lead: String
            var deadline: String
            var status: TaskStatus
            var detail: String
        }

        var planTitle: String
        var period: String
        var asOfText: String
        var targets: [AirQualityTarget]
        /// The season's figures so far, when monitoring data is stored.
        var season: SeasonFigures?
        var counts: [TaskStatus: Int]
        var total: Int
        var reportMonth: ReportMonth?
        var reportDue: String
        /// The month being reported now (its report may not be due yet): the summaries count its reports in.
        var reportingMonth: ReportMonth
        var byLead: [StatusSummary]
        var byCounty: [StatusSummary]
        var urgent: [TaskLine]
        /// Links keep the as-of day the page was asked for.
        var asOf: String?
        /// How many lines `urgent` was cut to.
        var urgentTotal: Int
    }
}

extension DashboardPage.Model {
    /// The dashboard of `snapshot`: status counts, the summaries by lead unit and county, the 25 most urgent tasks,
    /// and the season's air figures.
    init(snapshot: CampaignSnapshot, season: SeasonFigures?) {
        let plan = snapshot.plan
        var counts: [TaskStatus: Int] = [:]
        for assessment in snapshot.assessments.values { counts[assessment.status, default: 0] += 1 }
        let urgent = TaskRow.rows(snapshot, filter: TaskFilter())
            .filter { $0.status != .done && $0.status != .onTrack }
            .sorted { ($0.status, $0.task.deadline) < ($1.status, $1.task.deadline) }
        let latest = Self.latestDueMonth(snapshot)
        self.init(
            planTitle: plan.title, period: "\(plan.start) 至 \(plan.end)",
            asOfText: snapshot.asOf.map { "\($0) 24:00" } ?? UI.dateTime(snapshot.now, in: snapshot.calendar.timeZone),
            targets: plan.targets, season: season, counts: counts,
            total: plan.tasks.count, reportMonth: latest,
            reportDue: latest.map { UI.reportDue($0, snapshot) } ?? "",
            reportingMonth: snapshot.calendar.currentReportMonth(asOf: snapshot.now),
            byLead: StatusSummary.byLead(plan: plan, assessments: snapshot.assessments),
            byCounty: StatusSummary.byCounty(plan: plan, assessments: snapshot.assessments),
            urgent: urgent.prefix(25).map { row in
                TaskLine(
                    code: row.task.code, title: row.task.title, lead: UI.unitNames(row.task.lead, snapshot),
                    deadline: row.task.deadlineText, status: row.status, detail: row.explanation(snapshot))
            }, asOf: snapshot.asOf?.description, urgentTotal: urgent.count)
    }

    /// The last report month whose reports are due by the snapshot's moment.
    static func latestDueMonth(_ snapshot: CampaignSnapshot) -> ReportMonth? {
        snapshot.calendar.reportMonths(until: snapshot.plan.end).last {
            snapshot.calendar.lateFrom($0) <= snapshot.now
        }
    }

    /// The day the season figures are counted to: the as-of day, or yesterday.
    static func seasonDay(_ snapshot: CampaignSnapshot) -> CivilDate {
        snapshot.asOf ?? snapshot.calendar.civilDate(of: snapshot.now).adding(days: -1)
    }
}
