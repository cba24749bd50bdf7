import Persistence
import Vapor

/// Sends a browser without a session to the login page, and a user with a one-time password to choose their own.
struct RequireLoginMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.auth.get(UserRecord.self), user.active else {
            let target = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
            return request.redirect(to: SiteURL.login(next: target).path)
        }
        if user.mustChangePassword && request.url.path != SiteURL.password.path
            && request.url.path != SiteURL.logout.path
        {
            return request.redirect(to: SiteURL.password.path)
        }
        return try await next.respond(to: request)
    }
}
