import Foundation
import LantianCore
import MarketSupervision
import Persistence
import Seed
import Services
import Testing
import Vapor
import VaporTesting
import ZIPFoundation

@testable import Web

/// 市场监管 through HTTP: what the server refuses whatever the form offers, and the plan's indicators counted from
/// the records.
@Suite(.serialized) struct MarketTests {
    static func setUp(_ app: Application) async throws {
        try await makeUser(app, "samr-leader", role: "unitLeader", unit: "city-samr")
        try await makeUser(app, "zz-samr", role: "unitReporter", unit: "zezhou-samr")
        try await makeUser(app, "office1", role: "officeAdmin", unit: "office")
        var city = Browser(app)
        try await city.login("samr-leader")
        try await city.get("/market/registry")
        let csv = """
            编号,名称,类型,县区,沿线道路
            ZZ-1,巴公加油站,加油站,泽州县,G207
            ZZ-2,北石店加油站,加油站,泽州县,
            GP-1,北诗加油站,加油站,高平市,S331
            GP-2,城东加油站,加油站,高平市,
            """
        let imported = try await city.postMultipart(
            "/market/registry", [("kind", "sites")],
            files: [(field: "file", name: "名录.csv", type: "text/csv", data: csv.data(using: .utf8)!)])
        #expect(imported.status == .ok)
        #expect(imported.body.string.contains("已导入 4 行，其中新增 4 条"))
    }

    static func record(_ browser: inout Browser, product: String, site: String, results: [(String, String)])
        async throws -> TestingHTTPResponse
    {
        try await browser.get("/market/checks/new?product=\(product)")
        return try await browser.post(
            "/market/checks",
            [("product", product), ("batch", "B-\(site)"), ("site", site), ("sampledOn", "2021-11-20")]
                + results.map { ("result-\($0.0)", $0.1) })
    }

    @Test func aCountyBureauRecordsInItsOwnCountyOnlyWhateverThePostSays() async throws {
        try await withLantian(at: "2021-12-03T10:00:00+08:00") { app, _, _ in
            try await Self.setUp(app)
            var county = Browser(app)
            try await county.login("zz-samr")
            let refused = try await Self.record(&county, product: "diesel", site: "GP-1", results: [("sulfur", "8")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("泽州县市场监管局不能录入高平市的抽检"))
            #expect(try await MarketStore(database: app.db).checks().isEmpty)
            let unreadable = try await Self.record(
                &county, product: "diesel", site: "ZZ-1", results: [("sulfur", "约8")])
            #expect(unreadable.status == .unprocessableEntity)
            #expect(unreadable.body.string.contains("硫含量的检验结果“约8”不是数值"))
            #expect(unreadable.body.string.contains("value=\"约8\""), "the form keeps what was typed")
            let saved = try await Self.record(&county, product: "diesel", site: "ZZ-1", results: [("sulfur", "8")])
            #expect(saved.status == .seeOther)
        }
    }

    @Test func aBadRegistryFileChangesNothing() async throws {
        try await withLantian(at: "2021-12-03T10:00:00+08:00") { app, _, _ in
            try await Self.setUp(app)
            var city = Browser(app)
            try await city.login("samr-leader")
            try await city.get("/market/registry")
            let gb18030 = String.Encoding(rawValue: 0x8000_0632)
            let bad = "编号,名称,类型,县区\nZZ-9,新加油站,加油站,泽州县\nX-1,外地站,加油站,太原市\n".data(using: gb18030)!
            let refused = try await city.postMultipart(
                "/market/registry", [("kind", "sites")],
                files: [(field: "file", name: "bad.csv", type: "text/csv", data: bad)])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("bad.csv：第 3 行，county：“太原市”不是本市的县（市、区）"))
            #expect(try await MarketStore(database: app.db).sites().map(\.code) == ["GP-1", "GP-2", "ZZ-1", "ZZ-2"])
            // The county bureau may read the registry but not import it.
            var county = Browser(app)
            try await county.login("zz-samr")
            try await county.get("/market/registry")
            let forbidden = try await county.postMultipart(
                "/market/registry", [("kind", "sites")],
                files: [(field: "file", name: "bad.csv", type: "text/csv", data: bad)])
            #expect(forbidden.status == .forbidden)
        }
    }

    @Test func thePlansIndicatorsAreCountedFromTheRecords() async throws {
        try await withLantian(at: "2021-12-03T10:00:00+08:00") { app, _, _ in
            try await Self.setUp(app)
            var county = Browser(app)
            try await county.login("zz-samr")
            for (product, site, results) in [
                ("diesel", "ZZ-1", [("flash_point", "55")]), ("gasoline-via", "ZZ-2", [("benzene", "0.6")]),
                ("def", "ZZ-1", [("urea_content", "32.5")]), ("def", "ZZ-2", [("urea_content", "32.5")]),
            ] {
                #expect(
                    try await Self.record(&county, product: product, site: site, results: results).status == .seeOther)
            }
            let token = try await SecurityMatrixTests.token(app, "office1")
            let values = try await WebTests.indicatorValues(app, task: "t24", token: token)
            func value(_ code: String) -> Double? { values[code] }
            // Two fuel batches; both of 泽州县's stations out of four registered; urea only along a road (ZZ-1).
            #expect(value("fuel-batches") == 2)
            #expect(value("station-coverage") == 50)
            #expect(value("urea-batches") == 1)
            // A failed batch opens one case only; a closed case cannot move again.
            let failed = try #require(try await MarketStore(database: app.db).checks().first { $0.verdict == "不合格" })
            try await county.get("/market/checks/\(failed.id)")
            #expect(try await county.post("/market/checks/\(failed.id)/case", [("note", "闪点")]).status == .seeOther)
            #expect(try await county.post("/market/checks/\(failed.id)/case", [("note", "again")]).status == .conflict)
            let file = try #require(try await MarketStore(database: app.db).cases(checkID: failed.id).first)
            #expect(try await county.post("/market/cases/\(file.id)", [("stage", "closed")]).status == .seeOther)
            #expect(try await county.post("/market/cases/\(file.id)", [("stage", "penalized")]).status == .conflict)
        }
    }

    @Test func theActionCountsItsDaysAndFindsAndFeedsTheNoticesIndicator() async throws {
        try await withLantian(at: "2021-12-03T10:00:00+08:00") { app, _, _ in
            try await Self.setUp(app)
            var city = Browser(app)
            try await city.login("samr-leader")
            try await city.get("/market")
            let created = try await city.post("/market/actions", [("start", "2021-11-20"), ("days", "30")])
            #expect(created.status == .seeOther)
            let actionPath = try #require(created.headers.first(name: .location)?.split(separator: "?").first)
            var county = Browser(app)
            try await county.login("zz-samr")
            try await county.get(String(actionPath))
            let outside = try await county.post(
                actionPath + "/finds",
                [("kind", "mobileTanker"), ("place", "G207"), ("county", "zezhou"), ("day", "2021-11-19")])
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.body.string.contains("不在行动期间"))
            let otherCounty = try await county.post(
                actionPath + "/finds",
                [("kind", "mobileTanker"), ("place", "北诗"), ("county", "gaoping"), ("day", "2021-11-25")])
            #expect(otherCounty.body.string.contains("不能录入高平市的查处"))
            let recorded = try await county.post(
                actionPath + "/finds",
                [
                    ("kind", "mobileTanker"), ("place", "G207 巴公段"), ("county", "zezhou"), ("day", "2021-11-25"),
                    ("volume", "800"), ("police", "yes"),
                ])
            #expect(recorded.status == .seeOther)
            let page = try await county.get(String(actionPath)).body.string
            #expect(page.contains("第 14 天"), "20 November to 3 December is the 14th day")
            #expect(page.contains("共查处1起，其中流动加油车1起；分县区：泽州县1起；查扣油品800升，移送公安机关1起。"))
            let token = try await SecurityMatrixTests.token(app, "office1")
            let task = try await SecurityMatrixTests.api(app, .GET, "/api/v1/tasks/f133-3", token: token)
            let json = try JSONSerialization.jsonObject(with: Data(task.body.readableBytesView)) as? [String: Any]
            let days = (json?["indicators"] as? [[String: Any]])?.first?["current"] as? Double
            #expect(days == 14, "f133-3's 30 天 counts the days the action has run")
            // The find's case moves on from the action's page, and comes back to it.
            let find = try #require(try await MarketStore(database: app.db).cases().first { $0.actionID != nil })
            let moved = try await county.post("/market/cases/\(find.id)", [("stage", "penalized")])
            #expect(moved.headers.first(name: .location) == actionPath + "?notice=caseMoved")
            #expect(try await county.get(String(actionPath)).body.string.contains("<td>行政处罚</td>"))
        }
    }

    @Test func aLabsResultsFileJudgesTheRecordsItNamesOrChangesNothing() async throws {
        try await withLantian(at: "2021-12-03T10:00:00+08:00") { app, _, _ in
            try await Self.setUp(app)
            var county = Browser(app)
            try await county.login("zz-samr")
            // Two samples recorded without results: 待检.
            for (batch, site) in [("L-1", "ZZ-1"), ("L-2", "ZZ-2")] {
                try await county.get("/market/checks/new?product=def")
                let saved = try await county.post(
                    "/market/checks",
                    [("product", "def"), ("batch", batch), ("site", site), ("sampledOn", "2021-11-20")])
                #expect(saved.status == .seeOther)
            }
            #expect(try await MarketStore(database: app.db).checks().allSatisfy { $0.verdict == nil })
            let gb18030 = String.Encoding(rawValue: 0x8000_0632)
            func upload(_ csv: String) async throws -> TestingHTTPResponse {
                try await county.get("/market")
                return try await county.postMultipart(
                    "/market/checks/results", [],
                    files: [(field: "file", name: "检验报告.csv", type: "text/csv", data: csv.data(using: gb18030)!)])
            }
            // A batch without a record refuses the whole file.
            let refused = try await upload(
                "batch,product,item,value\nL-1,def,urea_content,32.5\nL-9,def,urea_content,30\n")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("第 3 行，batch：没有批号为 L-9 的def抽样记录"))
            #expect(try await MarketStore(database: app.db).checks().allSatisfy { $0.verdict == nil })
            // 31.75 rounds to 31.8 (GB/T 8170, one place as the limit 31.8～33.2 is written): it passes; 31.74 fails.
            let judged = try await upload(
                "batch,product,item,value\nL-1,def,urea_content,31.75\nL-2,def,urea_content,31.74\nL-2,def,biuret,0.2\n"
            )
            #expect(judged.status == .ok)
            let checks = try await MarketStore(database: app.db).checks()
            #expect(checks.first { $0.check.batch == "L-1" }?.verdict == "合格")
            let failed = try #require(checks.first { $0.check.batch == "L-2" })
            #expect(failed.verdict == "不合格")
            #expect(failed.failed == "urea_content:31.74<31.8")
            #expect(failed.standard == "GB 29518-2013")
        }
    }

    @Test func aNewEditionJudgesSamplesFromItsEffectiveDayAndTheOldOneBefore() async throws {
        try await withLantian(at: "2022-01-05T10:00:00+08:00") { app, _, _ in
            try await Self.setUp(app)
            var city = Browser(app)
            try await city.login("samr-leader")
            try await city.get("/market/standards")
            let shipped = try SeedStandards.market
            // A document with a problem is refused whole, with its line; nothing is saved.
            let broken = shipped.replacingOccurrences(of: "effective: 2017-01-01", with: "effective: 2017-13-01")
            let refused = try await city.post("/market/standards", [("document", broken), ("note", "试")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("2017-13-01"))
            #expect(try await MarketStore(database: app.db).standardsVersions().isEmpty)
            // A (hypothetical) edition of diesel in force from 2022-01-01 with sulfur ≤ 8 mg/kg.
            let edition = """
                  - product: diesel
                    name: 车用柴油（5号、0号、-10号）
                    standard: GB 19147-2022
                    title: 车用柴油（测试版）
                    effective: 2022-01-01
                    method: rounded
                    items:
                      - {code: sulfur, name: 硫含量, unit: "mg/kg", max: "8", verified: false}
                      - {code: flash_point, name: 闪点（闭口）, unit: "°C", min: "60", verified: true}

                """
            let marker = "  - product: diesel-20\n"
            let revised = shipped.replacingOccurrences(of: marker, with: edition + marker)
            let saved = try await city.post("/market/standards", [("document", revised), ("note", "测试新版")])
            #expect(saved.status == .seeOther)
            let page = try await city.get("/market/standards").body.string
            #expect(page.contains("现行：第 1 版"))
            #expect(page.contains("GB 19147-2022"))
            var county = Browser(app)
            try await county.login("zz-samr")
            let forbidden = try await county.post("/market/standards", [("document", revised), ("note", "x")])
            #expect(forbidden.status == .forbidden)
            // 9 mg/kg: passes the 2016 edition's ≤ 10 on 2021-12-31, fails the new ≤ 8 on 2022-01-02.
            for (batch, day) in [("OLD", "2021-12-31"), ("NEW", "2022-01-02")] {
                try await county.get("/market/checks/new?product=diesel")
                let response = try await county.post(
                    "/market/checks",
                    [
                        ("product", "diesel"), ("batch", batch), ("site", "ZZ-1"), ("sampledOn", day),
                        ("result-sulfur", "9"),
                    ])
                #expect(response.status == .seeOther)
            }
            let checks = try await MarketStore(database: app.db).checks()
            #expect(
                checks.first { $0.check.batch == "OLD" }.map { [$0.standard, $0.verdict] } == ["GB 19147-2016", "合格"])
            #expect(
                checks.first { $0.check.batch == "NEW" }.map { [$0.standard, $0.verdict] } == ["GB 19147-2022", "不合格"])
        }
    }

    @Test func theEvidenceZipHoldsEveryRecordItsCaseAndItsDocuments() async throws {
        try await withLantian(at: "2021-12-03T10:00:00+08:00") { app, _, _ in
            try await Self.setUp(app)
            var city = Browser(app)
            try await city.login("samr-leader")
            try await city.get("/market")
            let plan = try await city.post(
                "/market/plans", [("family", "fuel"), ("year", "2021"), ("quota-zezhou-samr", "80")])
            let planPath = try #require(plan.headers.first(name: .location)?.split(separator: "?").first)
            var county = Browser(app)
            try await county.login("zz-samr")
            #expect(
                try await Self.record(&county, product: "diesel", site: "ZZ-1", results: [("flash_point", "55")]).status
                    == .seeOther)
            let check = try #require(try await MarketStore(database: app.db).checks().first)
            try await county.get("/market/checks/\(check.id)")
            #expect(try await county.post("/market/checks/\(check.id)/case", [("note", "闪点")]).status == .seeOther)
            let report = Data("%PDF-1.4 检验报告".utf8)
            let uploaded = try await county.postMultipart(
                "/market/checks/\(check.id)/documents", [("target", "case")],
                files: [(field: "files[]", name: "立案审批表.pdf", type: "application/pdf", data: report)])
            #expect(uploaded.status == .seeOther)
            let page = try await county.get("/market/checks/\(check.id)").body.string
            #expect(page.contains("立案审批表.pdf") && page.contains("案件文书"))
            let zip = try await city.get(planPath + "/evidence.zip")
            #expect(zip.status == .ok)
            #expect(zip.headers.contentType?.description.hasPrefix("application/zip") == true)
            let archive = try Archive(data: Data(zip.body.readableBytesView), accessMode: .read)
            func text(_ path: String) throws -> String {
                var data = Data()
                _ = try archive.extract(try #require(archive[path])) { data.append($0) }
                return String(decoding: data, as: UTF8.self)
            }
            let index = try text("index.html")
            #expect(index.contains("2021年车用汽柴油抽检计划"))
            #expect(index.contains("闪点") || index.contains("flash_point:55<60"))
            #expect(index.contains("documents/B-ZZ-1/"), "the index links the document inside the archive")
            #expect(try text("checks.csv").contains("B-ZZ-1,diesel,ZZ-1,巴公加油站,zezhou,zezhou-samr,GB 19147-2016,不合格"))
            #expect(try text("cases.csv").contains("filed"))
            let document = try #require(archive.first { $0.path.hasPrefix("documents/B-ZZ-1/") })
            var bytes = Data()
            _ = try archive.extract(document) { bytes.append($0) }
            #expect(bytes == report, "the document byte for byte")
        }
    }

    @Test func theNewPlanFormOffersThePlansOwnBatchTargets() async throws {
        try await withLantian(at: "2021-12-03T10:00:00+08:00") { app, _, _ in
            try await Self.setUp(app)
            var city = Browser(app)
            try await city.login("samr-leader")
            let page = try await city.get("/market").body.string
            // t24: 600 fuel and 80 urea batches; t05: 10 coatings, 5 adhesives, 5 cleaners.
            for label in ["车用汽柴油（方案 600 批次）", "车用尿素（方案 80 批次）", "涂料（方案 10 批次）", "胶黏剂（方案 5 批次）", "清洗剂（方案 5 批次）"] {
                #expect(page.contains(label), "\(label)")
            }
        }
    }
}
