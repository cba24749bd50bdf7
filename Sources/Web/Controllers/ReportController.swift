import Campaign
import Fluent
import LantianCore
import Persistence
import Plot
import Services
import Vapor

/// 进展报告: the form, the workflow actions and evidence downloads. Every write is checked by ``ReportPolicy`` in
/// ``ReportStore`` against the signed-in user's role and unit.
struct ReportController {
    func boot(routes: any RoutesBuilder, maxUploadBytes: Int) {
        routes.get(SiteURL.Reports.report, use: show)
        // Room for the files plus the form's own fields.
        let limit = maxUploadBytes * EvidenceStore.maxFilesPerSubmission + (1 << 20)
        routes.upload(SiteURL.Reports.report, maxBytes: limit, use: submit)
        routes.post(SiteURL.Reports.action, use: review)
        routes.get(SiteURL.Reports.evidence, use: evidence)
    }

    struct ReportForm: Content {
        var action: String?
        var reportedStatus: String?
        var narrative: String?
        var values: [String: String]?
        var evidence: [File]?
    }

    struct ReviewForm: Content {
        var action: String?
        var comment: String?
    }

    /// The report a request addresses: task, unit and month, each checked to exist and belong together.
    struct Target {
        var snapshot: CampaignSnapshot
        var task: PlanTask
        var unit: String
        var month: ReportMonth
    }

    private func target(_ req: Request) async throws -> Target {
        let snapshot = try await req.campaign(allowingAsOf: false)
        guard let code = req.parameters.get("code"), let task = snapshot.loaded.task(code: code) else {
            throw Abort(.notFound, reason: "没有这项任务")
        }
        guard let unit = req.parameters.get("unit"), ReportPolicy.canReport(unit: unit, on: task) else {
            throw Abort(.notFound, reason: "该单位不承担这项任务")
        }
        guard let text = req.parameters.get("month"), let month = ReportMonth(text),
            snapshot.calendar.reportMonths(until: snapshot.plan.end).contains(month)
        else { throw Abort(.notFound, reason: "报送月份不在攻坚期内") }
        return Target(snapshot: snapshot, task: task, unit: unit, month: month)
    }

    func show(req: Request) async throws -> HTML {
        let target = try await target(req)
        return try await page(req, target, errors: [], entered: nil)
    }

    func submit(req: Request) async throws -> Response {
        let target = try await target(req)
        let user = try await req.currentUser()
        let form = try req.content.decode(ReportForm.self)
        guard let action = form.action.flatMap(ReportAction.init(rawValue:)),
            [.save, .requestApproval, .approve].contains(action)
        else { throw Abort(.badRequest, reason: "未知操作") }
        var errors: [String] = []
        let status = form.reportedStatus.flatMap(ReportedStatus.init(rawValue:))
        if status == nil { errors.append("请选择完成情况") }
        var values: [String: Double] = [:]
        for indicator in target.task.indicators {
            let text = (form.values?[indicator.code] ?? "").replacingOccurrences(of: ",", with: "")
                .trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if let value = Double(text), value.isFinite, value >= 0 {
                values[indicator.code] = value
            } else {
                errors.append("\(indicator.name)：“\(text)”不是有效的非负数")
            }
        }
        let narrative = (form.narrative ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if narrative.count > 20000 { errors.append("进展情况不超过 20000 字") }
        if action != .save && narrative.isEmpty { errors.append("报送前请填写进展情况") }
        let files = (form.evidence ?? []).filter { !$0.filename.isEmpty || $0.data.readableBytes > 0 }
        let store = EvidenceStore(
            directory: req.application.lantian.filesDirectory, maxBytes: req.application.lantian.maxUploadBytes)
        errors += store.problems(files)
        let content = ReportStore.Content(reportedStatus: status ?? .inProgress, narrative: narrative, values: values)
        guard errors.isEmpty else {
            return try await rerender(req, target, errors: errors, entered: (content, form.values ?? [:]))
        }
        let written = try store.write(files)
        do {
            try await ReportStore(database: req.db).act(
                action, on: target.snapshot.loaded, taskCode: target.task.code, unitCode: target.unit,
                month: target.month, content: content, evidence: written, comment: nil, actor: user.actor, at: req.now,
                calendar: target.snapshot.calendar)
        } catch let refusal as ReportStore.Refusal {
            store.remove(written)
            return try await rerender(
                req, target, errors: [refusal.description], entered: (content, form.values ?? [:]),
                status: refusal.isPermission ? .forbidden : .unprocessableEntity)
        } catch {
            store.remove(written)
            throw error
        }
        let notice: Notice = action == .save ? .saved : action == .approve ? .submitted : .requested
        return req.redirect(
            to: SiteURL.report(task: target.task.code, unit: target.unit, month: target.month).path
                + "?notice=\(notice.rawValue)")
    }

    func review(req: Request) async throws -> Response {
        let target = try await target(req)
        let user = try await req.currentUser()
        let form = try req.content.decode(ReviewForm.self)
        guard let action = form.action.flatMap(ReportAction.init(rawValue:)),
            [.approve, .reject, .returnToUnit, .accept].contains(action)
        else { throw Abort(.badRequest, reason: "未知操作") }
        do {
            try await ReportStore(database: req.db).act(
                action, on: target.snapshot.loaded, taskCode: target.task.code, unitCode: target.unit,
                month: target.month, content: nil, comment: form.comment, actor: user.actor, at: req.now,
                calendar: target.snapshot.calendar)
        } catch let refusal as ReportStore.Refusal {
            return try await rerender(
                req, target, errors: [refusal.description], entered: nil,
                status: refusal.isPermission ? .forbidden : .unprocessableEntity)
        }
        let notice: Notice =
            switch action {
            case .approve: .submitted
            case .reject: .rejected
            case .returnToUnit: .returned
            default: .accepted
            }
        return req.redirect(
            to: SiteURL.report(task: target.task.code, unit: target.unit, month: target.month).path
                + "?notice=\(notice.rawValue)")
    }

    func evidence(req: Request) async throws -> Response {
        let user = try await req.currentUser()
        guard let id = req.parameters.get("id", as: UUID.self),
            let file = try await EvidenceRecord.query(on: req.db).filter(\.$id == id).with(\.$report).first()
        else { throw Abort(.notFound, reason: "没有这个文件") }
        let loaded = try await req.currentPlan()
        guard let unit = loaded.unitCode(id: file.report.$unit.id),
            let task = loaded.taskCode(id: file.report.$task.id).flatMap(loaded.task(code:))
        else { throw Abort(.notFound, reason: "没有这个文件") }
        switch user.readAccess(toReportsOf: unit, on: task, in: loaded) {
        case .everyVersion:
            break
        case .asSubmitted:
            // A file the unit attached to a draft stays private until a submitted version includes it.
            let submitted = try await ReportStore(database: req.db).lastSubmitted(reportIDs: [file.report.requireID()])
            let refs = try submitted.values.first.map { try $0.content().evidence } ?? []
            guard refs.contains(where: { $0.id == id }) else {
                throw Abort(.forbidden, reason: "该佐证材料尚未随报告报送，仅填报单位可见")
            }
        case .none:
            throw Abort(.forbidden, reason: "无权查看该单位的佐证材料")
        }
        let path = EvidenceStore(directory: req.application.lantian.filesDirectory, maxBytes: 0).path(
            of: file.storageKey)
        let response = try await req.fileio.asyncStreamFile(at: path)
        response.headers.replaceOrAdd(name: .contentType, value: EvidenceStore.contentType(of: file.fileName))
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: ContentDisposition.attachment(fileName: file.fileName))
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        response.headers.replaceOrAdd(name: "X-Content-SHA256", value: file.sha256)
        return response
    }

    // MARK: - page

    private func rerender(
        _ req: Request, _ target: Target, errors: [String], entered: (ReportStore.Content, [String: String])?,
        status: HTTPResponseStatus = .unprocessableEntity
    ) async throws -> Response {
        let html = try await page(req, target, errors: errors, entered: entered)
        return Response.html(html.render(), status: status)
    }

    private func page(
        _ req: Request, _ target: Target, errors: [String], entered: (ReportStore.Content, [String: String])?
    ) async throws -> HTML {
        let user = try await req.currentUser()
        let snapshot = target.snapshot
        guard let taskID = snapshot.loaded.ids.tasks[target.task.code],
            let unitID = snapshot.loaded.ids.units[target.unit]
        else { throw Abort(.notFound) }
        let access = user.readAccess(toReportsOf: target.unit, on: target.task, in: snapshot.loaded)
        guard access != .none else { throw Abort(.forbidden, reason: "无权查看其他单位的报告") }
        let store = ReportStore(database: req.db)
        let report = try await store.find(taskID: taskID, unitID: unitID, month: target.month)
        var revisions: [ReportRevisionRecord] = []
        if let report { revisions = try await store.revisions(reportID: report.requireID()) }
        // Outside the unit, the report is what the unit last submitted; drafts and unsent edits stay private.
        var submitted: ReportSnapshot?
        if access == .asSubmitted, report != nil {
            guard let revision = revisions.last(where: { $0.action == ReportAction.approve.rawValue }) else {
                throw Abort(.forbidden, reason: "该报告尚未报送大气办，草稿仅本单位可见")
            }
            submitted = try revision.content()
            // Who wrote and approved what was submitted stays visible; versions after it are unsent edits.
            revisions = revisions.filter {
                $0.number <= revision.number || ReportAction(rawValue: $0.action)?.isOffice == true
            }
        }
        let state = report?.reportState
        var currentValues: [String: String] = [:]
        for value in report?.values ?? [] {
            if let code = snapshot.loaded.indicatorCode(id: value.$indicator.id) {
                currentValues[code] = NumberText.display(value.value).replacingOccurrences(of: ",", with: "")
            }
        }
        if let submitted {
            currentValues = submitted.values.mapValues {
                NumberText.display($0).replacingOccurrences(of: ",", with: "")
            }
        }
        let evidence: [ReportPage.Model.Evidence] =
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
                action: action, role: user.role, actorUnit: user.unitCode, reportUnit: target.unit, task: target.task,
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
        let next = target.month.next
        let model = ReportPage.Model(
            taskCode: target.task.code, taskTitle: target.task.title, unitName: snapshot.unitName(target.unit),
            month: target.month,
            due: String(
                format: "%04d-%02d-%02d %@", next.year, next.month, snapshot.plan.reporting.dueDay,
                snapshot.plan.reporting.dueTime),
            state: state,
            late: report?.firstSubmittedAt.map { snapshot.calendar.isLate(submittedAt: $0, for: target.month) }
                ?? false,
            firstSubmitted: UI.dateTime(report?.firstSubmittedAt, in: zone),
            comment: state == .returned || state == .draft ? report?.comment : nil,
            reportedStatus: entered?.0.reportedStatus ?? submitted?.reportedStatus ?? report?.status ?? .inProgress,
            narrative: entered?.0.narrative ?? submitted?.narrative ?? report?.narrative ?? "",
            indicators: target.task.indicators.map { .init(indicator: $0, value: shownValues[$0.code] ?? "") },
            evidence: evidence,
            revisions: revisions.map { revision in
                // Outside the unit only submitted versions show their content; drafts on the way show who and when.
                let shows = submitted == nil || ReportState(rawValue: revision.state)?.isVisibleOutsideUnit == true
                let content = shows ? try? revision.content() : nil
                let values =
                    content.map { c in
                        target.task.indicators.compactMap { i in
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
            },
            formActions: formActions, reviewActions: reviewActions, errors: errors,
            postPath: SiteURL.report(task: target.task.code, unit: target.unit, month: target.month).path,
            actionPath: SiteURL.reportAction(task: target.task.code, unit: target.unit, month: target.month).path,
            otherMonths: snapshot.calendar.reportMonths(until: snapshot.plan.end).filter { $0 != target.month }.map {
                ($0, SiteURL.report(task: target.task.code, unit: target.unit, month: $0).path)
            },
            maxUploadMB: req.application.lantian.maxUploadBytes >> 20)
        return ReportPage.render(model, try await req.pageContext(.myTasks))
    }
}
