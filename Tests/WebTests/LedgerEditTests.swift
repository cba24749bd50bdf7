import Foundation
import LantianCore
import Ledger
import Persistence
import Services
import Testing
import Vapor
import VaporTesting

/// Editing a ledger in the browser: one row by its county, checked field by field, versioned with before and
/// after; a bulk status change with evidence, all or nothing; another county's rows refused on the server.
@Suite(.serialized) struct LedgerEditTests {
    @Test func aCountyEditsItsRowsAndEveryChangeIsKept() async throws {
        try await withLantian { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            let csv = """
                县区,乡镇,村,户主,改造方式,替代散煤,状态
                泽州县,巴公镇,东四义村,张三,气代煤,3,待改造
                泽州县,巴公镇,东四义村,李四,气代煤,2,已改造
                高平市,米山镇,米西村,孙七,集中供热,4,已改造
                """
            let loaded = try await PlanStore(database: app.db).load(
                try #require(try await PlanStore(database: app.db).currentPlan()))
            let ledgers = Ledgers(db: app.db)
            let type = try #require(ledgers.type("households"))
            _ = try await ledgers.importRows(
                Data(csv.utf8), file: "h.csv", type: type, plan: loaded.plan, onlyOwner: nil, actor: .system,
                at: Date(), today: try #require(CivilDate("2021-10-20")))
            let rows = Dictionary(
                uniqueKeysWithValues: try await ledgers.store.rows(ledger: "households").map {
                    ($0.row["household"], $0)
                })
            let zhang = try #require(rows["张三"]).id
            let li = try #require(rows["李四"]).id
            let sun = try #require(rows["孙七"]).id
            func stored(_ id: UUID) async throws -> LedgerStore.StoredRow {
                try #require(try await ledgers.store.rows(ledger: "households", ids: [id]).first)
            }
            var zezhou = Browser(app)
            try await zezhou.login("zz-reporter")
            // The page keeps the rows it read; a row imported after is listed all the same, in key order.
            #expect(!(try await zezhou.get("/ledgers/households").body.string.contains("王五")))
            _ = try await ledgers.importRows(
                Data("县区,乡镇,村,户主,改造方式\n泽州县,巴公镇,东四义村,王五,电代煤\n".utf8), file: "w.csv", type: type,
                plan: loaded.plan, onlyOwner: nil, actor: .system, at: Date(),
                today: try #require(CivilDate("2021-10-21")))
            let listed = try await zezhou.get("/ledgers/households").body.string
            let wangAt = try #require(listed.range(of: "王五")).lowerBound
            let liAt = try #require(listed.range(of: "李四")).lowerBound
            #expect(listed.contains("共 4 行") && liAt < wangAt)
            let page = try await zezhou.get("/ledgers/households/rows/\(zhang)").body.string
            #expect(page.contains("name=\"f_coal\"") && page.contains("保存"))
            func edit(_ browser: inout Browser, _ id: UUID, version: Int, _ fields: [(String, String)]) async throws
                -> TestingHTTPResponse
            {
                try await browser.post(
                    "/ledgers/households/rows/\(id)",
                    [("version", "\(version)"), ("f_county", "zezhou"), ("f_method", "气代煤")] + fields)
            }
            // A number that is none, and a status the workflow does not allow (待改造 → 已验收): nothing is written.
            let bad = try await edit(&zezhou, zhang, version: 1, [("f_coal", "三吨"), ("f_status", "已验收")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("替代散煤：“三吨”不是数值（吨）"))
            #expect(bad.body.string.contains("状态不能从“待改造”改为“已验收”"))
            #expect(try await stored(zhang).version == 1)
            // A good edit: version 2, the change kept with before and after.
            let good = try await edit(&zezhou, zhang, version: 1, [("f_coal", "3.5"), ("f_status", "已改造")])
            #expect(good.status == .seeOther)
            let saved = try await stored(zhang)
            #expect(saved.version == 2 && saved.row["coal"] == "3.5" && saved.row["status"] == "已改造")
            #expect(saved.row.statusChanged != nil, "the day the status moved")
            let history = try await zezhou.get("/ledgers/households/rows/\(zhang)").body.string
            #expect(history.contains("替代散煤：3 → 3.5") && history.contains("状态：待改造 → 已改造"))
            #expect(history.contains("网页编辑") && history.contains("zz-reporter"))
            // Saving from the old version again is a conflict, not a silent overwrite.
            let stale = try await edit(&zezhou, zhang, version: 1, [("f_coal", "9"), ("f_status", "已改造")])
            #expect(stale.status == .conflict)
            #expect(try await stored(zhang).row["coal"] == "3.5")
            // 高平市's row: refused on the server, page and post.
            let foreign = try await edit(&zezhou, sun, version: 1, [("f_coal", "1"), ("f_status", "已改造")])
            #expect(foreign.status == .forbidden)
            #expect(try await stored(sun).version == 1)
            // Bulk: 张三 and 李四 accepted on 10-30 with the acceptance form; without a file, nothing moves.
            let pdf = Data("%PDF-1.4\n%%EOF".utf8)
            try await zezhou.get("/ledgers/households")
            let fields = [
                ("ids[]", zhang.uuidString), ("ids[]", li.uuidString), ("status", "已验收"), ("dateField", "accepted"),
                ("date", "2021-10-30"),
            ]
            let noFile = try await zezhou.postMultipart("/ledgers/households/status", fields)
            #expect(noFile.status == .unprocessableEntity && noFile.body.string.contains("须上传证据"))
            #expect(try await stored(li).version == 1)
            // With 高平市's row among them: refused whole.
            let mixed = try await zezhou.postMultipart(
                "/ledgers/households/status", fields + [("ids[]", sun.uuidString)],
                files: [(field: "files[]", name: "验收单.pdf", type: "application/pdf", data: pdf)])
            #expect(mixed.status == .forbidden)
            #expect(try await stored(li).version == 1)
            let moved = try await zezhou.postMultipart(
                "/ledgers/households/status", fields,
                files: [(field: "files[]", name: "验收单.pdf", type: "application/pdf", data: pdf)])
            #expect(moved.status == .seeOther)
            for id in [zhang, li] {
                let row = try await stored(id)
                #expect(row.row["status"] == "已验收" && row.row["accepted"] == "2021-10-30")
            }
            // t11 counts them now: two households accepted on time, 3.5 + 2 t.
            let token = try await SecurityMatrixTests.token(app, "office1")
            #expect(
                try await WebTests.indicatorValues(app, task: "t11", token: token) == [
                    "households": 2, "coal-replaced": 5.5,
                ])
            // The evidence is on both rows' history and downloads as uploaded.
            let after = try await zezhou.get("/ledgers/households/rows/\(li)").body.string
            #expect(after.contains("批量变更为“已验收”") && after.contains("验收单.pdf"))
            let link = try #require(after.firstMatch(of: /href="(\/ledgers\/households\/evidence\/[0-9A-F-]+)"/)).1
            var viewer = Browser(app)
            try await viewer.login("watcher")
            let file = try await viewer.get(String(link))
            #expect(file.status == .ok && Data(file.body.readableBytesView) == pdf)
            // A viewer sees the rows without the edit form or the bulk form.
            let viewed = try await viewer.get("/ledgers/households").body.string
            #expect(!viewed.contains("批量变更状态") && viewed.contains("查看"))
            #expect(
                try await viewer.get("/ledgers/households/rows/\(li)").body.string.contains("name=\"f_coal\"") == false)
        }
    }
}
