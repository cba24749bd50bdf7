import Fluent
import Vapor

/// Fluent's session store, minus a write per request: Vapor saves the session after every response, so it only
/// passes on an update whose data differs from what this request read. Sessions stay in the database, shared by
/// every app instance.
struct QuietSessionDriver: SessionDriver {
    let inner: any SessionDriver

    private struct ReadKey: StorageKey {
        typealias Value = SessionData
    }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        inner.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        inner.readSession(sessionID, for: request).map { data in
            if let data { request.storage[ReadKey.self] = data }
            return data
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID>
    {
        if request.storage[ReadKey.self] == data { return request.eventLoop.makeSucceededFuture(sessionID) }
        return inner.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        inner.deleteSession(sessionID, for: request)
    }
}
