import Fluent
import Foundation
import Persistence
import Vapor

/// API tokens: issued against a password (``Credentials``), at most ``maxLive`` live ones an account, listed
/// and revoked by their owner and by the office, revoked all at once by a password reset or deactivation.
/// Only a token's SHA-256 digest is stored.
struct APITokens {
    let db: any Database

    /// Live (unexpired) tokens one account may hold.
    static let maxLive = 10
    /// How long a token lives, seconds.
    static let lifetime: TimeInterval = 90 * 86400

    struct Issued {
        var token: String
        var expiresAt: Date
    }

    /// A new token for `user`, or a refusal when the account already holds ``maxLive`` live ones.
    func issue(to user: UserRecord, name: String, at now: Date) async throws -> Issued {
        let userID = try user.requireID()
        let token = [UInt8].random(count: 32).base64URLEncoded()
        let expires = now.addingTimeInterval(Self.lifetime)
        let name = String(name.prefix(80))
        try await db.writeTransaction { db in
            try await UserTokenRecord.query(on: db).filter(\.$user.$id == userID).filter(\.$expiresAt <= now).delete()
            let live = try await UserTokenRecord.query(on: db).filter(\.$user.$id == userID).count()
            guard live < Self.maxLive else {
                throw Abort(.conflict, reason: "每个账号最多 \(Self.maxLive) 个有效令牌，请先吊销不再使用的令牌")
            }
            try await UserTokenRecord(
                digest: UserTokenRecord.digest(of: token), name: name, userID: userID, expiresAt: expires
            ).create(on: db)
            try await AuditLog.record(
                on: db, actor: .init(userID: userID, username: user.username), action: "token.create", entity: "user",
                entityID: user.username, before: Nothing?.none, after: ["name": name], at: now)
        }
        return Issued(token: token, expiresAt: expires)
    }

    /// The tokens `viewer` may see: their own, or every account's for the office. Newest first.
    func list(for viewer: CurrentUser, at now: Date) async throws -> [UserTokenRecord] {
        var query = UserTokenRecord.query(on: db).with(\.$user).sort(\.$createdAt, .descending)
        if !viewer.isOffice { query = query.filter(\.$user.$id == viewer.id) }
        return try await query.all().filter { ($0.expiresAt ?? .distantFuture) > now }
    }

    /// Revokes token `id` if `actor` owns it or is the office; 404 otherwise (no telling whose it is).
    func revoke(_ id: UUID, by actor: CurrentUser, at now: Date) async throws {
        try await db.writeTransaction { db in
            guard let token = try await UserTokenRecord.query(on: db).filter(\.$id == id).with(\.$user).first(),
                actor.isOffice || token.$user.id == actor.id
            else { throw Abort(.notFound, reason: "没有这个令牌") }
            try await token.delete(on: db)
            try await AuditLog.record(
                on: db, actor: actor.audit, action: "token.revoke", entity: "user", entityID: token.user.username,
                before: ["name": token.name], after: Nothing?.none, at: now)
        }
    }

    /// Revokes every token of the account; returns how many there were.
    static func revokeAll(of userID: UUID, on db: any Database) async throws -> Int {
        let count = try await UserTokenRecord.query(on: db).filter(\.$user.$id == userID).count()
        try await UserTokenRecord.query(on: db).filter(\.$user.$id == userID).delete()
        return count
    }
}
