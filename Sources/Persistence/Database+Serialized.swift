import FluentKit
import SQLKit

extension Database {
    /// A transaction that writes; every one is counted (``writeCount()``). On SQLite a deferred transaction that reads and then writes fails with
    /// "database is locked" when another connection wrote in between (SQLite cannot let it wait without risking
    /// deadlock or a stale read). So on SQLite the write transactions of this process take turns, and each one
    /// writes first (to `write_gate`), which takes the write lock — waiting for other processes' writers —
    /// before it reads anything: the behaviour of `BEGIN IMMEDIATE`. PostgreSQL needs no such care.
    /// Inside a transaction it simply runs `body` there.
    public func writeTransaction<T: Sendable>(
        _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        if inTransaction { return try await body(self) }
        guard (self as? any SQLDatabase)?.dialect.name == "sqlite" else {
            return try await transaction { db in
                try await Self.countWrite(db)
                return try await body(db)
            }
        }
        await SQLiteWriteGate.shared.acquire()
        do {
            let result = try await transaction { db in
                try await Self.countWrite(db)
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

extension Database {
    /// Counts a write transaction in `write_gate`; on SQLite this first write also takes the write lock.
    fileprivate static func countWrite(_ db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("UPDATE write_gate SET writes = writes + 1 WHERE id = 1").run()
    }

    /// How many write transactions the database has seen: a version number for caches of what those
    /// transactions write (reports, plans, units), valid across every app instance on the database.
    public func writeCount() async throws -> Int {
        try await (self as! any SQLDatabase).raw("SELECT writes FROM write_gate WHERE id = 1")
            .first(decoding: WriteCountRow.self)?.writes ?? 0
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

private struct WriteCountRow: Decodable {
    var writes: Int
}
