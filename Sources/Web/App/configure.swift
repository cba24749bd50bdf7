import Campaign
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Persistence
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
    try await app.autoMigrate()

    app.sessions.use(.fluent)
    app.sessions.configuration.cookieName = "lantian-session"
    app.sessions.configuration.cookieFactory = { id in
        HTTPCookies.Value(string: id.string, maxAge: 12 * 3600, path: "/", isHTTPOnly: true, sameSite: .lax)
    }
    app.routes.defaultMaxBodySize = "1mb"
    app.middleware = .init()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(PageErrorMiddleware(environment: app.environment))
    try routes(app)
    return firstStart ? try await Bootstrap(app: app).run() : nil
}
