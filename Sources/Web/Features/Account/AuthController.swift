import Fluent
import Persistence
import Plot
import Services
import Vapor

/// 登录、退出、修改密码.
struct AuthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Account.login, use: loginForm).publiclyReachable()
        routes.post(SiteURL.Account.login, use: login).publiclyReachable()
        routes.post(SiteURL.Account.logout, use: logout).publiclyReachable()
    }

    func bootSignedIn(routes: any RoutesBuilder) {
        routes.get(SiteURL.Account.password, use: passwordForm)
        routes.post(SiteURL.Account.password, use: changePassword)
        routes.get(SiteURL.Account.tokens, use: tokens)
        routes.post(SiteURL.Account.tokenRevoke, use: revokeToken)
    }

    /// API 令牌: the user's live tokens (the office sees everyone's), each revocable.
    func tokens(req: Request) async throws -> HTML {
        let user = try await req.currentUser()
        let zone = try await req.zone()
        let lines = try await APITokens(db: req.db).list(for: user.id, everyone: user.isOffice, at: req.now).map {
            token in
            TokensPage.Line(
                id: token.id ?? UUID(), name: token.name, username: token.user.username,
                created: UI.dateTime(token.createdAt, in: zone), expires: UI.dateTime(token.expiresAt, in: zone))
        }
        return TokensPage.render(.init(lines: lines, showsOwner: user.isOffice), try await req.pageContext(nil))
    }

    func revokeToken(req: Request) async throws -> Response {
        let user = try await req.currentUser()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound, reason: "没有这个令牌") }
        try await APITokens(db: req.db).revoke(id, by: user.audit, anyones: user.isOffice, at: req.now)
        return req.redirect(to: SiteURL.tokens.path + "?notice=revoked")
    }

    struct LoginForm: Content {
        var username: String
        var password: String
        var next: String?
    }

    func loginForm(req: Request) async throws -> Response {
        if req.auth.has(UserRecord.self) { return req.redirect(to: SiteURL.home.path) }
        let model = LoginPage.Model(next: Self.safeNext(req.query[String.self, at: "next"], on: req.application))
        return try await LoginPage.render(model, req.pageContext(nil)).encodeResponse(for: req)
    }

    func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let username = String(form.username.trimmingCharacters(in: .whitespaces).prefix(64))
        let next = Self.safeNext(form.next, on: req.application)
        func refuse(_ message: String, status: HTTPResponseStatus) async throws -> Response {
            let model = LoginPage.Model(username: username, next: next, error: message)
            return Response.html(LoginPage.render(model, try await req.pageContext(nil)).render(), status: status)
        }
        let attempt = try await Credentials.check(username: username, password: form.password, on: req)
        switch attempt {
        case .throttled(let message):
            return try await refuse(message, status: .tooManyRequests)
        case .refused:
            return try await refuse("用户名或密码不正确，或账号已停用。", status: .unauthorized)
        case .valid(let user):
            try await req.startSession(for: user)
            let now = req.now
            try await req.db.writeTransaction { db in
                try await AuditLog.record(
                    on: db, actor: .init(userID: user.id, username: user.username), action: "user.login",
                    entity: "user", entityID: user.username, before: Nothing?.none,
                    after: ["address": req.clientAddress], at: now)
            }
            return req.redirect(to: next ?? SiteURL.home.path)
        }
    }

    func logout(req: Request) async throws -> Response {
        if let user = req.auth.get(UserRecord.self) {
            let now = req.now
            try await req.db.writeTransaction { db in
                try await AuditLog.record(
                    on: db, actor: .init(userID: user.id, username: user.username), action: "user.logout",
                    entity: "user", entityID: user.username, before: Nothing?.none, after: Nothing?.none, at: now)
            }
        }
        req.endSession()
        return req.redirect(to: SiteURL.login(next: nil).path)
    }

    struct PasswordForm: Content {
        var current: String
        var new: String
        var `repeat`: String
    }

    func passwordForm(req: Request) async throws -> HTML {
        let user = try req.auth.require(UserRecord.self)
        return PasswordPage.render(.init(forced: user.mustChangePassword), try await req.pageContext(nil))
    }

    func changePassword(req: Request) async throws -> Response {
        let user = try req.auth.require(UserRecord.self)
        let form = try req.content.decode(PasswordForm.self)
        var errors: [String] = []
        if !(try user.verify(password: form.current)) { errors.append("当前密码不正确") }
        if let weakness = Passwords.weakness(form.new, username: user.username) { errors.append(weakness) }
        if form.new != form.repeat { errors.append("两次输入的新密码不一致") }
        if form.new == form.current { errors.append("新密码不能与当前密码相同") }
        guard errors.isEmpty else {
            let page = PasswordPage.render(
                .init(forced: user.mustChangePassword, errors: errors), try await req.pageContext(nil))
            return Response.html(page.render(), status: .unprocessableEntity)
        }
        user.passwordHash = try PasswordHashing.bcrypt.hash(form.new)
        user.mustChangePassword = false
        // Every other session of the account ends; this one goes on under a new id.
        user.endSessions()
        let current = try await req.currentUser()
        try await req.db.writeTransaction { db in
            try await user.update(on: db)
            try await AuditLog.record(
                on: db, actor: current.audit, action: "user.password", entity: "user", entityID: user.username,
                before: Nothing?.none, after: Nothing?.none, at: req.now)
        }
        try await req.startSession(for: user)
        return req.redirect(to: SiteURL.home.path + "?notice=passwordChanged")
    }

    /// Only a page of this site may follow sign-in: a path the router knows, in printable ASCII without
    /// backslashes (a TAB or CR in `/\t/evil.example` is dropped by browsers and leaves `//evil.example`).
    static func safeNext(_ next: String?, on app: Application) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"),
            next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" })
        else { return nil }
        let path = String(next.prefix { $0 != "?" && $0 != "#" })
        return app.routes.knowsPage(path) ? next : nil
    }
}
