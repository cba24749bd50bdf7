import AirQuality
import Assessment
import Foundation
import LantianCore
import Persistence
import Services
import Testing
import Vapor
import ZIPFoundation

extension WebTests {
    /// January 2022 from the bundled CNEMC rows, worked out by hand (a Python reading of the CSV by the rules,
    /// independent of Lantian's code): the city's daily PM2.5 is the mean of the four assessment stations'
    /// 24-hour values (2160A–2163A; 2165A is the clean reference), its January mean over 31 valid days 82.4516 →
    /// 82.5 µg/m³; the store has no earlier day of the season, so the season to date is January alone. Daily
    /// AQIs (HJ 633-2012, the O3 MDA8 and 1-hour maximum included): 11 good, 15 lightly and 5 moderately polluted
    /// days, none heavy. The remaining-days budget: 59 days left (1 February – 31 March) after 31 valid days,
    /// (48.75 × 90 − 82.4516 × 31) / 59 = 31.04 µg/m³. Station composite indexes (GB 3095-2012 grade II annual
    /// denominators, CO P95 and O3 MDA8 P90 by HJ 663's interpolation): 2163A 6.0584, 2160A 6.0775, 2162A 6.0817,
    /// 2161A 6.3511 — at two places 6.06, 6.08, 6.08, 6.35, so 2160A and 2162A share 2nd and 2161A is 4th.
    @Test func januaryBulletinMatchesTheHandWorkedFigures() async throws {
        try await withLantian(at: "2022-02-10T10:00:00+08:00") { app, clock, _ in
            let bulletins = Bulletins(campaigns: Campaigns(db: app.db, caches: Campaigns.Caches()))
            let bulletin = try await bulletins.compose(ReportMonth(year: 2022, month: 1)!, now: clock.now)
            #expect(bulletin.asOf == CivilDate("2022-01-31"))
            let air = try #require(bulletin.section("air"))
            #expect(air.figure("month-pm25")?.text == "82.5 µg/m³")
            #expect(air.figure("month-pm25-days")?.text == "31天")
            #expect(air.figure("season-pm25")?.text == "82.5 µg/m³")
            #expect(air.figure("season-pm25-target")?.text == "48.7 µg/m³")
            #expect(air.figure("month-heavy")?.text == "0天")
            #expect(air.figure("season-heavy")?.text == "0天")
            #expect(air.figure("season-heavy-left")?.text == "7天")
            #expect(air.figure("remaining-budget")?.label == "剩余59天PM2.5日均控制值")
            #expect(air.figure("remaining-budget")?.text == "31.0 µg/m³")
            let categories = try #require(air.table("categories"))
            #expect(categories.rows.map { $0.cells[1] } == ["0", "11", "15", "5", "0", "0", "0"])
            let stations = try #require(air.table("stations"))
            #expect(stations.rows.map(\.key) == ["2163A", "2160A", "2162A", "2161A"])
            #expect(stations.rows.map { $0.cells[1] } == ["6.06", "6.08", "6.08", "6.35"])
            #expect(stations.rows.map { $0.cells[2] } == ["1", "并列2", "并列2", "4"])
            #expect(stations.row("2161A")?.cells[3] == "86.2")
            let counties = try #require(air.table("counties"))
            #expect(counties.rows.map(\.key) == ["城区"])
            #expect(counties.rows.first?.cells[3] == "82.5")
            // December's reports were due on 5 January; the bundled state has none in.
            let reports = try #require(bulletin.section("reports"))
            #expect(reports.figure("reports-on-time")?.text == "0项")
            let text = reports.blocks.compactMap { block -> String? in
                if case .paragraph(let text) = block { return text }
                return nil
            }.joined()
            #expect(text.contains("2021年12月进展应于2022年1月5日 23:59前报送"))
            #expect(try #require(bulletin.section("tasks")).figure("tasks-total")?.text == "74项")
        }
    }

    /// The office finalises January's bulletin; a station day of January is then corrected (2160A on 15 January
    /// +31 µg/m³, which moves the city's January mean by 31 / 4 / 31 = 0.25 to 82.70). The final copy still
    /// says 82.5, its page lists the change (82.5 → 82.7), and the .docx and print copies carry the frozen figure.
    /// A unit sees the finalised bulletin but never a draft; a second bulletin with the same number is refused.
    @Test func finalBulletinIsFrozenAndSaysWhatCorrectionsChanged() async throws {
        try await withLantian(at: "2022-02-10T10:00:00+08:00") { app, _, _ in
            try await makeUser(app, "office1", role: "officeAdmin", unit: "office")
            try await makeUser(app, "zz-reporter", role: "unitReporter", unit: "zezhou")
            var office = Browser(app)
            try await office.login("office1")
            var unit = Browser(app)
            try await unit.login("zz-reporter")

            for path in [
                "/bulletins/2022-01", "/bulletins/2022-01/print", "/bulletins/2022-01/docx", "/bulletins/2022-01/pdf",
            ] {
                #expect(try await unit.get(path).status == .notFound, "a draft is the office's: \(path)")
            }
            #expect(!(try await unit.get("/bulletins").body.string.contains("2022年1月")))
            let draft = try await office.get("/bulletins/2022-01").body.string
            #expect(draft.contains("82.5 µg/m³"))
            #expect(draft.contains("晋市气防办〔2022〕1号"))

            let saved = try await office.post(
                "/bulletins/2022-01",
                [("opening", "一月份全市空气质量<b>偏差</b>。"), ("requirements", "各县区要加强管控。"), ("version", "0")])
            #expect(saved.status == .seeOther)
            let bad = try await office.post(
                "/bulletins/2022-01/final", [("number", "三号"), ("issuedOn", "2022-02-08"), ("version", "1")])
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("发文字号应写作"))
            let stale = try await office.post(
                "/bulletins/2022-01/final", [("number", "晋市气防办〔2022〕3号"), ("issuedOn", "2022-02-08"), ("version", "0")])
            #expect(stale.status == .conflict)
            let final = try await office.post(
                "/bulletins/2022-01/final", [("number", "晋市气防办〔2022〕3号"), ("issuedOn", "2022-02-08"), ("version", "1")])
            #expect(final.status == .seeOther)

            let store = AirQualityStore(database: app.db)
            var day = try #require(
                try await store.stationDays(from: "2022-01-15", to: "2022-01-15", station: "2160A").first)
            day.statistics.means[.pm25] = (day.statistics.means[.pm25] ?? 0) + 31
            try await store.upsertDays([(day.station, day.statistics)], source: "correction")

            let page = try await office.get("/bulletins/2022-01").body.string
            #expect(page.contains("定稿后数据有更正"))
            #expect(page.contains("<td>82.5 µg/m³</td><td>82.7 µg/m³</td>"))
            #expect(page.contains("一月份全市空气质量&lt;b&gt;偏差&lt;/b&gt;。"))
            let readable = try await unit.get("/bulletins/2022-01")
            #expect(readable.status == .ok)
            #expect(readable.body.string.contains("晋市气防办〔2022〕3号"))
            #expect(!readable.body.string.contains("编辑草稿"))
            #expect(try await unit.post("/bulletins/2022-01/public", [("public", "true")]).status == .forbidden)
            let print = try await unit.get("/bulletins/2022-01/print").body.string
            #expect(print.contains("月城市PM2.5") == false)
            #expect(print.contains("全市PM2.5平均浓度为82.5 µg/m³"))

            let docx = try await unit.get("/bulletins/2022-01/docx")
            #expect(docx.headers.contentType?.description.contains("wordprocessingml") == true)
            let archive = try Archive(data: Data(docx.body.readableBytesView), accessMode: .read)
            var document = Data()
            _ = try archive.extract(try #require(archive["word/document.xml"])) { document.append($0) }
            let xml = String(decoding: document, as: UTF8.self)
            #expect(xml.contains("全市PM2.5平均浓度为82.5 µg/m³"))
            #expect(xml.contains("晋市气防办〔2022〕3号"))

            // The number is taken: February cannot be finalised with it.
            let again = try await office.post(
                "/bulletins/2022-02/final",
                [("number", "晋市气防办[2022]第3号"), ("issuedOn", "2022-02-10"), ("version", "0")])
            #expect(again.status == .conflict)
            #expect(again.body.string.contains("已用于 2022-01"))
            #expect(try await AuditLog.actions(on: app.db).contains("bulletin.finalise"))
        }
    }
}
