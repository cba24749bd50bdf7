import Fluent
import Persistence
import Vapor

/// Checks a username and password — for the sign-in form and for API tokens alike: throttled per account and
/// per address (``LoginThrottle``), the same bcrypt work for unknown and known usernames, every failure counted
/// and in the audit log.
enum Credentials {
    enum Attempt {
        case valid(UserRecord)
        /// Wrong username or password, or a deactivated account (not told apart).
        case refused
        /// Too many failures: the message says how long to wait.
        case throttled(String)
    }

    static func check(username: String, password: String, on req: Request) async throws -> Attempt {
        let throttle = LoginThrottle(database: req.db)
        let address = req.clientAddress
        let now = req.now
        if let until = try await throttle.lockedUntil(username: username, address: address, at: now) {
            let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
            return .throttled("登录失败次数过多，请 \(minutes) 分钟后再试。")
        }
        let user = try await UserRecord.query(on: req.db).filter(\.$username == username).first()
        // Hash even for an unknown user, so that timing does not tell which usernames exist.
        let matches = try (user.map { try $0.verify(password: password) }) ?? decoy(password)
        if let user, matches, user.active {
            try await throttle.clear(username: username)
            return .valid(user)
        }
        try await throttle.recordFailure(username: username, address: address, at: now)
        try await req.db.writeTransaction { db in
            try await AuditLog.record(
                on: db, actor: .init(userID: user?.id, username: username), action: "user.loginFailed",
                entity: "user", entityID: username, before: Nothing?.none, after: ["address": address], at: now)
        }
        return .refused
    }

    private static func decoy(_ password: String) -> Bool {
        _ = try? Bcrypt.verify(password, created: decoyHash)
        return false
    }

    private static let decoyHash = (try? Bcrypt.hash("lantian-decoy-password")) ?? ""
}

extension Request {
    /// The client's address: the peer, or behind a trusted proxy (`LANTIAN_TRUST_PROXY`) the last entry of
    /// `X-Forwarded-For`, which that proxy wrote.
    var clientAddress: String {
        if application.lantian.trustProxy,
            let last = headers["X-Forwarded-For"].last?.split(separator: ",").last
        {
            return last.trimmingCharacters(in: .whitespaces)
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}
