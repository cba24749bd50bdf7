import AirQuality
import Emergency
import Foundation
import LantianCore
import Ledger
import MarketSupervision
import NIOConcurrencyHelpers
import Persistence
import Seed
import Services
import SourceMonitoring
import Testing
import Vapor
import VaporTesting
import Web

/// Hostile text in every field a user or a file controls leaves every page's markup as the template made it.
///
/// The same campaign is built twice — once with plain strings, once with attack strings — in the plan file
/// (plan and document titles, section titles, categories, measures), unit and user names, a report's narrative
/// and evidence file name, a station name, a sand-dust note, query parameters and forms that re-render what was
/// typed. Every HTML page reachable by a GET route (enumerated from the route table) is then read as each role
/// with a browser's tokenizer (`HTMLStructure`), and the two runs must have the same elements with the same
/// attributes, page by page.
@Suite(.serialized) struct PageInjectionTests {
    /// Breaks out of a double-quoted attribute, a single-quoted one, `<title>` and `<textarea>`, in one string.
    static let hostile =
        #""><script>alert(1)</script>' autofocus onfocus=alert(2) x='</title><script>alert(3)</script>"#
        + "</textarea><svg onload=alert(4)>"
    /// The same fields in the plain run.
    static let plain = "平常的文字 plain text"
    /// Evidence file names cannot hold `"` or `/` (the multipart header and the path), so their attack has neither.
    static let hostileFile = "<img src=x onerror=alert(5)>'x.pdf"
    static let plainFile = "验收单 plain x.pdf"

    @Test func hostileTextChangesNoPageStructure() async throws {
        let (plain, _) = try await Self.crawl(text: Self.plain, fileName: Self.plainFile)
        let (hostile, reached) = try await Self.crawl(text: Self.hostile, fileName: Self.hostileFile)
        #expect(plain.count == hostile.count)
        #expect(plain.count > 60, "every GET page for six readers, plus the re-rendered forms")
        for (page, outline) in plain.sorted(by: { $0.key < $1.key }) {
            guard let other = hostile[page] else {
                Issue.record("\(page): missing in the hostile run")
                continue
            }
            if other != outline {
                let at = outline.indices.first { $0 >= other.count || outline[$0] != other[$0] } ?? outline.count
                let expected = Array(outline.dropFirst(at).prefix(4))
                let found = Array(other.dropFirst(at).prefix(4))
                Issue.record("\(page): markup differs from tag \(at) on: plain \(expected), hostile \(found)")
            }
        }
        // The attack reached the pages (as text): otherwise the comparison would prove nothing.
        #expect(reached.count > 30, "pages showing the controlled text: \(reached.sorted())")
        for page in [
            "office1 GET /tasks", "office1 GET /admin/users", "office1 GET /air", "office POST /admin/users",
            "samr-leader GET /market/checks/:check", "samr-leader GET /market/plans/:plan", "market POST check",
            "samr-leader GET /market/draws/:draw", "anonymous GET /public/draws/:draw",
            "samr-leader GET /market/actions/:action", "office1 GET /emergency", "office1 GET /emergency/registry",
            "office1 GET /emergency/list", "office1 GET /emergency/warnings/:warning", "anonymous GET /public/warning",
            "office1 GET /emergency/warnings/:warning/orders", "anonymous GET /public/orders/:token",
        ] {
            #expect(reached.contains(page), "\(page) shows the controlled text")
        }
    }

    /// Builds the campaign with `text` in every controlled field and returns each HTML page's outline, keyed by
    /// reader and URL.
    static func crawl(text: String, fileName: String) async throws -> ([String: [String]], Set<String>) {
        var pages: [String: [String]] = [:]
        var reached: Set<String> = []
        func read(_ page: String, _ response: TestingHTTPResponse) {
            guard response.headers.contentType == .html else { return }
            let html = response.body.string
            pages[page] = HTMLStructure.outline(html)
            if html.contains("alert(3)") { reached.insert(page) }
        }
        try await withLantian { app, clock, _ in
            try await WebTests.makeUnitUsers(app)
            _ = try await UserAccounts(db: app.db).create(
                username: "named", displayName: text, role: "unitReporter", unitCode: "zezhou",
                password: testPassword, actor: .system, at: Date())
            try await AirQualityStore(database: app.db).upsertStations([
                Station(
                    code: "9001A", name: text, kind: .township, county: text, longitude: nil, latitude: nil)
            ])

            var office = Browser(app)
            try await office.login("office1")
            try await office.get("/admin/units")
            try await office.post("/admin/units", [("code", "probe-unit"), ("name", text), ("kind", "department")])
            try await office.get("/air")
            try await office.post(
                "/air/sand-dust", [("firstDay", "2022-01-10"), ("lastDay", "2022-01-11"), ("note", text)])
            clock.set("2021-11-03T11:00:00+08:00")
            try await office.get("/admin/plans/import")
            let plan = try Self.planFile(text: text)
            let imported = try await office.postMultipart(
                "/admin/plans/import", [],
                files: [(field: "file", name: "plan.yaml", type: "application/x-yaml", data: Data(plan.utf8))])
            #expect(imported.status == .ok, "the plan with controlled text imports")

            // A report with controlled narrative and file name, submitted so that every reader can see it.
            var leader = Browser(app)
            try await leader.login("zz-leader")
            try await leader.get(WebTests.reportPath)
            let submitted = try await leader.postMultipart(
                WebTests.reportPath,
                [("action", "approve"), ("reportedStatus", "inProgress"), ("narrative", text)],
                files: [(field: "evidence[]", name: fileName, type: "application/pdf", data: Data("%PDF-1.4".utf8))])
            #expect(submitted.status == .seeOther)
            let api = try await leader.get("/api/v1/tasks/\(WebTests.coal)/reports")
            let evidenceID =
                try JSONDecoder().decode([ReportEvidenceJSON].self, from: Data(api.body.readableBytesView))
                .first { $0.unit == "zezhou" }?.evidence.first?.id ?? ""

            // Market supervision's records with the controlled text: a site, a plan, a failed batch with its trace
            // (the SVG graph writes names) and its case.
            try await makeUser(app, "samr-leader", role: "unitLeader", unit: "city-samr")
            let store = MarketStore(database: app.db)
            try await store.upsertSites(
                [
                    MarketSite(code: "S1", name: text, kind: .fillingStation, county: "zezhou", address: text),
                    MarketSite(code: "D1", name: text, kind: .depot, county: "zezhou"),
                ], file: text, actor: .system, at: Date())
            try await store.addDeliveries(
                [
                    Delivery(
                        from: "D1", to: "S1", date: CivilDate("2021-10-20")!, product: "diesel", volume: nil, line: 1),
                    Delivery(
                        from: "D1", to: text, date: CivilDate("2021-10-21")!, product: "diesel", volume: nil, line: 2),
                ], file: text, actor: .system, at: Date())
            let planID = try await store.createPlan(
                family: .fuel, year: 2021, title: text, quotas: [.init(unit: "zezhou-samr", quota: 5)], actor: .system,
                at: Date())
            let checkID = try await Market(db: app.db, library: Market.shippedLibrary).record(
                SpotCheck(
                    product: "diesel", brand: text, batch: text, manufacturer: text, siteCode: "S1", siteName: text,
                    address: text, county: "zezhou", sampledOn: CivilDate("2021-10-25")!, testingBody: text,
                    results: ["flash_point": MeasuredValue("55")!]), unit: "zezhou-samr", actor: .system, at: Date())
            _ = try await store.openCase(
                kind: .failedBatch, checkID: checkID, unit: "zezhou-samr", county: "zezhou", title: text,
                day: CivilDate("2021-11-03")!, note: text, actor: .system, at: Date())
            let inspectors =
                "编号,姓名,单位,回避对象\nI1,\(CSVWriter.field(text)),\(CSVWriter.field(text)),S1\nI2,乙,局二,\nI3,丙,局三,\n"
            let service = Market(db: app.db, library: Market.shippedLibrary)
            guard
                case .created(let drawID) = try await service.createDraw(
                    title: text, kind: .fillingStation, size: .count(1), perObject: 2, strata: .none, items: text,
                    seedSource: text,
                    inspectors: Data(inspectors.utf8), file: text, actor: .system, at: Date())
            else { throw Abort(.internalServerError, reason: "draw refused") }
            try await service.draw(drawID, seed: text, today: CivilDate("2021-11-03")!, actor: .system, at: Date())
            try await store.publishDraw(drawID, on: CivilDate("2021-11-03")!, actor: .system, at: Date())
            let actionID = try await store.createAction(
                title: text, start: CivilDate("2021-10-15")!, end: CivilDate("2021-11-13")!, actor: .system, at: Date())
            _ = try await store.recordFind(
                action: actionID, kind: .fixedStation, unit: "zezhou-samr", county: "zezhou", place: text,
                day: CivilDate("2021-10-20")!, volume: "120.5", handling: text, police: true, actor: .system, at: Date()
            )
            // The heavy-pollution response with the controlled text: an enterprise (name, capacity, exemption,
            // equipment), a forecast's file name, a warning's document and reason.
            let emergency = EmergencyStore(database: app.db)
            try await emergency.replaceEnterprises(
                [
                    Enterprise(
                        id: "E1", name: text, county: "zezhou", industry: "steel", grade: .b, capacity: text,
                        emissions: Emissions(so2: 100, nox: 100, pm: 100, vocs: 100),
                        equipment: [Equipment(id: "S1", kind: "sinter", name: text, capacity: text)]),
                    Enterprise(
                        id: "E2", name: text, county: "zezhou", industry: "other", grade: .exempt,
                        exemption: .init(reason: text, approval: text), emissions: Emissions(all: 10)),
                ], file: text, actor: .system, at: Date())
            try await emergency.save(
                setting: "inventory", value: EmergencyStore.json(Emissions(all: 1000)), actor: .system, at: Date())
            _ = try await emergency.saveForecast(
                [Forecast(start: HourStamp(timepoint: "2021-11-03T01:00:00")!, aqi: Array(repeating: 250, count: 50))],
                file: text, actor: .system, at: Date())
            let warningID = try await emergency.issue(
                level: .yellow, starts: "2021-11-03T00:00", expectedEnd: "2021-11-05T02:00", document: text,
                rules: "shanxi-2020", reason: text, actor: .system, at: Date())
            // Its control orders (the enterprise's name and measure in their text) and an inspection's note.
            try await office.get("/emergency/warnings/\(warningID)")
            let sent = try await office.post("/emergency/warnings/\(warningID)/orders", [("county", "")])
            let token = try #require(
                sent.body.string.firstMatch(of: /\/public\/orders\/([A-Za-z0-9_-]+)/).map { String($0.1) })
            let inspectionID = try await emergency.recordInspection(
                warning: warningID, enterprise: "E1", method: .onSite, complied: false, hour: "2021-11-03T10:00",
                note: text, files: [], actor: .system, at: Date())
            // Pollution sources with the controlled text: an outlet's name, a limit's standard, an import's file
            // name, a published check's finding, agency and persons.
            let sources = SourceStore(database: app.db)
            try await sources.replaceOutlets(
                [
                    Outlet(
                        mn: "M-INJ", enterprise: "E1", name: text, factors: ["a21026", "a00000"], installed: true,
                        networked: true)
                ], file: text, actor: .system, at: Date())
            try await sources.replaceLimits(
                [.init(mn: "M-INJ", factor: "a21026", rule: .init(limit: .init(limit: 35), standard: text))],
                file: text,
                actor: .system, at: Date())
            let hours =
                "MN,DataTime,a21026-Avg,a21026-Flag,a00000-Avg,a00000-Flag\n"
                + (0..<8).map { "M-INJ,2021-11-03 0\($0):00,\($0 < 7 ? 12 : 50),N,5000,N\n" }.joined()
            let chunks = NIOLockedValueBox([Array(hours.utf8)])
            _ = try await SourceImport(database: app.db).run(
                file: text, next: { chunks.withLockedValue { $0.popLast() } }, actor: .system, at: Date())
            let sourceCheckID = try await sources.recordCheck(
                mn: "M-INJ", at: MinuteStamp("2021-11-03T04:00")!, result: .fraud, note: text, agency: text,
                persons: text,
                files: [], actor: .system, at: Date())
            try await sources.setPublished(sourceCheckID, true, actor: .system, at: Date())
            // A ledger's rows with the controlled text in its text fields.
            let households = try #require(Ledgers.shipped.first { $0.code == "households" })
            _ = try await LedgerStore(database: app.db).importRows(
                [
                    LedgerRow(values: [
                        "county": "zezhou", "township": text, "village": text, "household": text, "method": "气代煤",
                        "status": "已验收", "accepted": "2021-10-20",
                    ])
                ], type: households, source: text, actor: .system, at: Date(), today: CivilDate("2021-11-03")!)
            let ledgerRow = try #require(try await LedgerStore(database: app.db).rows(ledger: "households").first).id
            let ids = [
                "plans": planID.uuidString, "checks": checkID.uuidString, "draws": drawID.uuidString,
                "actions": actionID.uuidString, "documents": "00000000-0000-0000-0000-000000000001",
                "warnings": warningID.uuidString, "inspections": inspectionID.uuidString, "orders": token,
                "outlets": "M-INJ", "bulletins": "2021-10",
            ]

            let parameters = [
                "code": WebTests.coal, "unit": "zezhou", "month": WebTests.october, "id": evidenceID,
            ]
            let query = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            var paths: [String] = []
            for route in app.routes.all where route.method == .GET {
                var parts: [String] = []
                for component in route.path {
                    switch component {
                    case .constant(let name): parts.append(name)
                    case .parameter(let name):
                        let value = try #require(
                            name == "file"
                                ? "result.csv"
                                : ["market", "public", "emergency"].contains(parts.first)
                                    ? ids[parts[1]]
                                    : parts.first == "sources"
                                        ? (parts[1] == "checks" ? sourceCheckID.uuidString : ids[parts[1]])
                                        : parts.first == "ledgers"
                                            ? (name == "code" ? "households" : ledgerRow.uuidString)
                                            : parts.first == "measurements" ? Optional("dustfall") : parameters[name],
                            "no value for :\(name) in \(route.path)")
                        parts.append(value)
                    default: Issue.record("unexpected route component in \(route.path)")
                    }
                }
                paths.append("/" + parts.joined(separator: "/"))
            }
            paths += [
                "/tasks?q=\(query)&category=\(query)&unit=\(query)&status=\(query)&due=\(query)&asOf=\(query)",
                "/tasks/\(WebTests.coal)?asOf=\(query)", "/?asOf=\(query)", "/air?asOf=\(query)",
                "/login?next=\(query)", "/?notice=\(query)",
                "/sources/outlets/M-INJ?from=2021-11-01&to=2021-11-07",
                "/sources/outlets/M-INJ/chart?factor=a21026&from=2021-11-03T00:00&to=2021-11-03T08:00",
                "/sources/suspects?week=2021-11-01",
                "/ledgers/households?task=t11&indicator=households&owner=\(query)&status=\(query)",
            ]
            var readers: [(String, Browser)] = [("anonymous", Browser(app))]
            for username in ["office1", "zz-reporter", "energy-leader", "watcher", "samr-leader"] {
                var browser = Browser(app)
                try await browser.login(username)
                readers.append((username, browser))
            }
            for (name, var browser) in readers {
                for path in paths {
                    let key = path.replacingOccurrences(of: query, with: "…")
                        .replacingOccurrences(of: planID.uuidString, with: ":plan")
                        .replacingOccurrences(of: checkID.uuidString, with: ":check")
                        .replacingOccurrences(of: ledgerRow.uuidString, with: ":ledgerRow")
                        .replacingOccurrences(of: evidenceID, with: ":evidence")
                        .replacingOccurrences(of: drawID.uuidString, with: ":draw")
                        .replacingOccurrences(of: actionID.uuidString, with: ":action")
                        .replacingOccurrences(of: warningID.uuidString, with: ":warning")
                        .replacingOccurrences(of: token, with: ":token")
                        .replacingOccurrences(of: inspectionID.uuidString, with: ":inspection")
                        .replacingOccurrences(of: sourceCheckID.uuidString, with: ":sourceCheck")
                    read("\(name) GET \(key)", try await browser.get(path))
                }
            }
            // Forms that re-render what was typed.
            try await office.get("/admin/users")
            let user = try await office.post(
                "/admin/users", [("username", text), ("displayName", text), ("role", text), ("unit", text)])
            read("office POST /admin/users", user)
            try await office.get("/admin/units")
            let unit = try await office.post("/admin/units", [("code", text), ("name", text), ("kind", text)])
            read("office POST /admin/units", unit)
            var reporter = Browser(app)
            try await reporter.login("zz-reporter")
            try await reporter.get("/tasks/s04-1/reports/zezhou/2021-10")
            let report = try await reporter.postMultipart(
                "/tasks/s04-1/reports/zezhou/2021-10",
                [("action", "save"), ("reportedStatus", text), ("narrative", text), ("values[boilers]", text)])
            read("reporter POST report", report)
            let month = try await reporter.postMultipart(
                "/units/zezhou/months/2021-10",
                [
                    ("action", "saveAll"), ("rows[s04-1][reportedStatus]", text), ("rows[s04-1][narrative]", text),
                    ("rows[s04-1][values][boilers-retired]", text), ("rows[s04-1][comment]", text),
                ])
            #expect(month.status == .unprocessableEntity)
            read("reporter POST monthly", month)
            var market = Browser(app)
            try await market.login("samr-leader")
            try await market.get("/market/checks/new?product=diesel")
            let check = try await market.post(
                "/market/checks",
                [
                    ("product", "diesel"), ("batch", text), ("brand", text), ("site", text), ("siteName", text),
                    ("county", text), ("sampledOn", text), ("result-sulfur", text),
                ])
            #expect(check.status == .unprocessableEntity)
            read("market POST check", check)
            let newPlan = try await market.post("/market/plans", [("family", text), ("year", text), ("title", text)])
            read("market POST plan", newPlan)
            var stranger = Browser(app)
            try await stranger.get("/login")
            let login = try await stranger.post("/login", [("username", text), ("password", text), ("next", text)])
            read("anonymous POST /login", login)
            #expect(login.status == .unauthorized)
        }
        return (pages, reached)
    }

    /// The Jincheng plan file under another code, with `text` in its titles, categories and measures (YAML
    /// single-quoted, so that any text is a valid value).
    static func planFile(text: String) throws -> String {
        let quoted = "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        var lines: [String] = []
        var number = 0
        for line in try SeedPlans.jincheng20212022.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            let indent = String(line.prefix(line.count - trimmed.count))
            if line == "  code: jincheng-2021-2022" {
                lines.append("  code: probe-plan")
            } else if trimmed.hasPrefix("title: "), lines.last?.drop(while: { $0 == " " }).hasPrefix("- code: ") == true
            {
                // A task's short title has at most 40 characters: the attack that fits.
                let short = text == Self.hostile ? #""><svg onload=alert(3)>'</title>"# : text
                lines.append(indent + "title: '" + short.replacingOccurrences(of: "'", with: "''") + "'")
            } else if trimmed.hasPrefix("title: ") || trimmed.hasPrefix("category: ")
                || trimmed.hasPrefix("measures: ") || trimmed.hasPrefix("issuer: ")
            {
                // Numbered, so that categories stay as many as in the plan.
                number += 1
                let key = trimmed.prefix { $0 != ":" }
                let value = "'" + text.replacingOccurrences(of: "'", with: "''") + " \(number)'"
                lines.append(indent + key + ": " + (key == "category" ? value : quoted))
            } else {
                lines.append(String(line))
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// The parts of `/api/v1/tasks/{code}/reports` this suite reads.
private struct ReportEvidenceJSON: Decodable {
    struct Evidence: Decodable { var id: String }
    var unit: String
    var evidence: [Evidence]
}
