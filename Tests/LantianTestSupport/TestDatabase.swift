import FluentKit
import Foundation
import Logging
import NIOPosix
import Persistence
import SQLKit
import Services

/// One PostgreSQL database serves every test target (the `DATABASE_URL` of the test run): tests that use it
/// take turns, each on an emptied schema.
public enum SharedPostgres {
    public static let turn = Turns()

    /// The test run's PostgreSQL URL, nil for SQLite.
    public static var url: String? {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else { return nil }
        return url
    }

    /// Empties the database's public schema.
    public static func reset(_ url: String) async throws {
        var logger = Logger(label: "lantian-test")
        logger.logLevel = .warning
        let databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
        try AppConfiguration.Storage.postgres(url: url).register(in: databases)
        do {
            let sql =
                databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any()) as! any SQLDatabase
            try await sql.raw("DROP SCHEMA public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        } catch {
            await databases.shutdownAsync()
            throw error
        }
        await databases.shutdownAsync()
    }
}

/// Runs `body` on a fresh Lantian database without the web app: in-memory SQLite, or the test run's PostgreSQL
/// (in turn, emptied first), with Lantian's schema and nothing in it.
public func withTestDatabase(_ body: (any Database) async throws -> Void) async throws {
    var logger = Logger(label: "lantian-test")
    logger.logLevel = .warning
    guard let url = SharedPostgres.url else {
        try await LantianDatabase.with(.sqliteInMemory, logger: logger) { try await body($0.db) }
        return
    }
    await SharedPostgres.turn.acquire()
    do {
        try await SharedPostgres.reset(url)
        try await LantianDatabase.with(.postgres(url: url), logger: logger) { try await body($0.db) }
        await SharedPostgres.turn.release()
    } catch {
        await SharedPostgres.turn.release()
        throw error
    }
}
