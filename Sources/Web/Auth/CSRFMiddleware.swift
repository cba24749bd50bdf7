import Services
import Vapor

/// Protects forms against cross-site request forgery: every unsafe request of a browser session must carry the
/// session's token, in the form field `_csrf` or the header `X-CSRF-Token`. It runs last in each route group
/// (`routes.swift`), after the login and role checks, so that no refused caller's body is read.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"
    static let header = "X-CSRF-Token"
    static let maxBodyKey = AnySendableHashable("lantian.maxBodyBytes")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if [.POST, .PUT, .PATCH, .DELETE].contains(request.method) {
            // A body larger than one read arrives as a stream; the token is inside it, so collect it first — up to
            // the route's own limit (see `RoutesBuilder.upload`), so that no route takes more than it allows.
            if request.headers.first(name: Self.header) == nil {
                let limit = request.route?.userInfo[Self.maxBodyKey] as? Int
                _ = try await request.body.collect(max: limit ?? request.application.routes.defaultMaxBodySize.value)
                    .get()
            }
            let expected = request.session.data[SessionAuthenticator.Key.csrf]
            let given =
                request.headers.first(name: Self.header)
                ?? (try? request.content.get(String.self, at: Self.field))
            guard let expected, let given, constantTimeEqual(expected, given) else {
                throw Abort(.forbidden, reason: "表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试。")
            }
        }
        return try await next.respond(to: request)
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    /// The session's CSRF token, created on first use.
    var csrfToken: String {
        if let token = session.data[SessionAuthenticator.Key.csrf] { return token }
        let token = SecretToken.random(bytes: 24)
        session.data[SessionAuthenticator.Key.csrf] = token
        return token
    }
}

extension RoutesBuilder {
    /// A POST route taking uploads up to `maxBytes`: the body is collected to that size (also by the CSRF check,
    /// which reads the token from it), and a larger one is refused with 413.
    @discardableResult
    func upload(
        _ path: SitePath, maxBytes: Int, use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        let route = on(.POST, path.components, body: .collect(maxSize: ByteCount(value: maxBytes)), use: handler)
        route.userInfo[CSRFMiddleware.maxBodyKey] = maxBytes
        return route
    }
}
