import Campaign
import Fluent
import LantianCore
import Persistence
import Services
import Vapor

/// The JSON API under `/api/v1`: plans, units, tasks with their computed status and indicators, reports.
/// Reads accept a session or a bearer token; writes take a bearer token (so that no browser form can forge them).
struct APIController {
    func boot(routes: any RoutesBuilder, sessions: any Middleware) {
        routes.get(SiteURL.API.document) { _ in
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
        }.publiclyReachable()
        routes.post(SiteURL.API.tokens, use: createToken).publiclyReachable()
        let read = routes.grouped(sessions, SessionAuthenticator(), TokenAuthenticator(), APIAccessMiddleware())
        read.get(SiteURL.API.plans, use: plans)
        read.get(SiteURL.API.plan, use: plan)
        read.get(SiteURL.API.units, use: units)
        read.get(SiteURL.API.tasks, use: tasks)
        read.get(SiteURL.API.task, use: task)
        read.get(SiteURL.API.reports, use: reports)
        read.get(SiteURL.API.tokens, use: listTokens)
        AirAPIController().boot(routes: read)
        let write = routes.grouped(TokenAuthenticator(), APIAccessMiddleware())
        write.post(SiteURL.API.reportAction, use: act)
        write.delete(SiteURL.API.token, use: revokeToken)
    }

    // MARK: tokens

    struct TokenRequest: Content {
        var username: String
        var password: String
        var name: String?
    }

    struct TokenResponse: Content {
        var token: String
        var expiresAt: Date
    }

    func createToken(req: Request) async throws -> TokenResponse {
        let body = try req.content.decode(TokenRequest.self)
        let refusal = Abort(.unauthorized, reason: "用户名或密码不正确（一次性密码须先在网页上修改）")
        switch try await Credentials.check(
            username: String(body.username.prefix(64)), password: body.password, on: req)
        {
        case .throttled(let message):
            throw Abort(.tooManyRequests, reason: message)
        case .refused:
            throw refusal
        case .valid(let user):
            guard !user.mustChangePassword else { throw refusal }
            let issued = try await APITokens(db: req.db).issue(to: user, name: body.name ?? "api", at: req.now)
            return TokenResponse(token: issued.token, expiresAt: issued.expiresAt)
        }
    }

    func listTokens(req: Request) async throws -> [TokenDTO] {
        let user = try await req.currentUser()
        return try await APITokens(db: req.db).list(for: user.id, everyone: user.isOffice, at: req.now).map(
            TokenDTO.init)
    }

    func revokeToken(req: Request) async throws -> Response {
        let user = try await req.currentUser()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound, reason: "没有这个令牌") }
        try await APITokens(db: req.db).revoke(id, by: user.audit, anyones: user.isOffice, at: req.now)
        return Response(status: .noContent)
    }

    // MARK: reads

    func plans(req: Request) async throws -> [PlanSummaryDTO] {
        try await PlanRecord.query(on: req.db).sort(\.$importedAt, .descending).all().map {
            PlanSummaryDTO(code: $0.code, title: $0.title, start: $0.periodStart, end: $0.periodEnd, active: $0.active)
        }
    }

    func plan(req: Request) async throws -> PlanDTO {
        let loaded = try await req.currentPlan()
        var plan = loaded.plan
        plan.tasks = []
        plan.units = []
        return PlanDTO(plan: plan, taskCount: loaded.plan.tasks.count)
    }

    func units(req: Request) async throws -> Response {
        try await JSONResponse.make(req.currentPlan().plan.units)
    }

    func tasks(req: Request) async throws -> [TaskDTO] {
        let snapshot = try await req.campaign()
        let filter = try req.query.decode(TaskFilter.self)
        if let problem = filter.problem { throw Abort(.badRequest, reason: problem) }
        return TaskRow.rows(snapshot, filter: filter).map { TaskDTO(row: $0, snapshot: snapshot) }
    }

    func task(req: Request) async throws -> TaskDTO {
        let snapshot = try await req.campaign()
        guard let code = req.parameters.get("code"), let task = snapshot.loaded.task(code: code),
            let assessment = snapshot.assessments[code]
        else { throw Abort(.notFound, reason: "没有这项任务") }
        return TaskDTO(
            row: TaskRow(
                task: task, assessment: assessment, progress: snapshot.progress(of: task), status: assessment.status),
            snapshot: snapshot)
    }

    func reports(req: Request) async throws -> [ReportDTO] {
        let snapshot = try await req.campaign()
        guard let code = req.parameters.get("code"), let task = snapshot.loaded.task(code: code) else {
            throw Abort(.notFound, reason: "没有这项任务")
        }
        let user = try await req.currentUser()
        return try await ReportReading(db: req.db).reports(on: task, in: snapshot.loaded, reader: user.actor).map {
            ReportDTO(record: $0.record, taskCode: code, snapshot: snapshot, submitted: $0.submitted)
        }
    }

    // MARK: writes

    struct ActRequest: Content {
        var action: ReportAction
        var reportedStatus: ReportedStatus?
        var narrative: String?
        var values: [String: Double]?
        var comment: String?
    }

    func act(req: Request) async throws -> ReportDTO {
        let user = try await req.currentUser()
        let snapshot = try await req.campaign(allowingAsOf: false)
        let body = try req.content.decode(ActRequest.self)
        guard let code = req.parameters.get("code"), let unit = req.parameters.get("unit"),
            let month = req.parameters.get("month").flatMap(ReportMonth.init)
        else { throw Abort(.badRequest, reason: "路径应为 /tasks/{code}/reports/{unit}/{YYYY-MM}") }
        let content = body.reportedStatus.map {
            ReportStore.Content(reportedStatus: $0, narrative: body.narrative ?? "", values: body.values ?? [:])
        }
        if [.save, .requestApproval].contains(body.action) && content == nil {
            throw Abort(.unprocessableEntity, reason: "需要 reportedStatus")
        }
        // Content belongs to the unit's own steps; nothing sent is dropped without a word.
        if content != nil && ![.save, .requestApproval, .approve].contains(body.action) {
            throw Abort(
                .unprocessableEntity, reason: "\(body.action.chinese)不修改报告内容：请不要同时提交 reportedStatus、narrative 或 values")
        }
        if content == nil && (body.narrative != nil || body.values != nil) {
            throw Abort(.unprocessableEntity, reason: "narrative 和 values 须与 reportedStatus 一起提交")
        }
        do {
            let id = try await ReportStore(database: req.db).act(
                body.action, on: snapshot.loaded, taskCode: code, unitCode: unit, month: month, content: content,
                comment: body.comment, actor: user.actor, at: req.now, calendar: snapshot.calendar)
            let saved = try await ReportRecord.query(on: req.db).filter(\.$id == id).with(\.$values)
                .with(\.$evidence).first()!
            return ReportDTO(record: saved, taskCode: code, snapshot: snapshot)
        } catch let refusal as ReportStore.Refusal {
            throw Abort(refusal.isPermission ? .forbidden : .unprocessableEntity, reason: refusal.description)
        }
    }
}

/// Authenticates `Authorization: Bearer <token>` against stored token digests.
struct TokenAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        guard
            let token = try await UserTokenRecord.query(on: request.db)
                .filter(\.$digest == UserTokenRecord.digest(of: bearer.token)).with(\.$user).first(),
            token.expiresAt.map({ $0 > request.now }) ?? true, token.user.active
        else { return }
        request.auth.login(token.user)
    }
}

/// The API's door: a user signed in by session or token, still active, who has chosen their own password.
struct APIAccessMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.auth.get(UserRecord.self), user.active else {
            throw Abort(.unauthorized, reason: "需要登录或 API 令牌（Authorization: Bearer …）")
        }
        guard !user.mustChangePassword else {
            throw Abort(.forbidden, reason: "请先在网页上把一次性密码改为自己的密码")
        }
        return try await next.respond(to: request)
    }
}
