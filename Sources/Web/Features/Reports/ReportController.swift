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
        if form.action == ReportPage.carryForward {
            return try await carryForward(req, target, user: user)
        }
        guard let action = form.action.flatMap(ReportAction.init(rawValue:)),
            [.save, .requestApproval, .approve].contains(action)
        else { throw Abort(.badRequest, reason: "未知操作") }
        let entry = ReportEntry(
            reportedStatus: form.reportedStatus, values: form.values ?? [:], narrative: form.narrative ?? "")
        let read = entry.read(for: target.task, submitting: action != .save)
        let content = read.content
        var errors = read.problems
        let files = (form.evidence ?? []).filter { !$0.filename.isEmpty || $0.data.readableBytes > 0 }
        let store = EvidenceStore(
            directory: req.application.lantian.filesDirectory, maxBytes: req.application.lantian.maxUploadBytes)
        errors += store.problems(files)
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

    /// 与上月相同: last month's report as this month's draft, marked as carried forward.
    private func carryForward(_ req: Request, _ target: Target, user: CurrentUser) async throws -> Response {
        let content: ReportStore.Content
        do {
            content = try await CarryForward(db: req.db).draft(
                task: target.task, unit: target.unit, month: target.month, in: target.snapshot.loaded)
        } catch let refusal as ServiceError {
            return try await rerender(req, target, errors: [refusal.description], entered: nil)
        }
        do {
            try await ReportStore(database: req.db).act(
                .save, on: target.snapshot.loaded, taskCode: target.task.code, unitCode: target.unit,
                month: target.month, content: content, comment: nil, actor: user.actor, at: req.now,
                calendar: target.snapshot.calendar)
        } catch let refusal as ReportStore.Refusal {
            return try await rerender(
                req, target, errors: [refusal.description], entered: nil,
                status: refusal.isPermission ? .forbidden : .unprocessableEntity)
        }
        return req.redirect(
            to: SiteURL.report(task: target.task.code, unit: target.unit, month: target.month).path
                + "?notice=\(Notice.carried.rawValue)")
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
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound, reason: "没有这个文件") }
        let file = try await ReportReading(db: req.db).evidence(
            id: id, in: try await req.currentPlan(), reader: user.actor)
        return try await EvidenceStore(directory: req.application.lantian.filesDirectory, maxBytes: 0).fileResponse(
            req, key: file.storageKey, fileName: file.fileName, sha256: file.sha256)
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
        let view = try await ReportReading(db: req.db).report(
            task: target.task, unit: target.unit, month: target.month, in: target.snapshot.loaded, reader: user.actor)
        let model = ReportPage.Model(
            view: view, snapshot: target.snapshot, task: target.task, unit: target.unit, month: target.month,
            user: user, errors: errors, entered: entered, maxUploadMB: req.application.lantian.maxUploadBytes >> 20)
        return ReportPage.render(model, try await req.pageContext(.myTasks))
    }
}
