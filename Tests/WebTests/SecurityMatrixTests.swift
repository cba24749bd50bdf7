import Campaign
import Emergency
import Foundation
import LantianCore
import MarketSupervision
import Persistence
import Seed
import Services
import SourceMonitoring
import Testing
import Vapor
import VaporTesting
import Web

/// Who may call what, for every route the app registers.
///
/// The routes come from the route table (`app.routes.all`), so a route added without a rule here fails the
/// suite. Each rule names the callers that must be let through; every other caller must be refused — an anonymous
/// one with 401 (API) or a redirect to the login page (HTML), a signed-in one with 403 (or 404 where telling
/// would leak). Reads are checked like writes, and the report routes once on a submitted report and once on a
/// draft, which only its own unit may read.
@Suite(.serialized) struct SecurityMatrixTests {
    /// The callers: no session, and one account of each kind on 散煤治理 (t11, lead 市能源局, every county
    /// responsible).
    enum Caller: String, CaseIterable, Sendable {
        case anonymous
        /// 大气办管理员
        case office = "office1"
        /// 泽州县 reporter and leader: the report's own unit.
        case reporter = "zz-reporter"
        case leader = "zz-leader"
        /// 高平市 reporter: another county on the same task.
        case otherCounty = "gp-reporter"
        /// 市能源局 leader: the task's lead unit.
        case leadUnit = "energy-leader"
        /// 只读用户
        case viewer = "watcher"
        /// 市市场监督管理局 leader: market supervision citywide.
        case marketCity = "samr-leader"
        /// 泽州县市场监管局 reporter: market supervision in 泽州县.
        case marketCounty = "zz-samr"
        /// 市生态环境局 reporter: the emergency registry and forecasts.
        case ecology = "eeb-reporter"
    }

    static let signedIn = Set(Caller.allCases).subtracting([.anonymous])
    static let officeOnly: Set<Caller> = [.office]
    static let ownUnitWriters: Set<Caller> = [.reporter, .leader]
    /// Who reads a submitted report of 泽州县 on t11: its unit, the office, the lead unit, viewers.
    static let submittedReaders: Set<Caller> = [.reporter, .leader, .office, .leadUnit, .viewer]
    /// Who reads market supervision: the bureaus, the office, viewers; who records: the bureaus' own accounts.
    static let marketReaders: Set<Caller> = [.marketCity, .marketCounty, .office, .viewer]
    static let marketWriters: Set<Caller> = [.marketCity, .marketCounty]
    /// Who keeps the emergency registry and enters forecasts: 市生态环境局 and the office.
    static let emergencyKeepers: Set<Caller> = [.ecology, .office]
    /// Who reads the monitoring data, the suspects and the enforcement list, and who keeps the register, imports
    /// and records checks: 市生态环境局 and the office (a suspect list seen elsewhere would warn the suspects).
    static let sourceInspectors: Set<Caller> = [.ecology, .office]

    /// Routes anyone may call. Each is also marked public where it is registered (`Route.isPublic`).
    static let publicRoutes: Set<String> = [
        "GET /static/lantian.css", "GET /healthz", "GET /login", "POST /login", "POST /logout",
        "GET /api/v1/openapi.json", "POST /api/v1/tokens", "GET /public/draws/:id", "GET /public/draws/:id/files/:file",
        "GET /public/warning", "GET /public/orders/:token", "POST /public/orders/:token", "GET /public/monitoring",
        "GET /static/bulletin.css", "GET /public", "GET /public/tasks", "GET /public/bulletins",
        "GET /public/bulletins/:month", "GET /public/checks",
    ]

    /// The callers let through, by route. Report routes address 泽州县's submitted October report unless the
    /// check says otherwise.
    static let rules: [String: Set<Caller>] = [
        "GET /": signedIn, "GET /dashboard.csv": signedIn, "GET /tasks": signedIn, "GET /tasks.csv": signedIn,
        "GET /tasks/:code": signedIn, "GET /plan": signedIn, "GET /my": signedIn,
        "GET /account/password": signedIn, "POST /account/password": signedIn,
        "GET /account/tokens": signedIn, "POST /account/tokens/:id/revoke": signedIn,
        "GET /air": signedIn, "GET /air/daily.csv": signedIn, "GET /air/months.csv": signedIn,
        "GET /air/stations.csv": signedIn, "POST /air/sand-dust": officeOnly, "GET /air/import": officeOnly,
        "POST /air/import": officeOnly,
        "GET /tasks/:code/reports/:unit/:month": submittedReaders,
        "POST /tasks/:code/reports/:unit/:month": ownUnitWriters,
        "POST /tasks/:code/reports/:unit/:month/action": officeOnly,
        "GET /evidence/:id": submittedReaders,
        // A unit's month: its own accounts read every row, the office and viewers what was submitted.
        "GET /units/:unit/months/:month": [.reporter, .leader, .office, .viewer],
        "POST /units/:unit/months/:month": ownUnitWriters, "GET /my/month": signedIn,
        "GET /admin/units": officeOnly, "POST /admin/units": officeOnly, "GET /admin/users": officeOnly,
        "POST /admin/users": officeOnly, "POST /admin/users/:username/reset": officeOnly,
        "POST /admin/users/:username/toggle": officeOnly, "GET /admin/plans/import": officeOnly,
        "POST /admin/plans/import": officeOnly, "GET /admin/audit": officeOnly,
        "GET /api/v1/plans": signedIn, "GET /api/v1/plan": signedIn, "GET /api/v1/units": signedIn,
        "GET /api/v1/tasks": signedIn, "GET /api/v1/tasks/:code": signedIn,
        "GET /api/v1/tasks/:code/reports": signedIn, "GET /api/v1/tokens": signedIn,
        "DELETE /api/v1/tokens/:id": [.office, .viewer],
        "GET /api/v1/air/stations": signedIn, "GET /api/v1/air/days": signedIn,
        "GET /api/v1/air/season": signedIn,
        "POST /api/v1/tasks/:code/reports/:unit/:month": ownUnitWriters,
        "GET /market": marketReaders, "GET /market/plans/:id": marketReaders, "GET /market/registry": marketReaders,
        "GET /market/checks/:id": marketReaders, "POST /market/plans": [.marketCity],
        "POST /market/registry": [.marketCity], "GET /market/checks/new": marketWriters,
        "POST /market/checks": marketWriters, "POST /market/checks/:id/case": marketWriters,
        "POST /market/cases/:id": marketWriters, "GET /market/draws": marketReaders,
        "POST /market/draws": [.marketCity], "GET /market/draws/:id": marketReaders,
        "POST /market/draws/:id/seed": [.marketCity], "POST /market/draws/:id/publish": [.marketCity],
        "GET /market/draws/:id/files/:file": marketReaders, "POST /market/actions": [.marketCity],
        "GET /market/actions/:id": marketReaders, "POST /market/actions/:id/finds": marketWriters,
        "POST /market/checks/results": marketWriters, "GET /market/standards": marketReaders,
        "POST /market/standards": [.marketCity], "POST /market/checks/:id/documents": marketWriters,
        "GET /market/documents/:id": marketReaders, "GET /market/plans/:id/evidence.zip": marketReaders,
        "GET /market/actions/:id/evidence.zip": marketReaders,
        // Everyone signed in reads the heavy-pollution response; 市生态环境局 and the office keep the registry and
        // forecasts; the office issues, changes and lifts warnings and chooses the rule edition.
        "GET /emergency": signedIn, "GET /emergency/registry": signedIn, "GET /emergency/list": signedIn,
        "GET /emergency/warnings/:id": signedIn, "POST /emergency/registry": emergencyKeepers,
        "POST /emergency/forecasts": emergencyKeepers, "POST /emergency/warnings": officeOnly,
        "POST /emergency/warnings/:id": officeOnly, "POST /emergency/rules": officeOnly,
        "GET /emergency/warnings/:id/orders": signedIn, "POST /emergency/warnings/:id/orders": officeOnly,
        "POST /emergency/orders/:id": officeOnly, "POST /emergency/warnings/:id/inspections": emergencyKeepers,
        "GET /emergency/inspections/:id/files/:file": signedIn, "GET /emergency/warnings/:id/review": signedIn,
        "GET /emergency/staggering": signedIn, "GET /emergency/measures": signedIn,
        "POST /emergency/measures": officeOnly,
        // Everyone signed in sees the key-polluter coverage and the outlet register; the data and the inspections
        // are 市生态环境局's and the office's.
        "GET /sources": signedIn, "POST /sources": sourceInspectors, "POST /sources/key-polluters": sourceInspectors,
        "GET /sources/suspects": sourceInspectors, "GET /sources/outlets/:mn": sourceInspectors,
        "GET /sources/outlets/:mn/chart": sourceInspectors, "POST /sources/outlets/:mn/checks": sourceInspectors,
        "GET /sources/checks/:id/files/:file": sourceInspectors, "GET /sources/cases": sourceInspectors,
        "POST /sources/checks/:id/publish": sourceInspectors,
        // Everyone signed in reads the ledgers; the office imports any rows, a county's writers their county's.
        "GET /ledgers": signedIn, "GET /ledgers/:code": signedIn, "GET /ledgers/:code/rows.csv": signedIn,
        "POST /ledgers/:code": [.office, .reporter, .leader, .otherCounty],
        // A row is edited, and its status changed in bulk, by its county's writers and the office only.
        "GET /ledgers/:code/rows/:id": signedIn, "POST /ledgers/:code/rows/:id": [.office, .reporter, .leader],
        "POST /ledgers/:code/status": [.office, .reporter, .leader], "GET /ledgers/:code/evidence/:id": signedIn,
        // Everyone signed in reads the monthly measurements; the office and the counties' writers enter them (a
        // county its own cells: 高平市's reporter saving 泽州县's cell is refused on the server).
        "GET /measurements": signedIn, "GET /measurements/:code": signedIn,
        "POST /measurements/:code": [.office, .reporter, .leader],
        "POST /measurements/:code/import": [.office, .reporter, .leader, .otherCounty],
        // Everyone signed in reads and downloads a finalised bulletin (October's, in the fixture); the office
        // alone writes drafts, finalises and publishes. Drafts are the office's: BulletinTests checks the 404.
        "GET /bulletins": signedIn, "GET /bulletins/:month": signedIn, "GET /bulletins/:month/print": signedIn,
        "GET /bulletins/:month/docx": signedIn, "GET /bulletins/:month/pdf": signedIn,
        "POST /bulletins/:month": officeOnly, "POST /bulletins/:month/final": officeOnly,
        "POST /bulletins/:month/public": officeOnly,
        "GET /assessment": officeOnly,
        "GET /dossier.zip": officeOnly,
        "GET /notices": signedIn, "POST /notices/read": signedIn,
    ]

    static let submittedPath = "/tasks/t11/reports/zezhou/2021-10"
    static let draftPath = "/tasks/t11/reports/zezhou/2021-11"
    static let draftNarrative = "草稿内容仅泽州县可见 draft-only"

    /// The key of a route: method and path with `:parameter` placeholders.
    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    @Test func everyRouteHasARule() async throws {
        try await withLantian { app, _, _ in
            let keys = Set(app.routes.all.map(Self.key))
            let ruled = Set(Self.rules.keys).union(Self.publicRoutes)
            #expect(keys.subtracting(ruled).isEmpty, "routes without a rule: \(keys.subtracting(ruled).sorted())")
            #expect(ruled.subtracting(keys).isEmpty, "rules without a route: \(ruled.subtracting(keys).sorted())")
            let markedPublic = Set(app.routes.all.filter(\.isPublicForTests).map(Self.key))
            #expect(markedPublic == Self.publicRoutes, "routes marked public at registration")
        }
    }

    @Test func everyCallerGetsTheAnswerItsRoleAndUnitAllow() async throws {
        try await withLantian { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            try await makeUser(app, "spare", role: "unitReporter", unit: "gaoping")
            try await makeUser(app, "samr-leader", role: "unitLeader", unit: "city-samr")
            try await makeUser(app, "zz-samr", role: "unitReporter", unit: "zezhou-samr")
            try await makeUser(app, "eeb-reporter", role: "unitReporter", unit: "city-eeb")
            let fixture = try await Self.fixture(app)
            var browsers: [Caller: Browser] = [:]
            var tokens: [Caller: String] = [:]
            for caller in Caller.allCases {
                var browser = Browser(app)
                if caller != .anonymous {
                    try await browser.login(caller.rawValue)
                    tokens[caller] = try await Self.token(app, caller.rawValue)
                }
                browsers[caller] = browser
            }
            var failures: [String] = []
            var checked = 0
            // Refused callers first: a permitted write may change what the next one sees.
            let order: [Caller] = [.anonymous, .otherCounty, .viewer, .leadUnit, .reporter, .leader, .office]
            for route in app.routes.all {
                let key = Self.key(route)
                guard let allowed = Self.rules[key] else { continue }
                for caller in order.filter({ !allowed.contains($0) }) + order.filter({ allowed.contains($0) }) {
                    var browser = browsers[caller]!
                    let response = try await Self.call(
                        key, as: caller, browser: &browser, tokens: tokens, fixture: fixture, app: app)
                    browsers[caller] = browser
                    checked += 1
                    if let problem = Self.verdict(response, key: key, caller: caller, allowed: allowed.contains(caller))
                    {
                        failures.append(problem)
                    }
                }
            }
            // Drafts: only their unit reads the page, the evidence and the narrative in the API.
            for caller in Caller.allCases {
                var browser = browsers[caller]!
                let own = Self.ownUnitWriters.contains(caller)
                for path in [Self.draftPath, "/evidence/\(fixture.draftEvidence)"] {
                    let response = try await browser.get(path)
                    if let problem = Self.verdict(response, key: "GET \(path) (draft)", caller: caller, allowed: own) {
                        failures.append(problem)
                    }
                }
                if caller != .anonymous {
                    // The task page links the draft only for its own unit; the others see its state, no link.
                    let page = try await browser.get("/tasks/t11").body.string
                    if page.contains("href=\"\(Self.draftPath)\"") != own {
                        failures.append("\(caller): the task page \(own ? "lacks" : "links") the draft")
                    }
                    if !page.contains("href=\"\(Self.submittedPath)\"")
                        && Self.submittedReaders.contains(caller)
                    {
                        failures.append("\(caller): the task page lacks the link to the submitted report")
                    }
                }
                if let token = tokens[caller] {
                    let list = try await Self.api(app, .GET, "/api/v1/tasks/t11/reports", token: token)
                    if list.body.string.contains(Self.draftNarrative) != own {
                        failures.append("\(caller): the API's report list \(own ? "lacks" : "shows") the draft")
                    }
                }
                browsers[caller] = browser
            }
            #expect(checked > 250)
            #expect(failures.isEmpty, "\(failures.count) wrong answers:\n\(failures.joined(separator: "\n"))")
        }
    }

    /// What the matrix needs: 泽州县's October report submitted with a file, its November one a draft with a
    /// file.
    struct Fixture {
        var document: UUID
        var submittedEvidence: String
        var draftEvidence: String
        var marketPlan: UUID
        var failedCheck: UUID
        var draw: UUID
        var action: UUID
        var warning: UUID
        var order: UUID
        var orderToken: String
        var inspection: UUID
        var inspectionFile: UUID
        var sourceCheck: UUID
        var sourceCheckFile: UUID
        var ledgerRow: UUID
        var ledgerEvidence: UUID
    }

    static let inspectorsCSV = Data("编号,姓名,单位\nI1,甲,市局\nI2,乙,泽州县局\nI3,丙,高平市局\n".utf8)

    /// A draw of one of the registered stations, inputs fixed; with `seed`, drawn.
    static func draw(_ app: Application, seed: String? = nil) async throws -> UUID {
        let market = Market(db: app.db, library: Market.shippedLibrary)
        guard
            case .created(let id) = try await market.createDraw(
                title: "矩阵", kind: .fillingStation, size: .count(1), perObject: 2, strata: .none, items: "资质",
                seedSource: "矩阵", inspectors: inspectorsCSV, file: "i.csv", actor: .system, at: Date())
        else { throw Abort(.internalServerError, reason: "the matrix's draw was refused") }
        if let seed {
            try await market.draw(id, seed: seed, today: CivilDate("2021-11-03")!, actor: .system, at: Date())
        }
        return id
    }

    /// A failed diesel batch at 泽州县's registered station, recorded by the county bureau.
    static func failedCheck(_ app: Application) async throws -> UUID {
        try await Market(db: app.db, library: Market.shippedLibrary).record(
            SpotCheck(
                product: "diesel", batch: "matrix", siteCode: "ZZ-M1", siteName: "矩阵加油站", county: "zezhou",
                sampledOn: CivilDate("2021-11-20")!, results: ["flash_point": MeasuredValue("55")!]),
            unit: "zezhou-samr", actor: .system, at: Date())
    }

    /// An open case on a new failed batch.
    static func openCase(_ app: Application) async throws -> UUID {
        try await MarketStore(database: app.db).openCase(
            kind: .failedBatch, checkID: try await failedCheck(app), unit: "zezhou-samr", county: "zezhou",
            title: "矩阵", day: CivilDate("2021-12-01")!, note: "", actor: .system, at: Date())
    }

    static func fixture(_ app: Application) async throws -> Fixture {
        var leader = Browser(app)
        try await leader.login("zz-leader")
        let pdf = Data("%PDF-1.4\n%%EOF".utf8)
        try await leader.get(submittedPath)
        let submitted = try await leader.postMultipart(
            submittedPath, [("action", "approve"), ("reportedStatus", "inProgress"), ("narrative", "已报送内容")],
            files: [(field: "evidence[]", name: "报送.pdf", type: "application/pdf", data: pdf)])
        #expect(submitted.status == .seeOther)
        var reporter = Browser(app)
        try await reporter.login("zz-reporter")
        try await reporter.get(draftPath)
        let draft = try await reporter.postMultipart(
            draftPath, [("action", "save"), ("reportedStatus", "inProgress"), ("narrative", draftNarrative)],
            files: [(field: "evidence[]", name: "草稿.pdf", type: "application/pdf", data: pdf)])
        #expect(draft.status == .seeOther)
        let list = try await reporter.get("/api/v1/tasks/t11/reports")
        let reports = try JSONDecoder().decode([MatrixReportJSON].self, from: Data(list.body.readableBytesView))
        func evidence(_ month: String) -> String {
            reports.first { $0.unit == "zezhou" && $0.month == month }?.evidence.first?.id ?? ""
        }
        let store = MarketStore(database: app.db)
        try await store.upsertSites(
            [MarketSite(code: "ZZ-M1", name: "矩阵加油站", kind: .fillingStation, county: "zezhou")], file: "matrix",
            actor: .system, at: Date())
        let plan = try await store.createPlan(
            family: .urea, year: 2021, title: "矩阵", quotas: [.init(unit: "zezhou-samr", quota: 5)], actor: .system,
            at: Date())
        var samr = Browser(app)
        try await samr.login("zz-samr")
        let failed = try await failedCheck(app)
        try await samr.get("/market/checks/\(failed)")
        let uploaded = try await samr.postMultipart(
            "/market/checks/\(failed)/documents", [("target", "check")],
            files: [(field: "files[]", name: "报告.pdf", type: "application/pdf", data: pdf)])
        #expect(uploaded.status == .seeOther)
        let document = try #require(try await store.documents(checks: [failed]).first).id
        // An orange warning in force with the registry's one enterprise, its control order (the token read from
        // the page that shows it once) and an inspection with a file, all through the office's browser.
        let emergency = EmergencyStore(database: app.db)
        try await emergency.replaceEnterprises(
            [
                Enterprise(
                    id: "E1", name: "矩阵企业", county: "zezhou", industry: "other", grade: .b,
                    emissions: Emissions(all: 10))
            ], file: "matrix", actor: .system, at: Date())
        let warning = try await emergency.issue(
            level: .orange, starts: "2021-11-20T08:00", expectedEnd: "2021-11-23T08:00", document: "矩阵〔2021〕1号",
            rules: "shanxi-2020", reason: "矩阵", actor: .system, at: Date())
        try await emergency.save(
            setting: "inventory", value: EmergencyStore.json(Emissions(all: 1000)), actor: .system, at: Date())
        var office = Browser(app)
        try await office.login("office1")
        try await office.get("/emergency/warnings/\(warning)")
        let sent = try await office.post("/emergency/warnings/\(warning)/orders", [("county", "")])
        let token = try #require(
            sent.body.string.firstMatch(of: /\/public\/orders\/([A-Za-z0-9_-]+)/).map { String($0.1) })
        let order = try #require(try await emergency.orders(warning: warning).first).id
        let inspected = try await office.postMultipart(
            "/emergency/warnings/\(warning)/inspections",
            [("enterprise", "E1"), ("method", "onSite"), ("result", "violated"), ("hour", "2021-11-21T10:00")],
            files: [(field: "files[]", name: "现场.pdf", type: "application/pdf", data: pdf)])
        #expect(inspected.status == .seeOther)
        let inspection = try #require(try await emergency.inspections().first)
        // An outlet of the registry's enterprise and a confirmed fraud at it with its evidence.
        let sources = SourceStore(database: app.db)
        try await sources.replaceOutlets(
            [
                Outlet(
                    mn: "M-MX", enterprise: "E1", name: "矩阵排放口", factors: ["a21026", "a00000"], installed: true,
                    networked: true)
            ], file: "matrix", actor: .system, at: Date())
        try await office.get("/sources/outlets/M-MX")
        let checked = try await office.postMultipart(
            "/sources/outlets/M-MX/checks",
            [("checkedAt", "2021-11-21T10:00"), ("result", "fraud"), ("note", "矩阵"), ("agency", "矩阵运维")],
            files: [(field: "files[]", name: "笔录.pdf", type: "application/pdf", data: pdf)])
        #expect(checked.status == .seeOther)
        let sourceCheck = try #require(try await sources.checks(mn: "M-MX").first)
        // A 泽州县 household of the ledger, its status changed by the office with an evidence file.
        let ledgers = Ledgers(db: app.db)
        let households = try #require(ledgers.type("households"))
        _ = try await ledgers.importRows(
            Data("县区,乡镇,村,户主,改造方式\n泽州县,巴公镇,东四义村,矩阵户,气代煤\n".utf8), file: "m.csv", type: households,
            plan: try PlanFile.read(try SeedPlans.jincheng20212022), onlyOwner: nil, actor: .system, at: Date(),
            today: CivilDate("2021-10-20")!)
        let ledgerRow = try #require(try await ledgers.store.rows(ledger: "households").first).id
        try await office.get("/ledgers/households")
        let moved = try await office.postMultipart(
            "/ledgers/households/status", [("ids[]", ledgerRow.uuidString), ("status", "已改造")],
            files: [(field: "files[]", name: "验收单.pdf", type: "application/pdf", data: pdf)])
        #expect(moved.status == .seeOther)
        let batch = try #require(try await ledgers.store.changes(row: ledgerRow).first?.batch)
        let ledgerEvidence = try #require(try await ledgers.store.evidence(batches: [batch]).first).id
        // October's bulletin, finalised.
        _ = try await Bulletins(campaigns: Campaigns(db: app.db, caches: Campaigns.Caches())).finalise(
            ReportMonth(year: 2021, month: 10)!, number: "晋市气防办〔2021〕8号", issuedOn: "2021-11-02", version: 0,
            actor: .system, now: Date(timeIntervalSince1970: 1_635_904_800))
        return Fixture(
            document: document, submittedEvidence: evidence("2021-10"), draftEvidence: evidence("2021-11"),
            marketPlan: plan,
            failedCheck: try await failedCheck(app), draw: try await draw(app, seed: "12345"),
            action: try await store.createAction(
                title: "矩阵", start: CivilDate("2021-10-15")!, end: CivilDate("2021-11-13")!, actor: .system,
                at: Date()),
            warning: warning, order: order, orderToken: token, inspection: inspection.id,
            inspectionFile: try #require(inspection.files.first).id, sourceCheck: sourceCheck.id,
            sourceCheckFile: try #require(sourceCheck.files.first).id, ledgerRow: ledgerRow,
            ledgerEvidence: ledgerEvidence)
    }

    /// Calls route `key` as `caller` with a request that would succeed for a permitted caller.
    static func call(
        _ key: String, as caller: Caller, browser: inout Browser, tokens: [Caller: String], fixture: Fixture,
        app: Application
    ) async throws -> TestingHTTPResponse {
        let unique = UUID().uuidString.prefix(8).lowercased()
        let token = tokens[caller]
        let allowed = rules[key]?.contains(caller) == true
        switch key {
        case "POST /account/password":
            return try await browser.post(
                "/account/password", [("current", "wrong-password"), ("new", "x"), ("repeat", "y")])
        case "POST /account/tokens/:id/revoke":
            // Each caller revokes a new token of its own (anonymous: the viewer's).
            let id =
                caller == .anonymous
                ? try await tokenID(app, "watcher", listing: tokens[.viewer]!)
                : try await tokenID(app, caller.rawValue, listing: token!, fresh: true)
            return try await browser.post("/account/tokens/\(id)/revoke", [])
        case "POST /air/sand-dust":
            return try await browser.post(
                "/air/sand-dust", [("firstDay", "2022-03-01"), ("lastDay", "2022-03-02"), ("note", "matrix")])
        case "POST /air/import", "POST /admin/plans/import":
            return try await browser.postMultipart(String(key.dropFirst(5)), [])
        case "POST /tasks/:code/reports/:unit/:month":
            return try await browser.postMultipart(
                "/tasks/t11/reports/zezhou/2021-12",
                [("action", "save"), ("reportedStatus", "inProgress"), ("narrative", "matrix")])
        case "POST /units/:unit/months/:month":
            return try await browser.postMultipart(
                "/units/zezhou/months/2021-12",
                [
                    ("action", "save:s03-1"), ("rows[s03-1][reportedStatus]", "inProgress"),
                    ("rows[s03-1][narrative]", "matrix \(unique)"),
                ])
        case "POST /tasks/:code/reports/:unit/:month/action":
            return try await browser.post(submittedPath + "/action", [("action", "accept")])
        case "POST /market/plans":
            return try await browser.post(
                "/market/plans", [("family", "fuel"), ("year", "2021"), ("quota-city-samr", "10")])
        case "GET /market/plans/:id":
            return try await browser.get("/market/plans/\(fixture.marketPlan)")
        case "POST /market/registry":
            let csv = Data("code,name,kind,county\nM-\(unique),矩阵加油站,加油站,泽州县\n".utf8)
            return try await browser.postMultipart(
                "/market/registry", [("kind", "sites")],
                files: [(field: "file", name: "sites.csv", type: "text/csv", data: csv)])
        case "POST /market/checks":
            return try await browser.post(
                "/market/checks",
                [
                    ("product", "diesel"), ("batch", "m-\(unique)"), ("site", "ZZ-M1"), ("sampledOn", "2021-10-21"),
                    ("result-sulfur", "8"),
                ])
        case "GET /market/checks/:id":
            return try await browser.get("/market/checks/\(fixture.failedCheck)")
        case "POST /market/checks/:id/case":
            let check = allowed ? try await failedCheck(app) : fixture.failedCheck
            return try await browser.post("/market/checks/\(check)/case", [("note", "matrix")])
        case "POST /market/cases/:id":
            return try await browser.post(
                "/market/cases/\(try await openCase(app))", [("stage", "closed"), ("note", "matrix")])
        case "POST /market/draws":
            return try await browser.postMultipart(
                "/market/draws", [("kind", "fillingStation"), ("count", "1"), ("seedSource", "矩阵")],
                files: [(field: "inspectors", name: "i.csv", type: "text/csv", data: inspectorsCSV)])
        case "GET /market/draws/:id":
            return try await browser.get("/market/draws/\(fixture.draw)")
        case "GET /market/draws/:id/files/:file":
            return try await browser.get("/market/draws/\(fixture.draw)/files/result.csv")
        case "POST /market/draws/:id/seed":
            let id = allowed ? try await draw(app) : fixture.draw
            return try await browser.post("/market/draws/\(id)/seed", [("seed", "67890")])
        case "POST /market/draws/:id/publish":
            let id = allowed ? try await draw(app, seed: "1") : fixture.draw
            return try await browser.post("/market/draws/\(id)/publish", [])
        case "POST /market/checks/results":
            if allowed {
                _ = try await Market(db: app.db, library: Market.shippedLibrary).record(
                    SpotCheck(
                        product: "diesel", batch: "r-\(unique)", siteCode: "ZZ-M1", siteName: "矩阵加油站",
                        county: "zezhou", sampledOn: CivilDate("2021-10-20")!), unit: "zezhou-samr", actor: .system,
                    at: Date())
            }
            let csv = Data("batch,product,item,value\nr-\(unique),diesel,sulfur,8\n".utf8)
            return try await browser.postMultipart(
                "/market/checks/results", [], files: [(field: "file", name: "lab.csv", type: "text/csv", data: csv)])
        case "POST /market/checks/:id/documents":
            return try await browser.postMultipart(
                "/market/checks/\(fixture.failedCheck)/documents", [("target", "check")],
                files: [(field: "files[]", name: "检验报告.pdf", type: "application/pdf", data: Data("%PDF-1.4".utf8))])
        case "GET /market/documents/:id":
            return try await browser.get("/market/documents/\(fixture.document)")
        case "GET /market/plans/:id/evidence.zip":
            return try await browser.get("/market/plans/\(fixture.marketPlan)/evidence.zip")
        case "GET /market/actions/:id/evidence.zip":
            return try await browser.get("/market/actions/\(fixture.action)/evidence.zip")
        case "POST /market/standards":
            return try await browser.post(
                "/market/standards", [("document", try SeedStandards.market), ("note", "matrix \(unique)")])
        case "POST /market/actions":
            return try await browser.post("/market/actions", [("start", "2021-11-01"), ("days", "30")])
        case "GET /market/actions/:id":
            return try await browser.get("/market/actions/\(fixture.action)")
        case "POST /market/actions/:id/finds":
            return try await browser.post(
                "/market/actions/\(fixture.action)/finds",
                [
                    ("kind", "mobileTanker"), ("place", "矩阵"), ("county", "zezhou"), ("day", "2021-11-01"),
                    ("volume", "200"),
                ])
        case "POST /emergency/registry":
            let csv = Data("pollutant,total\nso2,1000\nnox,2000\npm,1500\nvocs,800\n".utf8)
            return try await browser.postMultipart(
                "/emergency/registry", [("kind", "inventory")],
                files: [(field: "file", name: "totals.csv", type: "text/csv", data: csv)])
        case "POST /emergency/forecasts":
            let csv = Data("date,aqi\n2021-11-20,230\n2021-11-21,240\n".utf8)
            return try await browser.postMultipart(
                "/emergency/forecasts", [], files: [(field: "file", name: "forecast.csv", type: "text/csv", data: csv)])
        case "POST /emergency/warnings":
            // One warning is in force (the fixture's): a permitted caller is told so (409), not refused.
            return try await browser.post(
                "/emergency/warnings",
                [
                    ("level", "yellow"), ("starts", "2021-11-20T08:00"), ("expectedEnd", "2021-11-22T08:00"),
                    ("document", "矩阵 \(unique)"),
                ])
        case "GET /emergency/warnings/:id":
            return try await browser.get("/emergency/warnings/\(fixture.warning)")
        case "POST /emergency/warnings/:id":
            return try await browser.post(
                "/emergency/warnings/\(fixture.warning)",
                [
                    ("action", "adjust"), ("hour", "2021-11-21T08:00"), ("expectedEnd", "2021-11-24T08:00"),
                    ("note", "矩阵"),
                ])
        case "POST /emergency/rules":
            return try await browser.post("/emergency/rules", [("rules", "shanxi-2020")])
        case "GET /emergency/warnings/:id/orders":
            return try await browser.get("/emergency/warnings/\(fixture.warning)/orders")
        case "POST /emergency/warnings/:id/orders":
            return try await browser.post("/emergency/warnings/\(fixture.warning)/orders", [("county", "zezhou")])
        case "POST /emergency/orders/:id":
            return try await browser.post("/emergency/orders/\(fixture.order)", [])
        case "POST /emergency/warnings/:id/inspections":
            return try await browser.postMultipart(
                "/emergency/warnings/\(fixture.warning)/inspections",
                [("enterprise", "E1"), ("method", "online"), ("result", "complied"), ("hour", "2021-11-21T11:00")],
                files: [])
        case "GET /emergency/inspections/:id/files/:file":
            return try await browser.get("/emergency/inspections/\(fixture.inspection)/files/\(fixture.inspectionFile)")
        case "GET /emergency/warnings/:id/review":
            return try await browser.get("/emergency/warnings/\(fixture.warning)/review")
        case "POST /emergency/measures":
            return try await browser.post(
                "/emergency/measures", [("document", try SeedEmergency.measures), ("note", "matrix \(unique)")])
        case "POST /sources":
            let csv = Data("mn,factor,limit\nM-MX,a21026,35\n".utf8)
            return try await browser.postMultipart(
                "/sources", [("kind", "limits")],
                files: [(field: "file", name: "limits.csv", type: "text/csv", data: csv)])
        case "POST /sources/key-polluters":
            return try await browser.post("/sources/key-polluters", [("enterprise", "E1"), ("listed", "1")])
        case "GET /sources/outlets/:mn":
            return try await browser.get("/sources/outlets/M-MX")
        case "GET /sources/outlets/:mn/chart":
            return try await browser.get(
                "/sources/outlets/M-MX/chart?factor=a21026&from=2021-11-20T00:00&to=2021-11-21T00:00")
        case "POST /sources/outlets/:mn/checks":
            return try await browser.postMultipart(
                "/sources/outlets/M-MX/checks", [("checkedAt", "2021-11-22T10:00"), ("result", "normal")], files: [])
        case "GET /sources/checks/:id/files/:file":
            return try await browser.get("/sources/checks/\(fixture.sourceCheck)/files/\(fixture.sourceCheckFile)")
        case "POST /sources/checks/:id/publish":
            return try await browser.post("/sources/checks/\(fixture.sourceCheck)/publish", [("published", "1")])
        case "GET /ledgers/:code":
            return try await browser.get("/ledgers/households?task=t11&indicator=households")
        case "GET /ledgers/:code/rows.csv":
            return try await browser.get("/ledgers/households/rows.csv")
        case "POST /ledgers/:code":
            let csv = Data("县区,乡镇,村,户主,改造方式\n泽州县,巴公镇,东四义村,户\(unique),气代煤\n".utf8)
            return try await browser.postMultipart(
                "/ledgers/households", [],
                files: [(field: "file", name: "households.csv", type: "text/csv", data: csv)])
        case "GET /ledgers/:code/rows/:id":
            return try await browser.get("/ledgers/households/rows/\(fixture.ledgerRow)")
        case "POST /ledgers/:code/rows/:id":
            let version =
                try await LedgerStore(database: app.db).rows(ledger: "households", ids: [fixture.ledgerRow])
                .first?.version ?? 0
            return try await browser.post(
                "/ledgers/households/rows/\(fixture.ledgerRow)",
                [
                    ("version", "\(version)"), ("f_method", "集中供热"), ("f_coal", "2"), ("f_status", "已改造"),
                    ("f_county", "zezhou"),
                ])
        case "POST /ledgers/:code/status":
            return try await browser.postMultipart(
                "/ledgers/households/status", [("ids[]", fixture.ledgerRow.uuidString), ("status", "已改造")],
                files: [(field: "files[]", name: "照片.png", type: "image/png", data: Data("png".utf8))])
        case "GET /ledgers/:code/evidence/:id":
            return try await browser.get("/ledgers/households/evidence/\(fixture.ledgerEvidence)")
        case "GET /measurements/:code":
            return try await browser.get("/measurements/dustfall")
        case "POST /measurements/:code":
            return try await browser.post("/measurements/dustfall", [("c[zezhou][2021-11]", "6.4")])
        case "POST /measurements/:code/import":
            let csv = Data("县区,月份,数值\n泽州县,2021-11,6.2\n".utf8)
            return try await browser.postMultipart(
                "/measurements/dustfall/import", [],
                files: [(field: "file", name: "dustfall.csv", type: "text/csv", data: csv)])
        case "POST /bulletins/:month":
            return try await browser.post("/bulletins/2021-11", [("opening", "矩阵"), ("version", "0")])
        case "POST /bulletins/:month/final":
            return try await browser.post(
                "/bulletins/2021-11/final", [("number", "晋市气防办〔2021〕9号"), ("issuedOn", "2021-11-03"), ("version", "0")])
        case "POST /notices/read":
            return try await browser.post("/notices/read", [])
        case "POST /bulletins/:month/public":
            return try await browser.post("/bulletins/2021-10/public", [("public", "true")])
        case "GET /public/orders/:token":
            return try await browser.get("/public/orders/\(fixture.orderToken)")
        case "POST /public/orders/:token":
            return try await browser.post("/public/orders/\(fixture.orderToken)", [("name", "矩阵 \(unique)")])
        case "GET /evidence/:id":
            return try await browser.get("/evidence/\(fixture.submittedEvidence)")
        case "POST /admin/units":
            return try await browser.post(
                "/admin/units", [("code", "m-\(unique)"), ("name", "矩阵\(unique)"), ("kind", "department")])
        case "POST /admin/users":
            return try await browser.post(
                "/admin/users",
                [("username", "m-\(unique)"), ("displayName", "矩阵"), ("role", "viewer"), ("unit", "office")])
        case "POST /admin/users/:username/reset":
            return try await browser.post("/admin/users/spare/reset", [])
        case "POST /admin/users/:username/toggle":
            return try await browser.post("/admin/users/spare/toggle", [])
        case "DELETE /api/v1/tokens/:id":
            // Permitted callers each revoke a fresh token of the viewer's; the others try the viewer's first one.
            let id = try await tokenID(app, "watcher", listing: tokens[.viewer]!, fresh: allowed)
            return try await api(app, .DELETE, "/api/v1/tokens/\(id)", token: token)
        case "POST /api/v1/tasks/:code/reports/:unit/:month":
            return try await api(
                app, .POST, "/api/v1/tasks/t11/reports/zezhou/2022-01", token: token,
                json: #"{"action":"save","reportedStatus":"inProgress","narrative":"api"}"#)
        default:
            let parts = key.split(separator: " ", maxSplits: 1)
            let path = String(parts[1]).replacingOccurrences(of: ":code", with: "t11")
                .replacingOccurrences(of: ":unit", with: "zezhou").replacingOccurrences(of: ":month", with: "2021-10")
            if path.hasPrefix("/api/") {
                return try await api(app, HTTPMethod(rawValue: String(parts[0])), path, token: token)
            }
            #expect(parts[0] == "GET", "no request written for \(key)")
            return try await browser.get(path)
        }
    }

    /// Why `response` is the wrong answer, or nil when it is right.
    static func verdict(_ response: TestingHTTPResponse, key: String, caller: Caller, allowed: Bool) -> String? {
        let status = response.status.code
        let toLogin = status == 303 && (response.headers.first(name: .location) ?? "").hasPrefix("/login")
        let refused = status == 401 || status == 403 || status == 404 || toLogin
        if status >= 500 { return "\(key) as \(caller): \(status)" }
        if allowed && refused { return "\(key) as \(caller): refused (\(status)) but allowed" }
        if !allowed && !refused { return "\(key) as \(caller): answered \(status) but must be refused" }
        if !allowed && caller == .anonymous && !(status == 401 || toLogin) {
            return "\(key) anonymous: \(status) instead of 401 or the login page"
        }
        return nil
    }

    static func api(
        _ app: Application, _ method: HTTPMethod, _ path: String, token: String?, json: String? = nil
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = .init(token: token) }
        if json != nil { headers.contentType = .json }
        return try await app.testing().sendRequest(
            method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    static func token(_ app: Application, _ username: String) async throws -> String {
        let response = try await api(
            app, .POST, "/api/v1/tokens", token: nil,
            json: #"{"username":"\#(username)","password":"\#(testPassword)","name":"matrix"}"#)
        #expect(response.status == .ok, "token for \(username)")
        return try JSONDecoder().decode(MatrixTokenJSON.self, from: Data(response.body.readableBytesView)).token
    }

    /// The id of one of `username`'s tokens, listed with `listing` (their own token): an existing one, or with
    /// `fresh` a new one.
    static func tokenID(_ app: Application, _ username: String, listing: String, fresh: Bool = false) async throws
        -> String
    {
        func ids() async throws -> [String] {
            let list = try await api(app, .GET, "/api/v1/tokens", token: listing)
            return try JSONDecoder().decode([MatrixTokenListJSON].self, from: Data(list.body.readableBytesView))
                .map(\.id)
        }
        let before = try await ids()
        guard fresh else { return before.last ?? "" }
        _ = try await token(app, username)
        return try await ids().first { !before.contains($0) } ?? ""
    }
}

extension Route {
    /// `Route.isPublic` is internal to Web; the mark is read back from the route's user info.
    fileprivate var isPublicForTests: Bool { userInfo[AnySendableHashable("lantian.public")] as? Bool ?? false }
}

private struct MatrixReportJSON: Decodable {
    struct Evidence: Decodable { var id: String }
    var unit: String
    var month: String
    var evidence: [Evidence]
}

private struct MatrixTokenJSON: Decodable { var token: String }

private struct MatrixTokenListJSON: Decodable { var id: String }
