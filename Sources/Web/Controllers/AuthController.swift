import Fluent
import Persistence
import Plot
import Vapor

/// 登录、退出、修改密码.
struct AuthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: loginForm)
        routes.post("login", use: login)
        routes.post("logout", use: logout)
    }

    func bootSignedIn(routes: any RoutesBuilder) {
        routes.get("account", "password", use: passwordForm)
        routes.post("account", "password", use: changePassword)
    }

    struct LoginForm: Content {
        var username: String
        var password: String
        var next: String?
    }

    func loginForm(req: Request) async throws -> Response {
        if req.auth.has(UserRecord.self) { return req.redirect(to: SiteURL.home.path) }
        let model = LoginPage.Model(next: safeNext(req.query[String.self, at: "next"]))
        return try await LoginPage.render(model, req.pageContext(nil)).encodeResponse(for: req)
    }

    func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let username = form.username.trimmingCharacters(in: .whitespaces)
        let user = try await UserRecord.query(on: req.db).filter(\.$username == username).first()
        // Hash even for an unknown user, so that timing does not tell which usernames exist.
        let valid =
            try user.map { try $0.verify(password: form.password) }
            ?? {
                _ = try? Bcrypt.verify(form.password, created: Self.decoyHash)
                return false
            }()
        guard let user, valid, user.active else {
            let model = LoginPage.Model(username: username, next: safeNext(form.next), error: "用户名或密码不正确，或账号已停用。")
            return Response.html(
                LoginPage.render(model, try await req.pageContext(nil)).render(), status: .unauthorized)
        }
        req.auth.login(user)
        let now = req.now
        try await req.db.writeTransaction { db in
            try await AuditLog.record(
                on: db, actor: .init(userID: user.id, username: user.username), action: "user.login", entity: "user",
                entityID: user.username, before: Nothing?.none, after: Nothing?.none, at: now)
        }
        return req.redirect(to: safeNext(form.next) ?? SiteURL.home.path)
    }

    func logout(req: Request) async throws -> Response {
        req.auth.logout(UserRecord.self)
        req.session.destroy()
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
        user.passwordHash = try Bcrypt.hash(form.new)
        user.mustChangePassword = false
        let current = try await req.currentUser()
        try await req.db.writeTransaction { db in
            try await user.update(on: db)
            try await AuditLog.record(
                on: db, actor: current.audit, action: "user.password", entity: "user", entityID: user.username,
                before: Nothing?.none, after: Nothing?.none, at: req.now)
        }
        return req.redirect(to: SiteURL.home.path + "?notice=passwordChanged")
    }

    /// Only a local path may follow login; anything else (another host, a scheme) is dropped.
    private func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return nil }
        return next
    }

    private static let decoyHash = (try? Bcrypt.hash("lantian-decoy-password")) ?? ""
}
