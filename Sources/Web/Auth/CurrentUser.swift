import Campaign
import Fluent
import Persistence
import Services
import Vapor

/// The signed-in user with their unit: who the server checks every write against.
struct CurrentUser: Sendable {
    let id: UUID
    let username: String
    let displayName: String
    let role: Role
    let unitCode: String
    let unitName: String

    var isOffice: Bool { role == .officeAdmin }
    var canWriteReports: Bool { role == .unitReporter || role == .unitLeader }

    var actor: ReportStore.Actor {
        ReportStore.Actor(userID: id, username: username, displayName: displayName, role: role, unitCode: unitCode)
    }

    var audit: AuditLog.Actor { AuditLog.Actor(userID: id, username: username) }

    /// What this user may read of `unit`'s reports on `task` (``ReportPolicy/readAccess(role:actorUnit:reportUnit:task:supervisor:)``).
    func readAccess(toReportsOf unit: String, on task: PlanTask, in loaded: LoadedPlan) -> ReportPolicy.ReadAccess {
        ReportReading.access(of: actor, toReportsOf: unit, on: task, in: loaded)
    }
}

extension Request {
    /// The signed-in user, or 401.
    func currentUser() async throws -> CurrentUser {
        if let cached = storage[CurrentUserKey.self] { return cached }
        guard let user = auth.get(UserRecord.self), user.active else {
            throw Abort(.unauthorized, reason: "请先登录")
        }
        let unit = try await user.$unit.get(on: db)
        let current = CurrentUser(
            id: try user.requireID(), username: user.username, displayName: user.displayName, role: user.userRole,
            unitCode: unit.code, unitName: unit.name)
        storage[CurrentUserKey.self] = current
        return current
    }
}

private struct CurrentUserKey: StorageKey {
    typealias Value = CurrentUser
}
