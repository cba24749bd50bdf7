import Persistence
import Vapor

/// Every route: the browser site behind sessions and CSRF, and the JSON API behind tokens or sessions.
func routes(_ app: Application) throws {
    app.get(SiteURL.Static.stylesheet) { _ in Response.stylesheet(Stylesheet.css) }.publiclyReachable()
    app.get(SiteURL.Static.bulletinStylesheet) { _ in Response.stylesheet(BulletinDocument.css) }.publiclyReachable()
    app.get(SiteURL.Static.health) { _ in "ok" }.publiclyReachable()

    // Who may call comes first, then the form token (which may mean reading an upload): the login and role
    // checks run before CSRFMiddleware in every group, so no body is read for a caller who would be refused.
    let browser = app.grouped(app.sessions.middleware, SessionAuthenticator())
    try browser.grouped(CSRFMiddleware()).register(collection: AuthController())
    let signedIn = browser.grouped(RequireLoginMiddleware(), CSRFMiddleware())
    let office = browser.grouped(RequireLoginMiddleware(), RequireRoleMiddleware.office, CSRFMiddleware())
    AuthController().bootSignedIn(routes: signedIn)
    CampaignController().boot(routes: signedIn)
    AirQualityController(maxDataBytes: app.lantian.maxUploadBytes * 5).boot(routes: signedIn, office: office)
    ReportController().boot(routes: signedIn, maxUploadBytes: app.lantian.maxUploadBytes)
    MonthlyReportController().boot(routes: signedIn, maxUploadBytes: app.lantian.maxUploadBytes)
    MarketController().boot(routes: signedIn, maxUploadBytes: app.lantian.maxUploadBytes)
    EmergencyController().boot(routes: signedIn, maxUploadBytes: app.lantian.maxUploadBytes)
    EmergencyController().bootPublic(routes: browser)
    SourcesController().boot(routes: signedIn, maxUploadBytes: app.lantian.maxUploadBytes)
    LedgersController().boot(routes: signedIn, maxUploadBytes: app.lantian.maxUploadBytes)
    MeasurementsController().boot(routes: signedIn, maxUploadBytes: app.lantian.maxUploadBytes)
    BulletinsController().boot(routes: signedIn, office: office)
    AssessmentController().boot(office: office)
    DossierController().boot(routes: signedIn)
    NoticesController().boot(routes: signedIn)
    AdminController().boot(routes: office, maxUploadBytes: app.lantian.maxUploadBytes)

    // The public site runs without sessions: no cookie is set, so its pages can be cached by anyone.
    PublicController().boot(routes: app)
    MarketController().bootPublicSite(routes: app)
    EmergencyController().bootPublicSite(routes: app)
    SourcesController().bootPublicSite(routes: app)

    APIController().boot(routes: app, sessions: app.sessions.middleware)
}
