import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOPosix
import Persistence
import SQLKit

/// Lantian's database opened without a web app: what the command-line tools use. The web app registers the same
/// storage on its own `Databases` (``AppConfiguration/Storage/register(in:)``) and tunes it the same way.
public final class LantianDatabase: Sendable {
    public let databases: Databases
    public let logger: Logger
    private let eventLoopGroup: any EventLoopGroup

    private init(databases: Databases, eventLoopGroup: any EventLoopGroup, logger: Logger) {
        self.databases = databases
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
    }

    /// A database handle on one of the event loops.
    public var db: any Database { databases.database(logger: logger, on: eventLoopGroup.any())! }

    /// Opens `storage` and brings its schema up to date (``LantianMigrations``).
    public static func open(_ storage: AppConfiguration.Storage, logger: Logger) async throws -> LantianDatabase {
        let group = MultiThreadedEventLoopGroup.singleton
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: group)
        try storage.register(in: databases)
        let opened = LantianDatabase(databases: databases, eventLoopGroup: group, logger: logger)
        do {
            let migrations = Migrations()
            migrations.add(LantianMigrations.all)
            let migrator = Migrator(
                databases: databases, migrations: migrations, logger: logger, on: group.any(),
                migrationLogLevel: .debug)
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
            try await tune(storage, databases: databases, eventLoopGroup: group, logger: logger)
        } catch {
            await databases.shutdownAsync()
            throw error
        }
        return opened
    }

    /// Closes every connection.
    public func close() async {
        await databases.shutdownAsync()
    }

    /// Opens `storage`, runs `body`, and closes the database whether `body` succeeded or not.
    public static func with<T>(
        _ storage: AppConfiguration.Storage, logger: Logger, _ body: (LantianDatabase) async throws -> T
    ) async throws -> T {
        let opened = try await open(storage, logger: logger)
        do {
            let result = try await body(opened)
            await opened.close()
            return result
        } catch {
            await opened.close()
            throw error
        }
    }

    /// WAL journal (readers and the writer do not wait for each other) and `synchronous=NORMAL` (no fsync per
    /// commit; a commit survives an app crash, and the database stays consistent on power loss). The journal
    /// mode is stored in the file; the rest is per connection, so it is set on each event loop's connection.
    public static func tune(
        _ storage: AppConfiguration.Storage, databases: Databases, eventLoopGroup: any EventLoopGroup,
        logger: Logger
    ) async throws {
        guard case .sqlite = storage,
            let sql = databases.database(logger: logger, on: eventLoopGroup.any()) as? any SQLDatabase
        else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        for eventLoop in eventLoopGroup.makeIterator() {
            if let connection = databases.database(logger: logger, on: eventLoop) as? any SQLDatabase {
                try await connection.raw("PRAGMA synchronous=NORMAL").run()
                // 64 MiB of page cache a connection (the default is 2 MiB): station-hour imports touch large indexes.
                try await connection.raw("PRAGMA cache_size=-65536").run()
                // Statement journals (a multi-row insert's undo record) in memory rather than in temporary files.
                try await connection.raw("PRAGMA temp_store=MEMORY").run()
            }
        }
    }
}

extension AppConfiguration.Storage {
    /// Registers this storage as the default database of `databases`.
    public func register(in databases: Databases) throws {
        switch self {
        case .sqlite(let path):
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
        case .sqliteInMemory:
            databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
        case .postgres(let url):
            databases.use(try .postgres(url: url, sqlLogLevel: .debug), as: .psql)
        }
    }
}
