import Campaign
import Vapor

/// Lets through only the given roles and refuses everyone else with 403 before the handler runs — the rule sits
/// on the route group, so no handler can forget it.
struct RequireRoleMiddleware: AsyncMiddleware {
    let roles: Set<Role>
    let refusal: String

    /// The office's pages and writes: 大气办管理员 only.
    static let office = RequireRoleMiddleware(roles: [.officeAdmin], refusal: "仅大气办管理员可以进行此操作")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard roles.contains(try await request.currentUser().role) else {
            throw Abort(.forbidden, reason: refusal)
        }
        return try await next.respond(to: request)
    }
}
