import Campaign
import Foundation
import LantianCore
import Persistence
import Services

/// What the page shows, built from the services' values without a request (page-model tests build it too).
extension MonthlyPage {
    /// One indicator's input in a row.
    struct Field {
        var code: String
        var name: String
        var unit: String
        /// What the input holds: the stored value, or what was typed when the page comes back unsaved.
        var value: String
        var target: String
        var scope: String?
        /// Last month's submitted value, when there is one.
        var lastMonth: String?
        /// How a typed value was read ("1.6万" → 16,000), when the page comes back with what was typed.
        var readAs: String?
    }

    struct Row {
        var code: String
        var title: String
        var taskLink: String
        var reportLink: String
        var role: String
        var deadline: String
        var status: TaskStatus
        var state: ReportState?
        var late: Bool
        var revision: Int
        /// Why it was sent back, while it waits to be revised.
        var comment: String?
        var carriedFrom: ReportMonth?
        var demand: ReportDemand
        /// The signed-in account may change the row's content (save, carry forward).
        var editable: Bool
        /// Last month's report is one the office has, and this month's may be drafted from it.
        var canCarryForward: Bool
        /// The leader may approve or send back the row (it waits for approval).
        var reviewable: Bool
        /// The leader may save and submit the row in one step.
        var leaderSubmits: Bool
        var reportedStatus: ReportedStatus
        var narrative: String
        var fields: [Field]
        var evidence: [(id: UUID, name: String)]
        var lastMonthStatus: ReportedStatus?
        var problems: [String]
        /// What was typed differs from what is stored: the page came back before the row was saved.
        var unsaved: Bool
        /// The leader's comment as typed, when the page comes back.
        var reviewComment: String
    }

    struct Model {
        var unitName: String
        var month: ReportMonth
        var due: String
        /// Sent back first, then the reports asked for in plan order, then the others.
        var rows: [Row]
        var counts: ReportCounts
        var errors: [String]
        var postPath: String
        var myTasksPath: String
        var otherMonths: [(ReportMonth, String)]
        /// The buttons under the table, in order.
        var bulk: [(command: Command, label: String)]
        /// Why the page is read-only, for an account that reads but does not write the unit's reports.
        var readOnlyNote: String?
        var maxUploadMB: Int
    }
}

extension MonthlyPage.Model {
    /// `sheet` as `user` sees it. `entered` and `reviewComments` are what the form held when the page comes back
    /// unsaved (refused, or another row was saved), `problems` why each row was refused.
    init(
        sheet: MonthlyReports.Sheet, snapshot: CampaignSnapshot, user: CurrentUser,
        entered: [String: ReportEntry] = [:], reviewComments: [String: String] = [:],
        problems: [String: [String]] = [:], errors: [String] = [], maxUploadMB: Int
    ) {
        let month = sheet.month
        let writer = user.canWriteReports && user.unitCode == sheet.unit
        let months = snapshot.calendar.reportMonths(until: snapshot.plan.end)
        let rows = sheet.rows.map { row -> MonthlyPage.Row in
            let task = row.task
            let state = row.state ?? .draft
            func allowed(_ action: ReportAction) -> Bool {
                writer
                    && ReportPolicy.denial(
                        action: action, role: user.role, actorUnit: user.unitCode, reportUnit: sheet.unit, task: task,
                        state: state) == nil
            }
            let editable = state.isEditable && allowed(.save)
            let entry = editable ? entered[task.code] : nil
            let read = entry.map { $0.read(for: task, submitting: false).content }
            let stored = row.content
            let fields = task.indicators.map { indicator -> MonthlyPage.Field in
                let typed = entry?.values[indicator.code]?.trimmingCharacters(in: .whitespaces)
                let parsed = read?.values[indicator.code]
                return MonthlyPage.Field(
                    code: indicator.code, name: indicator.name, unit: indicator.unit,
                    value: typed ?? stored?.values[indicator.code].map(NumberText.exact) ?? "",
                    target: UI.indicatorTarget(indicator), scope: indicator.scope,
                    lastMonth: row.lastMonth?.values[indicator.code].map { NumberText.display($0) },
                    readAs: parsed.flatMap { value in
                        typed == NumberText.exact(value) ? nil : NumberText.display(value) + " " + indicator.unit
                    })
            }
            return MonthlyPage.Row(
                code: task.code, title: task.title, taskLink: SiteURL.task(code: task.code).path,
                reportLink: SiteURL.report(task: task.code, unit: sheet.unit, month: month).path,
                role: UI.roles(of: sheet.unit, on: task), deadline: task.deadlineText,
                status: snapshot.assessments[task.code]?.status(for: sheet.unit) ?? .onTrack, state: row.state,
                late: row.firstSubmittedAt.map { snapshot.calendar.isLate(submittedAt: $0, for: month) } ?? false,
                revision: row.revision, comment: row.isSentBack ? row.comment : nil,
                carriedFrom: stored?.carriedFrom.flatMap(ReportMonth.init),
                demand: row.demand, editable: editable,
                canCarryForward: editable && row.state != .returned && row.lastMonth != nil
                    && months.contains(month.previous),
                reviewable: row.state == .pendingApproval && allowed(.reject),
                leaderSubmits: editable && user.role == .unitLeader && allowed(.approve),
                reportedStatus: read?.reportedStatus ?? stored?.reportedStatus ?? .inProgress,
                narrative: entry?.narrative ?? stored?.narrative ?? "", fields: fields,
                evidence: stored?.evidence.map { ($0.id, $0.fileName) } ?? [],
                lastMonthStatus: row.lastMonth?.reportedStatus, problems: problems[task.code] ?? [],
                unsaved: read.map { row.changes($0) } ?? false, reviewComment: reviewComments[task.code] ?? "")
        }
        var counts = ReportCounts()
        for row in sheet.rows where row.isAsked { counts.add(row.state, sentBack: row.isSentBack) }
        let sentBack = rows.filter { $0.comment != nil }
        let ordered =
            sentBack + rows.filter { $0.comment == nil && $0.demand.isAsked }
            + rows.filter { $0.comment == nil && !$0.demand.isAsked }
        var bulk: [(command: MonthlyPage.Command, label: String)] = []
        if rows.contains(where: \.editable) { bulk.append((.saveAll, "保存全部草稿")) }
        if writer && user.role == .unitReporter && rows.contains(where: \.editable) {
            bulk.append((.submitAll, "全部提交审核"))
        }
        let pending = rows.filter(\.reviewable).count
        if pending > 0 { bulk.append((.approveAll, "通过全部待审核（\(pending) 项）并报送大气办")) }
        let readOnlyNote: String? =
            writer
            ? nil
            : user.unitCode == sheet.unit
                ? "只读账号：可查看本单位的报告，不能填报。"
                : "此处显示该单位已报送大气办的内容；草稿仅该单位可见。审核、退回请进入各任务的报告页。"
        self.init(
            unitName: snapshot.unitName(sheet.unit), month: month, due: UI.reportDue(month, snapshot), rows: ordered,
            counts: counts, errors: errors, postPath: SiteURL.monthly(unit: sheet.unit, month: month).path,
            myTasksPath: SiteURL.myTasks.path,
            otherMonths: months.filter { $0 != month }.map {
                ($0, SiteURL.monthly(unit: sheet.unit, month: $0).path)
            }, bulk: bulk, readOnlyNote: readOnlyNote, maxUploadMB: maxUploadMB)
    }
}
