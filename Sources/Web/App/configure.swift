import Campaign
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Persistence
import SQLKit
import Seed
import Vapor

/// Sets up Lantian on `app`: database, migrations, sessions, routes; on first start the Jincheng plan and the
/// office administrator.
///
/// With `firstStart`, loads the Jincheng plan into an empty database and creates the administrator, and returns
/// the administrator's one-time password so that the caller can show it once.
@discardableResult
public func configure(
    _ app: Application, _ configuration: AppConfiguration, firstStart: Bool = true
) async throws -> FirstStart? {
    app.lantian = configuration
    app.planCache = PlanCache()
    app.reportFactsCache = ReportFactsCache()
    app.seasonFiguresCache = SeasonFiguresCache()
    switch configuration.storage {
    case .sqlite(let path):
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
    case .sqliteInMemory:
        app.databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
    case .postgres(let url):
        app.databases.use(try .postgres(url: url, sqlLogLevel: .debug), as: .psql)
    }
    try FileManager.default.createDirectory(atPath: configuration.filesDirectory, withIntermediateDirectories: true)
    app.migrations.add(LantianMigrations.all)
    app.migrations.add(SessionRecord.migration)
    try await app.autoMigrate()
    if case .sqlite = configuration.storage {
        try await tuneSQLite(app)
    }

    app.sessions.use { app in QuietSessionDriver(inner: app.fluent.sessions.driver()) }
    app.sessions.configuration.cookieName = "lantian-session"
    let secure = configuration.https
    app.sessions.configuration.cookieFactory = { id in
        HTTPCookies.Value(
            string: id.string, maxAge: Int(SessionAuthenticator.absoluteLimit), path: "/", isSecure: secure,
            isHTTPOnly: true, sameSite: .lax)
    }
    app.routes.defaultMaxBodySize = "1mb"
    app.middleware = .init()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(SecurityHeadersMiddleware(https: configuration.https))
    app.middleware.use(PageErrorMiddleware(environment: app.environment))
    try routes(app)
    let first = firstStart ? try await Bootstrap(app: app).run() : nil
    // Load the current plan now rather than in the first users' requests.
    if let record = try await PlanStore(database: app.db).currentPlan() {
        _ = try await app.planCache.loaded(record, on: app.db)
    }
    return first
}

/// WAL journal (readers and the writer do not wait for each other) and `synchronous=NORMAL` (no fsync per
/// commit; a commit survives an app crash, and the database stays consistent on power loss). The journal mode
/// is stored in the file; `synchronous` is per connection, so it is set on each event loop's connection.
private func tuneSQLite(_ app: Application) async throws {
    guard let sql = app.db as? any SQLDatabase else { return }
    try await sql.raw("PRAGMA journal_mode=WAL").run()
    for eventLoop in app.eventLoopGroup.makeIterator() {
        if let connection = app.databases.database(logger: app.logger, on: eventLoop) as? any SQLDatabase {
            try await connection.raw("PRAGMA synchronous=NORMAL").run()
            // 64 MiB of page cache a connection (the default is 2 MiB): station-hour imports touch large indexes.
            try await connection.raw("PRAGMA cache_size=-65536").run()
            // Statement journals (a multi-row insert's undo record) in memory rather than in temporary files.
            try await connection.raw("PRAGMA temp_store=MEMORY").run()
        }
    }
}
