import FluentKit
import SQLKit

extension Database {
    /// A transaction that writes, bumping the version of each cache topic in `topics` (``CacheVersions``) in the
    /// same transaction, so that every instance's caches of those topics reload once it commits.
    ///
    /// On SQLite a deferred transaction that reads and then writes fails with "database is locked" when another
    /// connection wrote in between (SQLite cannot let it wait without risking deadlock or a stale read). So on
    /// SQLite the write transactions of this process take turns, and each one writes first (to `write_gate`),
    /// which takes the write lock — waiting for other processes' writers — before it reads anything: the
    /// behaviour of `BEGIN IMMEDIATE`. PostgreSQL needs no such care. Inside a transaction it runs `body` there.
    public func writeTransaction<T: Sendable>(
        touching topics: Set<CacheTopic> = [],
        _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        if inTransaction {
            try await CacheVersions.bump(topics, on: self)
            return try await body(self)
        }
        guard (self as? any SQLDatabase)?.dialect.name == "sqlite" else {
            return try await transaction { db in
                try await CacheVersions.bump(topics, on: db)
                return try await body(db)
            }
        }
        await SQLiteWriteGate.shared.acquire()
        do {
            let result = try await transaction { db in
                try await (db as! any SQLDatabase).raw("UPDATE write_gate SET writes = writes + 1 WHERE id = 1").run()
                try await CacheVersions.bump(topics, on: db)
                return try await body(db)
            }
            await SQLiteWriteGate.shared.release()
            return result
        } catch {
            await SQLiteWriteGate.shared.release()
            throw error
        }
    }
}

/// First-come-first-served turns for async work: one holder at a time (an async mutex without reentrance).
public actor Turns {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init() {}

    public func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    public func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}

/// The SQLite write transactions of this process take these turns.
enum SQLiteWriteGate {
    static let shared = Turns()
}
