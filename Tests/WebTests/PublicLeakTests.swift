import AirQuality
import Assessment
import Campaign
import Emergency
import Foundation
import LantianCore
import MarketSupervision
import NIOConcurrencyHelpers
import Persistence
import SQLKit
import Seed
import Services
import SourceMonitoring
import Testing
import Vapor
import VaporTesting

@testable import Web

/// The public pages show nothing that is not public. Internal data is planted in every table (the security
/// matrix's fixture and more: a draft bulletin, a final one not published, a report returned with a comment, an
/// account whose name would be recognised, an unpublished draw...), then every public page is read. Every text
/// value of every table, except the values that are public by rule (the plan, stations, warnings, published
/// bulletins, draws and monitoring-fraud entries), must be absent from what the pages say — unless a page already
/// said it before anything was planted (page furniture, the plan's own words).
@Suite(.serialized) struct PublicLeakTests {
    /// What may be shown, by table: the columns, and which rows (an SQL condition, bound values only).
    struct PublicRule {
        var columns: [String]?
        var rows: String?
    }

    static let publicRules: [String: PublicRule] = [
        // The plan is published (此件主动公开): its tasks, indicators, units.
        "plans": PublicRule(columns: ["code", "title", "period_start", "period_end", "definition"]),
        "tasks": PublicRule(), "indicators": PublicRule(), "task_units": PublicRule(), "units": PublicRule(),
        // The monitoring network and its data.
        "stations": PublicRule(), "station_days": PublicRule(), "station_hours": PublicRule(),
        "sand_dust_periods": PublicRule(columns: ["first_day", "last_day"]),
        // Warnings as announced (not who issued them or why).
        "emergency_warnings": PublicRule(columns: ["id", "level", "starts", "expected_end", "document", "lifted"]),
        // Bulletins the office finalised and published, as frozen.
        "bulletins": PublicRule(
            columns: ["month", "number", "issued_on", "content", "opening", "requirements"],
            rows: "state = 'final' AND public = TRUE"),
        // Draws once published: their inputs, seed and result are the point of 公开.
        "market_draws": PublicRule(
            columns: [
                "id", "title", "object_kind", "size", "per_object", "stratify", "objects_csv", "inspectors_csv",
                "inputs_hash", "seed_source", "seed", "result_csv", "drawn_on", "publish_by", "published_on", "strata",
                "items",
            ], rows: "published_on IS NOT NULL"),
        // The published list of monitoring fraud names the agency and persons, the outlet and its enterprise.
        "source_checks": PublicRule(
            columns: ["mn", "checked_at", "result", "note", "agency", "persons"],
            rows: "published = TRUE AND result = 'fraud'"),
        "source_outlets": PublicRule(
            columns: ["mn", "name", "enterprise"],
            rows: "mn IN (SELECT mn FROM source_checks WHERE published = TRUE AND result = 'fraud')"),
        "emergency_enterprises": PublicRule(
            columns: ["code", "name"],
            rows:
                "code IN (SELECT enterprise FROM source_outlets WHERE mn IN "
                + "(SELECT mn FROM source_checks WHERE published = TRUE AND result = 'fraud'))"),
    ]

    /// Tables the planting leaves empty, and why that is acceptable.
    static let emptyAllowed: [String: String] = [
        "station_hour_undo": "an import's working table: emptied when the import completes or is rolled back"
    ]

    /// Text no public page may show, planted where a careless page would pick it up.
    static let marker = "内部资料勿公开"

    @Test func noPublicPageShowsInternalData() async throws {
        try await withLantian(at: "2022-01-10T10:00:00+08:00") { app, clock, _ in
            try await WebTests.makeUnitUsers(app)
            try await makeUser(app, "samr-leader", role: "unitLeader", unit: "city-samr")
            try await makeUser(app, "zz-samr", role: "unitReporter", unit: "zezhou-samr")
            try await makeUser(app, "eeb-reporter", role: "unitReporter", unit: "city-eeb")
            let before = try await Self.readPublicPages(app, fixture: nil)
            clock.set("2021-11-03T10:00:00+08:00")
            let fixture = try await SecurityMatrixTests.fixture(app)
            try await Self.plantMore(app, fixture: fixture)
            clock.set("2022-01-10T10:00:00+08:00")
            let after = try await Self.readPublicPages(app, fixture: fixture)

            // Every public page of the site was read (new public routes join here or fail).
            let publicGets = Set(
                app.routes.all.filter { $0.method == .GET && $0.isPublic }.map(SecurityMatrixTests.key)
                    .filter { $0.hasPrefix("GET /public") && $0 != "GET /public/orders/:token" })
            #expect(Set(after.map(\.route)) == publicGets)

            let tables = try await Self.tables(app.db as! any SQLDatabase)
            #expect(tables.count > 50, "tables found: \(tables.count)")
            let empty = try await Self.emptyTables(app.db as! any SQLDatabase, tables)
            #expect(
                Set(empty).subtracting(Self.emptyAllowed.keys).isEmpty,
                "tables with nothing planted: \(empty.sorted())")
            let (inside, allowed) = try await Self.values(app.db as! any SQLDatabase, tables)
            #expect(inside.count > 300, "internal values gathered: \(inside.count)")
            let baseline = before.map(\.body).joined(separator: "\u{1}")
            // The domain's own words (a level, a category, a status) are public wherever they come from.
            let vocabulary =
                WarningLevel.allCases.flatMap { [$0.chinese, $0.chinese + "预警"] } + AQICategory.allCases.map(\.chinese)
                + TaskStatus.allCases.flatMap { [$0.chinese, $0.publicChinese] }
            let allowedText = (allowed.sorted() + vocabulary).joined(separator: "\u{1}")
            var leaks: [String] = []
            for page in after {
                #expect(page.setsCookie == false, "\(page.path) sets a cookie")
                if page.status == .ok {
                    #expect(page.cacheControl.hasPrefix("public"), "\(page.path): Cache-Control \(page.cacheControl)")
                }
                for (value, source) in inside
                where Self.shows(page.body, value) && !Self.shows(baseline, value) && !allowedText.contains(value) {
                    leaks.append("\(page.path) shows \(source): \(value.prefix(60))")
                }
            }
            #expect(leaks.isEmpty, "\(leaks.count) leaks:\n\(leaks.prefix(40).joined(separator: "\n"))")
            // The planted public things are there, so the pages were not simply empty.
            let all = after.map(\.body).joined()
            for shown in ["晋市气防办〔2021〕8号", "矩阵〔2021〕1号", "矩阵运维", "公开的随机抽查事项"] {
                let found = all.contains(shown)
                #expect(found, "a public page shows \(shown)")
            }
            let showsMarker = all.contains(Self.marker)
            #expect(!showsMarker, "no public page shows the planted marker")
        }
    }

    /// A cache revalidating a public page gets 304 and no body while nothing changed, the page after a change.
    @Test func publicPagesRevalidateWithTheirETag() async throws {
        try await withLantian(at: "2022-01-10T10:00:00+08:00") { app, _, _ in
            let first = try await app.testing().sendRequest(.GET, "/public/bulletins")
            let tag = try #require(first.headers.first(name: .eTag))
            #expect(first.headers.first(name: .cacheControl) == "public, no-cache")
            let again = try await app.testing().sendRequest(
                .GET, "/public/bulletins",
                headers: [
                    "If-None-Match": tag
                ])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            _ = try await Bulletins(campaigns: Campaigns(db: app.db, caches: Campaigns.Caches())).finalise(
                ReportMonth(year: 2021, month: 12)!, number: "晋市气防办〔2022〕1号", issuedOn: "2022-01-04", version: 0,
                actor: .system, now: Date(timeIntervalSince1970: 1_641_340_800))
            try await BulletinStore(database: app.db).setPublic(
                ReportMonth(year: 2021, month: 12)!, true, actor: .system, at: Date())
            let changed = try await app.testing().sendRequest(
                .GET, "/public/bulletins",
                headers: [
                    "If-None-Match": tag
                ])
            #expect(changed.status == .ok)
            #expect(changed.body.string.contains("晋市气防办〔2022〕1号"))
        }
    }

    struct Page {
        var route: String
        var path: String
        var status: HTTPResponseStatus
        var body: String
        var setsCookie: Bool
        var cacheControl: String
    }

    /// Every public GET route under /public, its parameters filled with each value the database holds (and one it
    /// does not), read without a session.
    static func readPublicPages(_ app: Application, fixture: SecurityMatrixTests.Fixture?) async throws -> [Page] {
        let bulletinMonths = try await BulletinStore(database: app.db).all().map(\.month.description) + ["2021-12"]
        let draws = try await MarketStore(database: app.db).draws().map(\.id.uuidString) + [UUID().uuidString]
        var pages: [Page] = []
        for route in app.routes.all where route.method == .GET && route.isPublic {
            let key = SecurityMatrixTests.key(route)
            guard key.hasPrefix("GET /public"), key != "GET /public/orders/:token" else { continue }
            var paths = ["/" + route.path.map(\.description).joined(separator: "/")]
            for component in route.path {
                guard case .parameter(let name) = component else { continue }
                let values: [String]
                switch name {
                case "month": values = bulletinMonths
                case "id": values = draws
                case "file": values = ["objects.csv", "inspectors.csv", "result.csv"]
                default:
                    Issue.record("\(key): no values for :\(name) — teach the leak test this parameter")
                    values = []
                }
                paths = paths.flatMap { path in values.map { path.replacingOccurrences(of: ":\(name)", with: $0) } }
            }
            for path in paths {
                let response = try await app.testing().sendRequest(.GET, path)
                pages.append(
                    Page(
                        route: key, path: path, status: response.status, body: response.body.string,
                        setsCookie: response.headers.first(name: .setCookie) != nil,
                        cacheControl: response.headers.first(name: .cacheControl) ?? ""))
            }
        }
        return pages
    }

    /// More than the matrix plants: a draft bulletin in the office's words, a final bulletin not published, the
    /// published one, a returned report with the office's comment, a recognisable account, a sand-dust
    /// declaration, a published draw and fraud entry beside unpublished ones.
    static func plantMore(_ app: Application, fixture: SecurityMatrixTests.Fixture) async throws {
        let now = Date(timeIntervalSince1970: 1_641_340_800)
        let bulletins = Bulletins(campaigns: Campaigns(db: app.db, caches: Campaigns.Caches()))
        try await bulletins.saveDraft(
            ReportMonth(year: 2021, month: 11)!,
            paragraphs: BulletinParagraphs(opening: "\(marker)：草稿开头", requirements: "\(marker)：草稿要求"), version: 0,
            actor: .system, now: now)
        try await bulletins.saveDraft(
            ReportMonth(year: 2021, month: 12)!,
            paragraphs: BulletinParagraphs(opening: "\(marker)：未公开的定稿", requirements: ""), version: 0, actor: .system,
            now: now)
        _ = try await bulletins.finalise(
            ReportMonth(year: 2021, month: 12)!, number: "晋市气防办〔2022〕1号", issuedOn: "2022-01-04", version: 1,
            actor: .system, now: now)
        let store = BulletinStore(database: app.db)
        try await store.setPublic(ReportMonth(year: 2021, month: 10)!, true, actor: .system, at: now)
        _ = try await UserAccounts(db: app.db).create(
            username: "insider", displayName: "内部账号张某某", role: "viewer", unitCode: "office", password: testPassword,
            actor: .system, at: now)
        try await AirQualityStore(database: app.db).declareSandDust(
            .init(firstDay: "2021-11-20", lastDay: "2021-11-21", note: "\(marker)：沙尘认定依据", declaredBy: "内部认定人王某某"),
            actor: .system, at: now)
        // A draw published beside the matrix's (drawn, not published) and one not yet drawn.
        let service = Market(db: app.db, library: Market.shippedLibrary)
        guard
            case .created(let published) = try await service.createDraw(
                title: "公开的随机抽查事项", kind: .fillingStation, size: .count(1), perObject: 2, strata: .none,
                items: "资质", seedSource: "公开的随机数来源", inspectors: SecurityMatrixTests.inspectorsCSV, file: "i.csv",
                actor: .system, at: now)
        else { throw Abort(.internalServerError, reason: "the draw was refused") }
        try await service.draw(published, seed: "67890", today: CivilDate("2021-11-04")!, actor: .system, at: now)
        try await MarketStore(database: app.db).publishDraw(
            published, on: CivilDate("2021-11-05")!, actor: .system, at: now)
        _ = try await SecurityMatrixTests.draw(app)
        try await SourceStore(database: app.db).setPublished(fixture.sourceCheck, true, actor: .system, at: now)
        // 泽州县's submitted October report returned with the office's comment.
        var office = Browser(app)
        try await office.login("office1")
        try await office.get(SecurityMatrixTests.submittedPath)
        let returned = try await office.post(
            SecurityMatrixTests.submittedPath + "/action",
            [("action", "returnToUnit"), ("comment", "\(marker)：退回意见")])
        #expect(returned.status == .seeOther)
        // 高平市's November draft with an indicator value.
        var gaoping = Browser(app)
        try await gaoping.login("gp-reporter")
        let draft = try await gaoping.post(
            "/tasks/t11/reports/gaoping/2021-11",
            [
                ("action", "save"), ("reportedStatus", "inProgress"), ("narrative", "\(marker)：高平草稿"),
                ("values[households]", "77"),
            ])
        #expect(draft.status == .seeOther)
        // An API token, and a failed sign-in under a name nobody has.
        _ = try await SecurityMatrixTests.token(app, "office1")
        var stranger = Browser(app)
        _ = try? await stranger.login("\(marker)-nobody", "wrong-password")
        // Market supervision: a depot's delivery, the standards library saved again, a case moved on.
        let market = MarketStore(database: app.db)
        try await market.upsertSites(
            [MarketSite(code: "ZZ-D1", name: "内部油库名称", kind: .depot, county: "zezhou")], file: "m.csv",
            actor: .system, at: now)
        try await market.addDeliveries(
            [
                Delivery(
                    from: "ZZ-D1", to: "ZZ-M1", date: CivilDate("2021-11-10")!, product: "diesel", volume: nil, line: 1)
            ],
            file: "\(marker).csv", actor: .system, at: now)
        _ = try await market.saveStandards(try SeedStandards.market, note: "\(marker)：标准库修订说明", actor: .system, at: now)
        let caseID = try await SecurityMatrixTests.openCase(app)
        try await market.advance(
            caseID, to: .rectifying, day: CivilDate("2021-12-02")!, deadline: CivilDate("2021-12-20")!,
            note: "\(marker)：案件进展",
            actor: .system, at: now)
        // The heavy-pollution response: a forecast, the measures table saved with a note.
        let emergency = EmergencyStore(database: app.db)
        _ = try await emergency.saveForecast(
            [Forecast(start: HourStamp(timepoint: "2021-11-19T01:00:00")!, aqi: Array(repeating: 180, count: 24))],
            file: "\(marker)-预报.csv", actor: .system, at: now)
        _ = try await EmergencyResponse(db: app.db).saveMeasures(
            try SeedEmergency.measures, note: "\(marker)：减排措施修订", actor: .system, at: now)
        // Pollution sources: limits, a key polluter, an import and its correction.
        let sources = SourceStore(database: app.db)
        try await sources.replaceLimits(
            [.init(mn: "M-MX", factor: "a21026", rule: .init(limit: .init(limit: 35), standard: "\(marker)标准"))],
            file: "l.csv", actor: .system, at: now)
        try await sources.setKeyPolluter("E1", listed: true, actor: .system, at: now)
        for value in [12, 13] {
            let hours =
                "MN,DataTime,a21026-Avg,a21026-Flag,a00000-Avg,a00000-Flag\n"
                + (0..<3).map { "M-MX,2021-11-03 0\($0):00,\(value),N,5000,N\n" }.joined()
            let chunks = NIOLockedValueBox([Array(hours.utf8)])
            _ = try await SourceImport(database: app.db).run(
                file: "\(marker)-在线监测.csv", next: { chunks.withLockedValue { $0.popLast() } }, actor: .system, at: now)
        }
        // Measurements (dust fall) and a corrected station hour.
        _ = try await MeasurementStore(database: app.db).save(
            [.init(county: "zezhou", month: "2021-11", value: 7.5)], code: "dustfall", source: "\(marker).csv",
            actor: .system, at: now)
        let station = try #require(try await AirQualityStore(database: app.db).stations().first).code
        for pm25 in [40, 41] {
            let text =
                "timepoint,stationcode,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h\n"
                + "2021-11-02T10:00:00,\(station),,60,60,\(pm25),40,60,60,60,60,20,20,5,5,0.5,0.5\n"
            _ = try await HourlyImport(database: app.db).run(
                options: .init(source: "\(marker)-监测数据.csv", actor: .system), at: now, bytes: Array(text.utf8))
        }
    }

    /// The database's tables.
    static func tables(_ sql: any SQLDatabase) async throws -> [String] {
        let query =
            sql.dialect.name == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() "
                + "AND table_type = 'BASE TABLE'"
        return try await sql.raw(SQLQueryString(query)).all().map { try $0.decode(column: "name", as: String.self) }
    }

    static func emptyTables(_ sql: any SQLDatabase, _ tables: [String]) async throws -> [String] {
        var empty: [String] = []
        for table in tables {
            let rows = try await sql.select().column(SQLLiteral.all).from(SQLIdentifier(table)).limit(1).all()
            if rows.isEmpty { empty.append(table) }
        }
        return empty
    }

    /// Every text value of every table (JSON strings and lines taken apart), as internal or allowed by
    /// ``publicRules``; values too short or too plain to mean anything (numbers, dates, codes) are left out.
    static func values(_ sql: any SQLDatabase, _ tables: [String]) async throws -> (
        inside: [(String, String)], allowed: Set<String>
    ) {
        var inside: [String: String] = [:]
        var allowed = Set<String>()
        for table in tables {
            let rule = publicRules[table]
            let rows = try await sql.raw(SQLQueryString("SELECT * FROM \(ident: table)")).all()
            if let rule {
                let condition = rule.rows ?? "1 = 1"
                let shown = try await sql.raw(
                    SQLQueryString("SELECT * FROM \(ident: table) WHERE \(unsafeRaw: condition)")
                ).all()
                for row in shown {
                    for column in row.allColumns where rule.columns?.contains(column) ?? true {
                        for piece in pieces(of: row, column) { allowed.insert(piece) }
                    }
                }
            }
            for row in rows {
                for column in row.allColumns {
                    for piece in pieces(of: row, column) where meaningful(piece) {
                        inside[piece] = inside[piece] ?? "\(table).\(column)"
                    }
                }
            }
        }
        return (inside.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }, allowed)
    }

    /// A cell's text: itself, its lines, and when it is JSON its strings.
    static func pieces(of row: any SQLRow, _ column: String) -> [String] {
        guard (try? row.decodeNil(column: column)) == false, let text = try? row.decode(column: column, as: String.self)
        else { return [] }
        var pieces = [text]
        let lines = text.split(whereSeparator: \.isNewline).map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
        if lines.count > 1 { pieces += lines }
        if let first = text.first, first == "{" || first == "[",
            let json = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        {
            pieces += strings(in: json)
        }
        return pieces
    }

    static func strings(in json: Any) -> [String] {
        switch json {
        case let text as String: [text]
        case let list as [Any]: list.flatMap(strings(in:))
        case let object as [String: Any]: object.values.flatMap(strings(in:))
        default: []
        }
    }

    /// Worth looking for: three or more characters with a CJK one, or eight or more otherwise, and not a number,
    /// a date, a time or a boolean.
    static func meaningful(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.allSatisfy({ $0.isNumber || "-:.+TZ /%".contains($0) }) { return false }
        let cjk = trimmed.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
        return cjk ? trimmed.count >= 3 : trimmed.count >= 8
    }

    /// Whether `body` shows `value`, as written or HTML-escaped.
    static func shows(_ body: String, _ value: String) -> Bool {
        if body.contains(value) { return true }
        let escaped = value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        return escaped != value && body.contains(escaped)
    }
}
