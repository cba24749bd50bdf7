import FluentKit
import Foundation
import Persistence

/// API tokens: issued against a password (``Credentials``), at most ``maxLive`` live ones an account, listed
/// and revoked by their owner and by the office, revoked all at once by a password reset or deactivation.
/// Only a token's SHA-256 digest is stored.
public struct APITokens: Sendable {
    let db: any Database
    /// Token → stored digest (SHA-256, from the web app).
    let digest: @Sendable (String) -> String

    public init(db: any Database, digest: @escaping @Sendable (String) -> String) {
        self.db = db
        self.digest = digest
    }

    /// Live (unexpired) tokens one account may hold.
    public static let maxLive = 10
    /// How long a token lives, seconds.
    public static let lifetime: TimeInterval = 90 * 86400

    public struct Issued: Sendable {
        public var token: String
        public var expiresAt: Date
    }

    /// A new token for `user`, or a refusal when the account already holds ``maxLive`` live ones.
    public func issue(to user: UserRecord, name: String, at now: Date) async throws -> Issued {
        let userID = try user.requireID()
        let token = SecretToken.random(bytes: 32)
        let expires = now.addingTimeInterval(Self.lifetime)
        let name = String(name.prefix(80))
        try await db.writeTransaction { db in
            try await UserTokenRecord.query(on: db).filter(\.$user.$id == userID).filter(\.$expiresAt <= now).delete()
            let live = try await UserTokenRecord.query(on: db).filter(\.$user.$id == userID).count()
            guard live < Self.maxLive else {
                throw ServiceError.conflict("每个账号最多 \(Self.maxLive) 个有效令牌，请先吊销不再使用的令牌")
            }
            try await UserTokenRecord(
                digest: digest(token), name: name, userID: userID, expiresAt: expires
            ).create(on: db)
            try await AuditLog.record(
                on: db, actor: .init(userID: userID, username: user.username), action: "token.create", entity: "user",
                entityID: user.username, before: Nothing?.none, after: ["name": name], at: now)
        }
        return Issued(token: token, expiresAt: expires)
    }

    /// The tokens `viewer` may see: their own, or — with `everyone`, for the office — every account's. Newest
    /// first, live ones only.
    public func list(for viewer: UUID, everyone: Bool, at now: Date) async throws -> [UserTokenRecord] {
        var query = UserTokenRecord.query(on: db).with(\.$user).sort(\.$createdAt, .descending)
        if !everyone { query = query.filter(\.$user.$id == viewer) }
        return try await query.all().filter { ($0.expiresAt ?? .distantFuture) > now }
    }

    /// Revokes token `id` if `actor` owns it or `anyones` (the office); not found otherwise (no telling whose it
    /// is).
    public func revoke(_ id: UUID, by actor: AuditLog.Actor, anyones: Bool, at now: Date) async throws {
        try await db.writeTransaction { db in
            guard let token = try await UserTokenRecord.query(on: db).filter(\.$id == id).with(\.$user).first(),
                anyones || token.$user.id == actor.userID
            else { throw ServiceError.notFound("没有这个令牌") }
            try await token.delete(on: db)
            try await AuditLog.record(
                on: db, actor: actor, action: "token.revoke", entity: "user", entityID: token.user.username,
                before: ["name": token.name], after: Nothing?.none, at: now)
        }
    }

    /// Revokes every token of the account; returns how many there were.
    public static func revokeAll(of userID: UUID, on db: any Database) async throws -> Int {
        let count = try await UserTokenRecord.query(on: db).filter(\.$user.$id == userID).count()
        try await UserTokenRecord.query(on: db).filter(\.$user.$id == userID).delete()
        return count
    }
}
