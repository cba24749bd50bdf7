import Campaign
import Fluent
import Persistence
import Vapor

/// The JSON API under `/api/v1`: plans, units, tasks with their computed status and indicators, reports.
/// Reads accept a session or a bearer token; writes take a bearer token (so that no browser form can forge them).
struct APIController {
    func boot(routes: any RoutesBuilder, sessions: any Middleware) {
        routes.get("openapi.json") { _ in
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
        }
        routes.post("tokens", use: createToken)
        let read = routes.grouped(
            sessions, UserRecord.sessionAuthenticator(), TokenAuthenticator(), UserRecord.guardMiddleware())
        read.get("plans", use: plans)
        read.get("plan", use: plan)
        read.get("units", use: units)
        read.get("tasks", use: tasks)
        read.get("tasks", ":code", use: task)
        read.get("tasks", ":code", "reports", use: reports)
        AirAPIController().boot(routes: read)
        let write = routes.grouped(TokenAuthenticator(), UserRecord.guardMiddleware())
        write.post("tasks", ":code", "reports", ":unit", ":month", use: act)
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
        guard let user = try await UserRecord.query(on: req.db).filter(\.$username == body.username).first(),
            user.active, try user.verify(password: body.password), !user.mustChangePassword
        else { throw Abort(.unauthorized, reason: "用户名或密码不正确（一次性密码须先在网页上修改）") }
        let token = [UInt8].random(count: 32).base64URLEncoded()
        let expires = req.now.addingTimeInterval(90 * 86400)
        try await req.db.writeTransaction { db in
            try await UserTokenRecord(
                digest: UserTokenRecord.digest(of: token), name: body.name ?? "api", userID: try user.requireID(),
                expiresAt: expires
            ).create(on: db)
            try await AuditLog.record(
                on: db, actor: .init(userID: user.id, username: user.username), action: "token.create", entity: "user",
                entityID: user.username, before: Nothing?.none, after: ["name": body.name ?? "api"], at: req.now)
        }
        return TokenResponse(token: token, expiresAt: expires)
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
        guard let code = req.parameters.get("code"), let taskID = snapshot.loaded.ids.tasks[code] else {
            throw Abort(.notFound, reason: "没有这项任务")
        }
        let records = try await ReportRecord.query(on: req.db).filter(\.$task.$id == taskID).with(\.$values)
            .with(\.$evidence).sort(\.$month).all()
        return records.map { ReportDTO(record: $0, taskCode: code, snapshot: snapshot) }
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
        do {
            let record = try await ReportStore(database: req.db).act(
                body.action, on: snapshot.loaded, taskCode: code, unitCode: unit, month: month, content: content,
                comment: body.comment, actor: user.actor, at: req.now, calendar: snapshot.calendar)
            let saved = try await ReportRecord.query(on: req.db).filter(\.$id == record.requireID()).with(\.$values)
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
