import Foundation
import Persistence
import Plot
import Vapor

/// 通知: each signed-in user reads the notices of their unit and marks them read; nobody reads another unit's.
struct NoticesController {
    func boot(routes: any RoutesBuilder) {
        routes.get(SiteURL.Notices.home, use: list)
        routes.post(SiteURL.Notices.read, use: markRead)
    }

    func list(req: Request) async throws -> HTML {
        let user = try await req.currentUser()
        let notices = try await NoticeStore(database: req.db).notices(unit: user.unitCode)
        return NoticesPage.render(.init(notices: notices, zone: try await req.zone()), try await req.pageContext(nil))
    }

    func markRead(req: Request) async throws -> Response {
        let user = try await req.currentUser()
        try await NoticeStore(database: req.db).markRead(unit: user.unitCode, by: user.username, at: req.now)
        return req.redirect(to: SiteURL.notices.path)
    }
}
