import Foundation
import LantianCore
import Ledger
import Persistence
import Services
import Testing
import Vapor
import VaporTesting

/// t11's households and replaced coal computed from the 散煤治理 ledger through the indicator-source socket, as the
/// API shows them.
@Suite(.serialized) struct LedgerIndicatorTests {
    @Test func t11CountsTheLedgersAcceptedHouseholdsOnTime() async throws {
        try await withLantian { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            let token = try await SecurityMatrixTests.token(app, "office1")
            func values() async throws -> [String: Double] {
                try await WebTests.indicatorValues(app, task: "t11", token: token)
            }
            // No rows yet: the reports stand (none here).
            #expect(try await values().isEmpty)
            // 泽州县: accepted on 10-20 and 10-31 (on time for t11's 2021-10-31), 11-01 (late); one converted, not
            // accepted. 高平市: one accepted on 10-25. On time: 3 households, 3 + 2.5 + 4 t of coal.
            let csv = """
                县区,乡镇,村,户主,改造方式,替代散煤,状态,验收日期
                泽州县,巴公镇,东四义村,张三,气代煤,3,已验收,2021-10-20
                泽州县,巴公镇,东四义村,李四,集中供热,2.5,已验收,2021-10-31
                泽州县,南村镇,冶底村,王五,气代煤,3,已验收,2021-11-01
                泽州县,南村镇,冶底村,赵六,气代煤,3,已改造,
                高平市,米山镇,米西村,孙七,集中供热,4,已验收,2021-10-25
                """
            let loaded = try await PlanStore(database: app.db).load(
                try #require(try await PlanStore(database: app.db).currentPlan()))
            let ledgers = Ledgers(db: app.db)
            let type = try #require(ledgers.type("households"))
            let (outcome, summary) = try await ledgers.importRows(
                Data(csv.utf8), file: "households.csv", type: type, plan: loaded.plan, onlyOwner: nil, actor: .system,
                at: Date(), today: try #require(CivilDate("2021-11-03")))
            #expect(outcome.problems.isEmpty && summary?.new == 5)
            #expect(try await values() == ["households": 3, "coal-replaced": 9.5])
            // The task page links the value to its rows; the drill-down lists exactly the three counted.
            var office = Browser(app)
            try await office.login("office1")
            let task = try await office.get("/tasks/t11").body.string
            #expect(task.contains("href=\"/ledgers/households?task=t11&amp;indicator=households\""))
            let drill = try await office.get("/ledgers/households?task=t11&indicator=households").body.string
            #expect(["张三", "李四", "孙七"].allSatisfy(drill.contains) && !drill.contains("王五") && !drill.contains("赵六"))
            #expect(drill.contains("共 3 行"))
            #expect(task.contains("台账（散煤治理清单（户），截至 "))
            // 泽州县 reports 5 households: both are shown, the difference flagged; the ledger's value stands.
            var leader = Browser(app)
            try await leader.login("zz-leader")
            let report = "/tasks/t11/reports/zezhou/2021-10"
            try await leader.get(report)
            let sent = try await leader.postMultipart(
                report,
                [
                    ("action", "approve"), ("reportedStatus", "inProgress"), ("narrative", "已改造"),
                    ("values[households]", "5"),
                ])
            #expect(sent.status == .seeOther)
            let flagged = try await office.get("/tasks/t11").body.string
            #expect(flagged.contains("单位报送 5 户，与上述计算值相差 2 户，请核对"))
            #expect(try await values()["households"] == 3)
            // 高平市's reporter may import 高平市's rows only.
            var gaoping = Browser(app)
            try await gaoping.login("gp-reporter")
            try await gaoping.get("/ledgers/households")
            let refused = try await gaoping.postMultipart(
                "/ledgers/households", [],
                files: [
                    (
                        field: "file", name: "h.csv", type: "text/csv",
                        data: Data("县区,乡镇,村,户主,改造方式\n泽州县,巴公镇,东四义村,钱八,气代煤\n".utf8)
                    )
                ])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("只能导入本单位（gaoping）的行"))
        }
    }
}
