import Persistence
import Vapor

/// Every route: the browser site behind sessions and CSRF, and the JSON API behind tokens or sessions.
func routes(_ app: Application) throws {
    app.get("static", "lantian.css") { _ in
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/css; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }.publiclyReachable()
    app.get("healthz") { _ in "ok" }.publiclyReachable()

    let browser = app.grouped(app.sessions.middleware, SessionAuthenticator(), CSRFMiddleware())
    try browser.register(collection: AuthController())
    let signedIn = browser.grouped(RequireLoginMiddleware())
    AuthController().bootSignedIn(routes: signedIn)
    CampaignController().boot(routes: signedIn)
    AirQualityController(maxDataBytes: app.lantian.maxUploadBytes * 5).boot(routes: signedIn)
    ReportController().boot(routes: signedIn, maxUploadBytes: app.lantian.maxUploadBytes)
    AdminController().boot(routes: signedIn, maxUploadBytes: app.lantian.maxUploadBytes)

    APIController().boot(routes: app.grouped("api", "v1"), sessions: app.sessions.middleware)
}
