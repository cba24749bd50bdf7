import Campaign
import Foundation
import LantianCore
import Plot
import Services

/// What the page shows, built from the services' values without a request (page-model tests build it too).
extension MyTasksPage {
    struct Line {
        var code: String
        var title: String
        var role: String
        var deadline: String
        var status: TaskStatus
        var reportState: ReportState?
        var late: Bool
        var reportLink: String
        /// Why the report was sent back (by the office or the unit's leader), while it waits to be revised.
        var returnedWith: String? = nil
        /// Whether this month's report is asked of the unit, and when not, why.
        var demand = ReportDemand.asked

        var isAsked: Bool { demand.isAsked }
    }

    struct Model {
        var unitName: String
        var unitCode = ""
        var month: ReportMonth
        var due: String
        var lines: [Line]
        var supervised: [Line]
        var counts = ReportCounts()
        /// The unit's monthly page (月度报送) for the month, for accounts that write the unit's reports.
        var monthlyLink: String? = nil
    }
}

extension MyTasksPage.Model {
    /// The tasks `user`'s unit reports on this report month, and the reports of the tasks it supervises.
    init(snapshot: CampaignSnapshot, user: CurrentUser) {
        let month = snapshot.calendar.currentReportMonth(asOf: snapshot.now)
        func line(_ task: PlanTask, unit: String, role: String) -> MyTasksPage.Line {
            let report = (snapshot.facts[task.code] ?? []).first { $0.unit == unit && $0.month == month }
            let assessment = snapshot.assessments[task.code]
            return MyTasksPage.Line(
                code: task.code, title: task.title, role: role, deadline: task.deadlineText,
                status: assessment?.status(for: unit) ?? .onTrack, reportState: report?.state,
                late: report?.submittedAt.map { snapshot.calendar.isLate(submittedAt: $0, for: month) } ?? false,
                reportLink: SiteURL.report(task: task.code, unit: unit, month: month).path,
                returnedWith: report.flatMap { $0.state.awaitsRevision(comment: $0.comment) ? $0.comment : nil },
                demand: ReportDemand(
                    unit: unit, task: task, month: month, progress: snapshot.progress(of: task)))
        }
        let mine = snapshot.plan.tasks.filter { ReportPolicy.canReport(unit: user.unitCode, on: $0) }.map { task in
            line(task, unit: user.unitCode, role: UI.roles(of: user.unitCode, on: task))
        }
        let supervised = snapshot.plan.tasks.filter {
            snapshot.loaded.ids.supervisors[$0.code] == user.unitCode
        }.flatMap { task in
            task.reportingUnits.map { unit in line(task, unit: unit, role: snapshot.unitName(unit)) }
        }
        var counts = ReportCounts()
        for line in mine where line.isAsked {
            counts.add(line.reportState, sentBack: line.returnedWith != nil)
        }
        // Reports sent back come first, with why; the rest in plan order, those no longer asked for last.
        let ordered =
            mine.filter { $0.returnedWith != nil } + mine.filter { $0.returnedWith == nil && $0.isAsked }
            + mine.filter { $0.returnedWith == nil && !$0.isAsked }
        self.init(
            unitName: user.unitName, unitCode: user.unitCode, month: month, due: UI.reportDue(month, snapshot),
            lines: ordered,
            supervised: supervised, counts: counts,
            monthlyLink: user.canWriteReports && !mine.isEmpty
                ? SiteURL.monthly(unit: user.unitCode, month: month).path : nil)
    }
}
