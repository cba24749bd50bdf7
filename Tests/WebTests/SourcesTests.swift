import Emergency
import Foundation
import LantianCore
import Persistence
import SQLKit
import Services
import SourceMonitoring
import Testing
import Vapor
import VaporTesting

/// 污染源监控 through HTTP: the import all or nothing, idempotent, corrections recorded; the coverage feeding the
/// plan's s13-1; the week ranked from stored data; the suspects kept from other units; a confirmed fraud
/// published.
@Suite(.serialized) struct SourcesTests {
    /// Three enterprises (VOCs 100 + 300 + 600, NOx 500 + 300 + 200 t/yr) and an outlet of the first.
    static func setUp(_ app: Application) async throws {
        try await WebTests.makeUnitUsers(app)
        try await makeUser(app, "eeb-reporter", role: "unitReporter", unit: "city-eeb")
        try await EmergencyStore(database: app.db).replaceEnterprises(
            [
                Enterprise(
                    id: "E1", name: "甲厂", county: "zezhou", industry: "steel", grade: .b,
                    emissions: Emissions(so2: 10, nox: 500, pm: 10, vocs: 100)),
                Enterprise(
                    id: "E2", name: "乙厂", county: "zezhou", industry: "coke", grade: .b,
                    emissions: Emissions(so2: 10, nox: 300, pm: 10, vocs: 300)),
                Enterprise(
                    id: "E3", name: "丙厂", county: "gaoping", industry: "other", grade: .c,
                    emissions: Emissions(so2: 10, nox: 200, pm: 10, vocs: 600)),
            ], file: "test", actor: .system, at: Date())
        try await SourceStore(database: app.db).replaceOutlets(
            [
                Outlet(
                    mn: "M1", enterprise: "E1", name: "1号烟囱", factors: [Factor.so2, Factor.flow], installed: true,
                    networked: true)
            ], file: "test", actor: .system, at: Date())
    }

    static let header = "MN,DataTime,a21026-Avg,a21026-Flag,a00000-Avg,a00000-Flag\n"

    /// Hourly rows of M1 from 2021-11-01 00:00: SO₂ `so2(hour)`, flow 50,000.
    static func rows(_ hours: Range<Int>, so2: (Int) -> String) -> String {
        let start = MinuteStamp(day: CivilDate(year: 2021, month: 11, day: 1)!, hour: 0)
        return hours.map { hour in
            "M1,\(start.adding(minutes: 60 * hour).text.replacingOccurrences(of: "T", with: " ")),\(so2(hour)),N,50000,N\n"
        }.joined()
    }

    static func upload(_ browser: inout Browser, _ csv: String, name: String = "data.csv") async throws
        -> TestingHTTPResponse
    {
        try await browser.postMultipart(
            "/sources", [("kind", "data")],
            files: [(field: "file", name: name, type: "text/csv", data: Data(csv.utf8))])
    }

    static func stored(_ app: Application) async throws -> [OutletSeries.Hour?] {
        let blocks = try await SourceStore(database: app.db).blocks(mn: "M1")
        return OutletSeries(mn: "M1", blocks: blocks).factors[Factor.so2] ?? []
    }

    @Test func theImportIsAllOrNothingIdempotentAndRecordsCorrections() async throws {
        try await withLantian { app, _, _ in
            try await Self.setUp(app)
            var eeb = Browser(app)
            try await eeb.login("eeb-reporter")
            try await eeb.get("/sources")
            let first = try await Self.upload(&eeb, Self.header + Self.rows(0..<48) { "\(20 + $0 % 5)" })
            #expect(first.status == .ok)
            #expect(first.body.string.contains("已导入 48 条记录、96 个小时值（1 台设备）；更正已存数值 0 个"))
            #expect(try await Self.stored(app).compactMap { $0?.value }.count == 48)
            // The same file again: nothing changes.
            let again = try await Self.upload(&eeb, Self.header + Self.rows(0..<48) { "\(20 + $0 % 5)" })
            #expect(again.body.string.contains("更正已存数值 0 个"))
            // Hour 10 corrected from 20 to 31.5: one correction with before and after.
            let corrected = try await Self.upload(&eeb, Self.header + Self.rows(10..<11) { _ in "31.5" })
            #expect(corrected.body.string.contains("已导入 1 条记录、2 个小时值（1 台设备）；更正已存数值 1 个"))
            #expect(try await Self.stored(app)[10]?.value == 31.5)
            let corrections = try await SourceStore(database: app.db).corrections(mn: "M1")
            #expect(corrections.map { "\($0.factor) \($0.before) → \($0.after)" } == ["a21026 N 20 → N 31.5"])
            // A bad value on line 3 refuses the whole file: hour 0's new value is not stored either.
            let bad = try await Self.upload(
                &eeb, Self.header + "M1,2021-11-01 00:00,99,N,50000,N\nM1,2021-11-01 01:00,abc,N,50000,N\n")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("第 3 行，a21026-Avg：“abc”不是数值"))
            #expect(try await Self.stored(app)[0]?.value == 20)
            // A device not on the register refuses the file too.
            let unknown = try await Self.upload(&eeb, Self.header + "M9,2021-11-01 00:00,5,N,50000,N\n")
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("设备 M9 不在排放口名录中"))
            let imports = try await SourceStore(database: app.db).imports()
            #expect(imports.count == 3, "refused files leave no import behind")
        }
    }

    @Test func theCoverageFeedsS131AndTheFewestAdditions() async throws {
        try await withLantian { app, _, _ in
            try await Self.setUp(app)
            var eeb = Browser(app)
            try await eeb.login("eeb-reporter")
            try await eeb.get("/sources")
            #expect(
                try await eeb.post("/sources/key-polluters", [("enterprise", "E1"), ("listed", "1")]).status
                    == .seeOther)
            // E1 alone: VOCs 100 / 1,000 = 10 %, NOx 500 / 1,000 = 50 %. E3 adds 600 VOCs and 200 NOx (70 %, 70 %);
            // E2 would reach only 40 % VOCs: one addition, E3.
            let page = try await eeb.get("/sources").body.string
            #expect(page.contains("最少再纳入 1 家即可达到要求（纳入后 VOCs 70%、氮氧化物 70%），已证明不能更少"))
            #expect(page.contains("丙厂（E3）"))
            let token = try await SecurityMatrixTests.token(app, "office1")
            func values() async throws -> [String: Double] {
                try await WebTests.indicatorValues(app, task: "s13-1", token: token)
            }
            #expect(try await values() == ["vocs-coverage": 10, "nox-coverage": 50])
            _ = try await eeb.post("/sources/key-polluters", [("enterprise", "E3"), ("listed", "1")])
            #expect(try await values() == ["vocs-coverage": 70, "nox-coverage": 70])
            // Another unit's account may not list.
            var county = Browser(app)
            try await county.login("zz-reporter")
            try await county.get("/sources")
            #expect(
                try await county.post("/sources/key-polluters", [("enterprise", "E2"), ("listed", "1")]).status
                    == .forbidden)
        }
    }

    @Test func theWeekRanksStoredDataAndACheckIsPublished() async throws {
        try await withLantian(at: "2021-11-04T10:00:00+08:00") { app, _, _ in
            try await Self.setUp(app)
            var eeb = Browser(app)
            try await eeb.login("eeb-reporter")
            try await eeb.get("/sources")
            // Three days of varying values, then 8 hours stuck at 22.0 while the flow says the plant runs.
            let csv = Self.header + Self.rows(0..<72) { (24..<32).contains($0) ? "22.5" : "\(20 + $0 % 7)" }
            #expect(try await Self.upload(&eeb, csv).status == .ok)
            let week = try await eeb.get("/sources/suspects")
            #expect(week.body.string.contains("2021-11-01 至 2021-11-07"))
            #expect(week.body.string.contains("1. 甲厂 1号烟囱（M1）"))
            #expect(week.body.string.contains("连续 8 小时数值恒为 22.5"))
            var county = Browser(app)
            try await county.login("zz-reporter")
            #expect(try await county.get("/sources/suspects").status == .forbidden)
            #expect(try await county.get("/sources/outlets/M1").status == .forbidden)
            // A fraud without its agency and evidence re-renders with the reasons and stores nothing.
            try await eeb.get("/sources/outlets/M1")
            let refused = try await eeb.postMultipart(
                "/sources/outlets/M1/checks",
                [("checkedAt", "2021-11-02T10:00"), ("result", "fraud"), ("note", "设定值")],
                files: [])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("确认数据造假须写明运维机构"))
            #expect(try await SourceStore(database: app.db).checks().isEmpty)
            let recorded = try await eeb.postMultipart(
                "/sources/outlets/M1/checks",
                [("checkedAt", "2021-11-02T10:00"), ("result", "fraud"), ("note", "设定值"), ("agency", "某运维公司")],
                files: [(field: "files[]", name: "笔录.pdf", type: "application/pdf", data: Data("%PDF-1.4".utf8))])
            #expect(recorded.status == .seeOther)
            let check = try #require(try await SourceStore(database: app.db).checks().first)
            var anonymous = Browser(app)
            #expect(!(try await anonymous.get("/public/monitoring").body.string.contains("某运维公司")))
            _ = try await eeb.get("/sources/cases")
            #expect(
                try await eeb.post("/sources/checks/\(check.id)/publish", [("published", "1")]).status == .seeOther)
            #expect(try await anonymous.get("/public/monitoring").body.string.contains("某运维公司"))
        }
    }
}
