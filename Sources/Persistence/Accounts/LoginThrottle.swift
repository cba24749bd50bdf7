import FluentKit
import Foundation

/// Failed sign-ins counted per account and per client address over a sliding window: past the limit, that
/// account (or address) must wait until its oldest counted failure leaves the window. Kept in the database, so
/// every instance counts the same failures.
public struct LoginThrottle: Sendable {
    /// How long a failure counts, in seconds.
    public static let window: TimeInterval = 15 * 60
    /// Failures of one account within the window that lock it.
    public static let perAccount = 5
    /// Failures from one address within the window that lock it (a whole office may share one address).
    public static let perAddress = 30

    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// When `username` from `address` may try again, or nil when it may now.
    public func lockedUntil(username: String, address: String, at now: Date) async throws -> Date? {
        let since = now.addingTimeInterval(-Self.window)
        let byAccount = try await LoginFailureRecord.query(on: database).filter(\.$username == username)
            .filter(\.$at > since).sort(\.$at, .descending).limit(Self.perAccount).all()
        let byAddress = try await LoginFailureRecord.query(on: database).filter(\.$address == address)
            .filter(\.$at > since).sort(\.$at, .descending).limit(Self.perAddress).all()
        let until = [
            byAccount.count >= Self.perAccount ? byAccount.last?.at : nil,
            byAddress.count >= Self.perAddress ? byAddress.last?.at : nil,
        ].compactMap { $0 }.max()?.addingTimeInterval(Self.window)
        return until.flatMap { $0 > now ? $0 : nil }
    }

    /// Counts a failed sign-in, and forgets failures older than a day.
    public func recordFailure(username: String, address: String, at now: Date) async throws {
        try await database.writeTransaction { db in
            try await LoginFailureRecord(username: username, address: address, at: now).create(on: db)
            try await LoginFailureRecord.query(on: db).filter(\.$at < now.addingTimeInterval(-86400)).delete()
        }
    }

    /// Forgets the account's failures after it signed in.
    public func clear(username: String) async throws {
        try await database.writeTransaction { db in
            try await LoginFailureRecord.query(on: db).filter(\.$username == username).delete()
        }
    }
}
