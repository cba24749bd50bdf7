import Emergency
import Foundation
import LantianCore
import Persistence
import Seed
import Services
import Testing
import Vapor
import VaporTesting

@testable import Web

/// 重污染应急 through HTTP: imports that refuse a bad file whole, the proposal from a forecast, one warning in
/// force at a time, changes checked and recorded, and the list's totals from the demo registry.
@Suite(.serialized) struct EmergencyTests {
    static func demo(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Seed/Resources/emergency/demo/\(name)")
        return try Data(contentsOf: url)
    }

    static func upload(_ browser: inout Browser, _ path: String, kind: String, name: String, data: Data)
        async throws -> TestingHTTPResponse
    {
        try await browser.postMultipart(
            path, [("kind", kind)], files: [(field: "file", name: name, type: "text/csv", data: data)])
    }

    @Test func aBadRegistryFileStoresNothingAndAGoodOneReplacesTheRegistry() async throws {
        try await withLantian(at: "2022-01-24T09:00:00+08:00") { app, _, _ in
            try await makeUser(app, "eeb-reporter", role: "unitReporter", unit: "city-eeb")
            var eeb = Browser(app)
            try await eeb.login("eeb-reporter")
            try await eeb.get("/emergency/registry")
            let bad = """
                编号,企业名称,县区,行业,绩效等级,二氧化硫,氮氧化物,颗粒物,挥发性有机物
                X1,甲,泽州县,steel,B,1,2,3,4
                X2,乙,太原市,炼油,B,-1,2,3,4
                """
            let refused = try await Self.upload(
                &eeb, "/emergency/registry", kind: "enterprises", name: "e.csv", data: Data(bad.utf8))
            #expect(refused.status == .unprocessableEntity)
            let page = refused.body.string
            #expect(page.contains("第 3 行，county：“太原市”不是本市的县（市、区）"))
            #expect(page.contains("第 3 行，industry：“炼油”不是措施表中的行业"))
            #expect(page.contains("第 3 行，so2：“-1”不是排放量"))
            #expect(try await EmergencyStore(database: app.db).enterprises().isEmpty)

            let gb18030 = String(decoding: try Self.demo("enterprises.csv"), as: UTF8.self)
                .data(using: String.Encoding(rawValue: 0x8000_0632))!
            let imported = try await Self.upload(
                &eeb, "/emergency/registry", kind: "enterprises", name: "e.csv", data: gb18030)
            #expect(imported.status == .ok)
            #expect(imported.body.string.contains("已导入 12 行，其中新增 12 条"))
            let stored = try await EmergencyStore(database: app.db).enterprises()
            #expect(stored.map(\.id) == (1...12).map { String(format: "D%02d", $0) })
            #expect(stored.first { $0.id == "D11" }?.exemption?.reason == "集中供热（以热定产）")
            #expect(stored.first?.county == "zezhou")
            let audit = try await AuditLog.actions(on: app.db)
            #expect(audit.contains("emergency.enterprises.import"))
        }
    }

    @Test func aForecastIsProposedOneWarningIsInForceAndChangesAreChecked() async throws {
        try await withLantian(at: "2022-01-24T09:00:00+08:00") { app, _, _ in
            try await makeUser(app, "office1", role: "officeAdmin", unit: "office")
            var office = Browser(app)
            try await office.login("office1")
            try await office.get("/emergency")
            let entered = try await office.postMultipart(
                "/emergency/forecasts", [],
                files: [(field: "file", name: "forecast.csv", type: "text/csv", data: try Self.demo("forecast.csv"))])
            #expect(entered.status == .seeOther)
            let home = try await office.get("/emergency").body.string
            #expect(home.contains("AQI &gt; 200 预计持续 74 小时（1月24日20时至1月27日22时），最高 AQI 280 → 橙色"))
            #expect(home.contains("value=\"2022-01-24T20:00\""))

            let form: [(String, String)] = [
                ("level", "orange"), ("starts", "2022-01-24T20:00"), ("expectedEnd", "2022-01-27T22:00"),
                ("document", "晋市气防办函〔2022〕3号"), ("reason", "预报"),
            ]
            let badEnd = try await office.post(
                "/emergency/warnings", form.map { $0.0 == "expectedEnd" ? ($0.0, "2022-01-24T19:00") : $0 })
            #expect(badEnd.status == .unprocessableEntity)
            #expect(badEnd.body.string.contains("预计结束时间应晚于开始时间"))
            let issued = try await office.post("/emergency/warnings", form)
            #expect(issued.status == .seeOther)
            let again = try await office.post("/emergency/warnings", form)
            #expect(again.status == .conflict)
            #expect(again.body.string.contains("已有预警在执行（晋市气防办函〔2022〕3号）"))

            let warning = try #require(try await EmergencyStore(database: app.db).warnings().first)
            let path = "/emergency/warnings/\(warning.id)"
            let downUp = try await office.post(
                path, [("action", "upgrade"), ("level", "yellow"), ("hour", "2022-01-25T08:00"), ("note", "x")])
            #expect(downUp.status == .unprocessableEntity)
            #expect(downUp.body.string.contains("升级须选比橙色更高的级别"))
            let early = try await office.post(
                path, [("action", "lift"), ("hour", "2022-01-24T10:00"), ("note", "x")])
            #expect(early.body.string.contains("生效时间不能早于预警开始时间"))
            let upgraded = try await office.post(
                path, [("action", "upgrade"), ("level", "red"), ("hour", "2022-01-26T08:00"), ("note", "加重")])
            #expect(upgraded.status == .seeOther)
            let lifted = try await office.post(
                path, [("action", "lift"), ("hour", "2022-01-28T08:00"), ("note", "回落")])
            #expect(lifted.status == .seeOther)
            let after = try await office.post(
                path, [("action", "adjust"), ("hour", "2022-01-28T09:00"), ("note", "x")])
            #expect(after.status == .conflict)
            let stored = try #require(try await EmergencyStore(database: app.db).warnings().first)
            #expect(stored.level == .red && stored.lifted == "2022-01-28T08:00")
            #expect(stored.changes.map(\.action) == ["issue", "upgrade", "lift"])
            #expect(stored.changes.allSatisfy { $0.by == "office1" })
            var anonymous = Browser(app)
            let publicPage = try await anonymous.get("/public/warning").body.string
            #expect(publicPage.contains("当前没有执行中的重污染天气预警") && publicPage.contains("1月28日8时 解除"))
        }
    }

    @Test func theListCountsTheDemoRegistryByItsEquipment() async throws {
        try await withLantian(at: "2022-01-24T09:00:00+08:00") { app, _, _ in
            try await makeUser(app, "office1", role: "officeAdmin", unit: "office")
            var office = Browser(app)
            try await office.login("office1")
            try await office.get("/emergency/registry")
            for (kind, file) in [
                ("enterprises", "enterprises.csv"), ("equipment", "equipment.csv"), ("inventory", "inventory.csv"),
            ] {
                let response = try await Self.upload(
                    &office, "/emergency/registry", kind: kind, name: file, data: try Self.demo(file))
                #expect(response.status == .ok, "\(file): \(response.body.string.prefix(300))")
            }
            let page = try await office.get("/emergency/list?level=orange").body.string
            // By hand (docs/EMERGENCY.md): SO₂ 1580 + 440 + 150 + 180 + 280 + 30 + 25 + 60 + 140 + 2.5 = 2887.5 of a
            // required 2400; NOx 5050 of 6000, short 950.
            #expect(page.contains("<td class=\"num\">2,887.5</td>"))
            #expect(page.contains("<td class=\"num\">5,050</td>"))
            #expect(page.contains("<td class=\"num errors\">950</td>"))
            #expect(page.contains("按停产设备：1号烧结机、2号烧结机、链篦机回转窑、石灰窑"))
            #expect(page.contains("补足方案损失产出最少（已证明）"))
            #expect(page.contains("保障类企业（1 家，另列，不限产）"))
        }
    }
}
