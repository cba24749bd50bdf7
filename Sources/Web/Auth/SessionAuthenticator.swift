import Fluent
import Persistence
import Vapor

/// Signs in the user a browser session names — only while the session is live: the account active, the
/// session's epoch the account's current one (a password change, reset or deactivation raises it and so ends
/// every other session), idle for less than ``idleLimit`` and younger than ``absoluteLimit``. A session that
/// fails any of these loses its user; the browser stays on it as anonymous (so that `/login` answers and a stale
/// page's 退出 works), and the next sign-in gives it a new id and a new form token.
struct SessionAuthenticator: AsyncMiddleware {
    /// Seconds without a request after which a session ends.
    static let idleLimit: TimeInterval = 2 * 3600
    /// Seconds after sign-in at which a session ends, however busy.
    static let absoluteLimit: TimeInterval = 12 * 3600
    /// How stale the stored last-seen time may get before a request rewrites it (a write per request otherwise).
    static let seenResolution: TimeInterval = 60

    enum Key {
        static let user = "user"
        static let epoch = "epoch"
        static let started = "started"
        static let seen = "seen"
        static let csrf = "csrf"
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let data = request.session.data
        if let id = data[Key.user].flatMap(UUID.init(uuidString:)) {
            let now = request.now
            let started = data[Key.started].flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
            let seen = data[Key.seen].flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
            if let user = try await UserRecord.find(id, on: request.db), user.active,
                data[Key.epoch] == String(user.sessionEpoch),
                let started, now.timeIntervalSince(started) < Self.absoluteLimit,
                let seen, now.timeIntervalSince(seen) < Self.idleLimit
            {
                request.auth.login(user)
                if now.timeIntervalSince(seen) >= Self.seenResolution {
                    request.session.data[Key.seen] = String(now.timeIntervalSince1970)
                }
            } else {
                request.session.forgetUser()
            }
        }
        return try await next.respond(to: request)
    }
}

extension Session {
    /// Drops the signed-in user, keeping the session and its form token: a page left open past the session's end
    /// can still sign out or sign in (signing in then replaces both).
    func forgetUser() {
        for key in [
            SessionAuthenticator.Key.user, SessionAuthenticator.Key.epoch, SessionAuthenticator.Key.started,
            SessionAuthenticator.Key.seen,
        ] where data[key] != nil {
            data[key] = nil
        }
    }
}

extension Request {
    /// Signs `user` in on a new session id with a new form token: whatever id the browser came with (perhaps one
    /// an attacker planted) is deleted, not upgraded.
    func startSession(for user: UserRecord) async throws {
        if let old = session.id {
            try await application.sessions.driver.deleteSession(old, for: self).get()
            session.id = nil
        }
        let now = String(self.now.timeIntervalSince1970)
        session.data = SessionData()
        session.data[SessionAuthenticator.Key.user] = try user.requireID().uuidString
        session.data[SessionAuthenticator.Key.epoch] = String(user.sessionEpoch)
        session.data[SessionAuthenticator.Key.started] = now
        session.data[SessionAuthenticator.Key.seen] = now
        auth.login(user)
    }

    /// Signs out and deletes the session.
    func endSession() {
        auth.logout(UserRecord.self)
        session.destroy()
    }
}
