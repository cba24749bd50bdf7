import Campaign
import Fluent
import Persistence
import Seed
import Services
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
    app.campaignCaches = Campaigns.Caches()
    app.standardsLibrary = StandardsLibraryCache()
    try configuration.storage.register(in: app.databases)
    // The plan's market-supervision indicators are counted from the bureau's records (t24, t05, f133-2).
    app.indicatorSources = Campaigns.indicatorSources(caches: app.campaignCaches)
    try FileManager.default.createDirectory(atPath: configuration.filesDirectory, withIntermediateDirectories: true)
    app.migrations.add(LantianMigrations.all)
    app.migrations.add(SessionRecord.migration)
    try await app.autoMigrate()
    try await LantianDatabase.tune(
        configuration.storage, databases: app.databases, eventLoopGroup: app.eventLoopGroup, logger: app.logger)

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
    if configuration.sweepsNotices { app.lifecycle.use(NoticeSweeper()) }
    let first = firstStart ? try await Bootstrap(app: app).run() : nil
    // Load the current plan now rather than in the first users' requests.
    _ = try? await Campaigns(db: app.db, caches: app.campaignCaches).currentPlan()
    return first
}
