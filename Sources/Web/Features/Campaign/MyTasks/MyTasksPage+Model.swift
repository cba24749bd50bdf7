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
        /// Why the report was sent back, while it is returned.
        var returnedWith: String? = nil
    }

    /// This month's reports of the unit by where they stand.
    struct ReportCounts: Equatable {
        var total = 0
        var notStarted = 0
        var drafts = 0
        var pending = 0
        var submitted = 0
        var returned = 0
    }

    struct Model {
        var unitName: String
        var month: ReportMonth
        var due: String
        var lines: [Line]
        var supervised: [Line]
        var counts = ReportCounts()
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
                returnedWith: report?.state == .returned ? report?.comment : nil)
        }
        let mine = snapshot.plan.tasks.filter { ReportPolicy.canReport(unit: user.unitCode, on: $0) }.map { task in
            let roles = [
                task.lead.contains(user.unitCode) ? "牵头" : nil, task.cooperating.contains(user.unitCode) ? "配合" : nil,
                task.responsible.contains(user.unitCode) ? "负责落实" : nil,
            ].compactMap { $0 }
            return line(task, unit: user.unitCode, role: roles.joined(separator: "、"))
        }
        let supervised = snapshot.plan.tasks.filter {
            snapshot.loaded.ids.supervisors[$0.code] == user.unitCode
        }.flatMap { task in
            task.reportingUnits.map { unit in line(task, unit: unit, role: snapshot.unitName(unit)) }
        }
        var counts = MyTasksPage.ReportCounts(total: mine.count)
        for line in mine {
            switch line.reportState {
            case nil: counts.notStarted += 1
            case .draft: counts.drafts += 1
            case .pendingApproval: counts.pending += 1
            case .submitted, .accepted: counts.submitted += 1
            case .returned: counts.returned += 1
            }
        }
        // Reports sent back come first, with why; the rest in plan order.
        let ordered = mine.filter { $0.reportState == .returned } + mine.filter { $0.reportState != .returned }
        self.init(
            unitName: user.unitName, month: month, due: UI.reportDue(month, snapshot), lines: ordered,
            supervised: supervised, counts: counts)
    }
}
