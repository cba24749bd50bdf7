import Campaign
import Emergency
import Foundation
import LantianCore
import Services
import Testing
import Vapor
import VaporTesting

@testable import Web

/// The route table: every route is registered from a `SiteURL` pattern, every pattern is registered, and the
/// links built from `SiteURL` land on the route they name.
@Suite(.serialized) struct SiteURLTests {
    private static func pattern(_ route: Route) -> String {
        "/" + route.path.map(\.description).joined(separator: "/")
    }

    @Test func everyRouteHasItsPatternInSiteURLAndEveryPatternIsRouted() async throws {
        try await withLantian { app, _, _ in
            let registered = Set(app.routes.all.map(Self.pattern))
            let declared = Set(SiteURL.allPaths.map(\.pattern))
            #expect(registered.subtracting(declared).sorted() == [], "routes registered without a SiteURL pattern")
            #expect(declared.subtracting(registered).sorted() == [], "SiteURL patterns that no route uses")
            #expect(declared.count == SiteURL.allPaths.count, "a pattern is declared twice")
        }
    }

    /// One example of every link the pages build, and the route each must reach.
    static let examples: [(SiteURL, String, SitePath)] = {
        let month = ReportMonth(year: 2021, month: 11)!
        let id = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!
        return [
            (.home, "/", SiteURL.Campaign.dashboard),
            (.login(next: nil), "/login", SiteURL.Account.login),
            (.login(next: "/tasks/t11"), "/login?next=%2Ftasks%2Ft11", SiteURL.Account.login),
            (.logout, "/logout", SiteURL.Account.logout),
            (.password, "/account/password", SiteURL.Account.password),
            (.tokens, "/account/tokens", SiteURL.Account.tokens),
            (.tokenRevoke(id: id), "/account/tokens/\(id.uuidString)/revoke", SiteURL.Account.tokenRevoke),
            (.plan, "/plan", SiteURL.Campaign.plan),
            (.air, "/air", SiteURL.Air.season),
            (.airCSV(.daily, asOf: "2022-01-31"), "/air/daily.csv?asOf=2022-01-31", SiteURL.Air.dailyCSV),
            (.airCSV(.months, asOf: "2022-01-31"), "/air/months.csv?asOf=2022-01-31", SiteURL.Air.monthsCSV),
            (.airCSV(.stations, asOf: "2022-01-31"), "/air/stations.csv?asOf=2022-01-31", SiteURL.Air.stationsCSV),
            (.airImport, "/air/import", SiteURL.Air.importData),
            (.sandDust, "/air/sand-dust", SiteURL.Air.sandDust),
            (.tasks(TaskFilter()), "/tasks", SiteURL.Campaign.tasks),
            (.tasks(TaskFilter(county: "zezhou", q: "煤")), "/tasks?county=zezhou&q=%E7%85%A4", SiteURL.Campaign.tasks),
            (.tasksCSV(TaskFilter(status: "overdue")), "/tasks.csv?status=overdue", SiteURL.Campaign.tasksCSV),
            (.task(code: "s01-3"), "/tasks/s01-3", SiteURL.Campaign.task),
            (.task(code: "t11", asOf: "2021-12-31"), "/tasks/t11?asOf=2021-12-31", SiteURL.Campaign.task),
            (.myTasks, "/my", SiteURL.Campaign.myTasks),
            (
                .report(task: "t11", unit: "zezhou", month: month), "/tasks/t11/reports/zezhou/2021-11",
                SiteURL.Reports.report
            ),
            (
                .reportAction(task: "t11", unit: "zezhou", month: month), "/tasks/t11/reports/zezhou/2021-11/action",
                SiteURL.Reports.action
            ),
            (.evidence(id: id), "/evidence/\(id.uuidString)", SiteURL.Reports.evidence),
            (.dashboardCSV, "/dashboard.csv", SiteURL.Campaign.dashboardCSV),
            (.units, "/admin/units", SiteURL.Admin.units),
            (.users, "/admin/users", SiteURL.Admin.users),
            (.userReset(username: "zz-reporter"), "/admin/users/zz-reporter/reset", SiteURL.Admin.userReset),
            (.userToggle(username: "zz-reporter"), "/admin/users/zz-reporter/toggle", SiteURL.Admin.userToggle),
            (.planImport, "/admin/plans/import", SiteURL.Admin.planImport),
            (.audit, "/admin/audit", SiteURL.Admin.audit),
            (.stylesheet, "/static/lantian.css", SiteURL.Static.stylesheet),
            (.market, "/market", SiteURL.Market.home),
            (.marketPlans, "/market/plans", SiteURL.Market.plans),
            (.marketPlan(id: id), "/market/plans/\(id.uuidString)", SiteURL.Market.plan),
            (.marketRegistry, "/market/registry", SiteURL.Market.registry),
            (.marketNewCheck(product: nil), "/market/checks/new", SiteURL.Market.newCheck),
            (.marketNewCheck(product: "diesel-20"), "/market/checks/new?product=diesel%2D20", SiteURL.Market.newCheck),
            (.marketChecks, "/market/checks", SiteURL.Market.checks),
            (.marketResults, "/market/checks/results", SiteURL.Market.results),
            (.marketStandards(version: nil), "/market/standards", SiteURL.Market.standards),
            (.marketDocuments(check: id), "/market/checks/\(id.uuidString)/documents", SiteURL.Market.documents),
            (.marketDocument(id: id), "/market/documents/\(id.uuidString)", SiteURL.Market.document),
            (.marketPlanEvidence(id: id), "/market/plans/\(id.uuidString)/evidence.zip", SiteURL.Market.planEvidence),
            (
                .marketActionEvidence(id: id), "/market/actions/\(id.uuidString)/evidence.zip",
                SiteURL.Market.actionEvidence
            ),
            (.marketStandards(version: 3), "/market/standards?version=3", SiteURL.Market.standards),
            (.marketCheck(id: id), "/market/checks/\(id.uuidString)", SiteURL.Market.check),
            (.marketOpenCase(check: id), "/market/checks/\(id.uuidString)/case", SiteURL.Market.openCase),
            (.marketCase(id: id), "/market/cases/\(id.uuidString)", SiteURL.Market.caseStep),
            (.marketDraws, "/market/draws", SiteURL.Market.draws),
            (.marketDraw(id: id), "/market/draws/\(id.uuidString)", SiteURL.Market.draw),
            (.marketDrawSeed(id: id), "/market/draws/\(id.uuidString)/seed", SiteURL.Market.drawSeed),
            (.marketDrawPublish(id: id), "/market/draws/\(id.uuidString)/publish", SiteURL.Market.drawPublish),
            (
                .marketDrawFile(id: id, file: "objects.csv"), "/market/draws/\(id.uuidString)/files/objects.csv",
                SiteURL.Market.drawFile
            ),
            (.publicDraw(id: id), "/public/draws/\(id.uuidString)", SiteURL.Public.draw),
            (.marketActions, "/market/actions", SiteURL.Market.actions),
            (.emergency, "/emergency", SiteURL.Emergency.home),
            (.emergencyForecasts, "/emergency/forecasts", SiteURL.Emergency.forecasts),
            (.emergencyWarnings, "/emergency/warnings", SiteURL.Emergency.warnings),
            (.emergencyWarning(id: id), "/emergency/warnings/\(id.uuidString)", SiteURL.Emergency.warning),
            (.emergencyRegistry, "/emergency/registry", SiteURL.Emergency.registry),
            (.emergencyList(level: .orange), "/emergency/list?level=orange", SiteURL.Emergency.list),
            (.emergencyRules, "/emergency/rules", SiteURL.Emergency.rules),
            (.publicWarning, "/public/warning", SiteURL.Public.warning),
            (.publicHome, "/public", SiteURL.Public.home),
            (.publicTasks, "/public/tasks", SiteURL.Public.tasks),
            (.publicBulletins, "/public/bulletins", SiteURL.Public.bulletins),
            (
                .publicBulletin(month: ReportMonth(year: 2022, month: 1)!), "/public/bulletins/2022-01",
                SiteURL.Public.bulletin
            ),
            (.publicChecks, "/public/checks", SiteURL.Public.checks),
            (.emergencyStaggering, "/emergency/staggering", SiteURL.Emergency.staggering),
            (.emergencyMeasures(version: 2), "/emergency/measures?version=2", SiteURL.Emergency.measures),
            (
                .emergencyOrders(warning: id, county: "zezhou"),
                "/emergency/warnings/\(id.uuidString)/orders?county=zezhou",
                SiteURL.Emergency.orders
            ),
            (.emergencyOrder(id: id), "/emergency/orders/\(id.uuidString)", SiteURL.Emergency.order),
            (
                .emergencyInspections(warning: id), "/emergency/warnings/\(id.uuidString)/inspections",
                SiteURL.Emergency.inspections
            ),
            (
                .emergencyInspectionFile(id: id, file: id),
                "/emergency/inspections/\(id.uuidString)/files/\(id.uuidString)",
                SiteURL.Emergency.inspectionFile
            ),
            (.emergencyReview(warning: id), "/emergency/warnings/\(id.uuidString)/review", SiteURL.Emergency.review),
            (.publicOrder(token: "abcDEF123_-"), "/public/orders/abcDEF123_-", SiteURL.Public.order),
            (.marketAction(id: id), "/market/actions/\(id.uuidString)", SiteURL.Market.action),
            (.marketActionFinds(id: id), "/market/actions/\(id.uuidString)/finds", SiteURL.Market.actionFinds),
            (
                .publicDrawFile(id: id, file: "result.csv"), "/public/draws/\(id.uuidString)/files/result.csv",
                SiteURL.Public.drawFile
            ),
        ]
    }()

    @Test func linksAreBuiltFromTheirPatterns() {
        for (url, expected, _) in Self.examples {
            #expect(url.path == expected)
        }
    }

    /// Each example link, resolved by the app's own router, reaches the route of its pattern.
    @Test func linksReachTheirRoutes() async throws {
        try await withLantian { app, _, _ in
            let router = TrieRouter(Route.self)
            for route in app.routes.all { router.register(route, at: [.constant(route.method.rawValue)] + route.path) }
            for (url, _, path) in Self.examples {
                let components = url.path.split(separator: "?")[0].split(separator: "/").map {
                    String($0).removingPercentEncoding ?? String($0)
                }
                var parameters = Parameters()
                let methods = ["GET", "POST"]
                let found = methods.compactMap { router.route(path: [$0] + components, parameters: &parameters) }
                #expect(found.contains { Self.pattern($0) == path.pattern }, "\(url.path) does not reach \(path)")
            }
        }
    }

    /// A parameter value is one path segment, whatever it holds.
    @Test func parameterValuesArePercentEncoded() {
        #expect(SiteURL.Campaign.task.path("a/b c") == "/tasks/a%2Fb%20c")
        #expect(SiteURL.Admin.userReset.path("王五") == "/admin/users/%E7%8E%8B%E4%BA%94/reset")
    }
}
