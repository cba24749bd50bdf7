import Campaign
import Foundation
import LantianCore
import Persistence
import Plot
import Services

/// What the page shows, built from the services' values without a request (page-model tests build it too).
extension ReportPage {
    struct Model {
        struct IndicatorField {
            var indicator: Indicator
            var value: String
        }

        struct Evidence {
            var id: UUID
            var name: String
            var size: Int
            var sha256: String
        }

        struct Revision {
            var number: Int
            var action: String
            var state: ReportState
            var author: String
            var at: String
            var comment: String?
            var summary: String
        }

        var taskCode: String
        var taskTitle: String
        var unitName: String
        var month: ReportMonth
        var due: String
        var state: ReportState?
        var late: Bool
        var firstSubmitted: String
        var comment: String?
        var reportedStatus: ReportedStatus
        var narrative: String
        var indicators: [IndicatorField]
        var evidence: [Evidence]
        var revisions: [Revision]
        /// Unit actions offered with the form (save / send for approval / approve and submit).
        var formActions: [ReportAction]
        /// Actions that only need a comment (leader's reject, office's return and accept).
        var reviewActions: [ReportAction]
        var errors: [String]
        var postPath: String
        var actionPath: String
        var otherMonths: [(ReportMonth, String)]
        /// The month the shown content was carried forward from unchanged (与上月相同).
        var carriedFrom: ReportMonth? = nil
        /// Whether the unit may draft this month from last month's report.
        var canCarryForward = false
        var maxUploadMB: Int
    }
}

extension ReportPage.Model {
    /// `unit`'s report on `task` for `month` as `user` reads it (`view`), with the workflow steps they may take;
    /// `entered` is what a refused form held, shown again with `errors`.
    init(
        view: ReportReading.View, snapshot: CampaignSnapshot, task: PlanTask, unit: String, month: ReportMonth,
        user: CurrentUser, errors: [String], entered: (ReportStore.Content, [String: String])?, maxUploadMB: Int
    ) {
        let report = view.record
        let submitted = view.submitted
        let state = report?.reportState
        var currentValues: [String: String] = [:]
        for value in report?.values ?? [] {
            if let code = snapshot.loaded.indicatorCode(id: value.$indicator.id) {
                currentValues[code] = NumberText.exact(value.value)
            }
        }
        if let submitted {
            currentValues = submitted.values.mapValues(NumberText.exact)
        }
        let evidence: [Evidence] =
            if let submitted {
                submitted.evidence.map { ref in
                    .init(
                        id: ref.id, name: ref.fileName,
                        size: report?.evidence.first(where: { $0.id == ref.id })?.size ?? 0, sha256: ref.sha256)
                }
            } else {
                (report?.evidence ?? []).compactMap { file in
                    file.id.map { .init(id: $0, name: file.fileName, size: file.size, sha256: file.sha256) }
                }
            }
        let shownValues = entered?.1 ?? currentValues
        func allowed(_ action: ReportAction) -> Bool {
            ReportPolicy.denial(
                action: action, role: user.role, actorUnit: user.unitCode, reportUnit: unit, task: task,
                state: state ?? .draft) == nil
                && (state != nil || [.save, .requestApproval, .approve].contains(action))
        }
        let formActions =
            (state ?? .draft).isEditable ? [ReportAction.save, .requestApproval, .approve].filter(allowed) : []
        let reviewActions =
            state == nil
            ? []
            : [ReportAction.approve, .reject, .returnToUnit, .accept].filter {
                allowed($0) && !formActions.contains($0)
            }
        let zone = snapshot.calendar.timeZone
        let carriedText: String? = submitted != nil ? submitted?.carriedFrom : report?.carriedFrom
        let carriedFrom = carriedText.flatMap { ReportMonth($0) }
        let months = snapshot.calendar.reportMonths(until: snapshot.plan.end)
        let canCarryForward = formActions.contains(.save) && state != .returned && months.contains(month.previous)
        let revisions: [Revision] = view.revisions.map { revision in
            // Outside the unit only submitted versions show their content; drafts on the way show who and when.
            let shows = submitted == nil || ReportState(rawValue: revision.state)?.isVisibleOutsideUnit == true
            let content = shows ? try? revision.content() : nil
            let values =
                content.map { c in
                    task.indicators.compactMap { i in
                        c.values[i.code].map { "\(i.name) \(NumberText.display($0))" }
                    }
                    .joined(separator: "；")
                } ?? ""
            return .init(
                number: revision.number,
                action: ReportAction(rawValue: revision.action)?.chinese ?? revision.action,
                state: ReportState(rawValue: revision.state) ?? .draft, author: revision.authorName,
                at: UI.dateTime(revision.createdAt, in: zone), comment: revision.comment,
                summary: [content?.reportedStatus.chinese, values, content.map { "附件 \($0.evidence.count) 个" }]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "；"))
        }
        let late = report?.firstSubmittedAt.map { snapshot.calendar.isLate(submittedAt: $0, for: month) } ?? false
        let reportedStatus: ReportedStatus =
            entered?.0.reportedStatus ?? submitted?.reportedStatus ?? report?.status ?? .inProgress
        let narrative: String = entered?.0.narrative ?? submitted?.narrative ?? report?.narrative ?? ""
        let fields: [IndicatorField] = task.indicators.map { .init(indicator: $0, value: shownValues[$0.code] ?? "") }
        let otherMonths: [(ReportMonth, String)] = months.filter { $0 != month }.map {
            ($0, SiteURL.report(task: task.code, unit: unit, month: $0).path)
        }
        self.init(
            taskCode: task.code, taskTitle: task.title, unitName: snapshot.unitName(unit),
            month: month,
            due: UI.reportDue(month, snapshot),
            state: state,
            late: late,
            firstSubmitted: UI.dateTime(report?.firstSubmittedAt, in: zone),
            comment: state == .returned || state == .draft ? report?.comment : nil,
            reportedStatus: reportedStatus, narrative: narrative, indicators: fields,
            evidence: evidence,
            revisions: revisions,
            formActions: formActions, reviewActions: reviewActions, errors: errors,
            postPath: SiteURL.report(task: task.code, unit: unit, month: month).path,
            actionPath: SiteURL.reportAction(task: task.code, unit: unit, month: month).path,
            otherMonths: otherMonths,
            carriedFrom: carriedFrom, canCarryForward: canCarryForward, maxUploadMB: maxUploadMB)
    }
}
