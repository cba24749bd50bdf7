import Foundation
import LantianCore
import Services
import Testing
import Vapor
import VaporTesting

/// Dust fall entered by the counties in the grid and imported by the office: each value against the 7 t limit,
/// t31's value the worst county's mean, another county's cell refused on the server.
@Suite(.serialized) struct MeasurementWebTests {
    @Test func theCountiesEnterDustFallAndT31ShowsTheWorstCounty() async throws {
        try await withLantian { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            let token = try await SecurityMatrixTests.token(app, "office1")
            func t31() async throws -> Double? {
                try await WebTests.indicatorValues(app, task: "t31", token: token)["dustfall"]
            }
            #expect(try await t31() == nil)
            var zezhou = Browser(app)
            try await zezhou.login("zz-reporter")
            let grid = try await zezhou.get("/measurements/dustfall").body.string
            #expect(grid.contains("name=\"c[zezhou][2021-10]\"") && !grid.contains("name=\"c[gaoping][2021-10]\""))
            // 泽州县: 6.5 in October, 7.4 in November (over the limit): mean 6.95.
            let saved = try await zezhou.post(
                "/measurements/dustfall", [("c[zezhou][2021-10]", "6.5"), ("c[zezhou][2021-11]", "7.4")])
            #expect(saved.status == .seeOther)
            #expect(try await t31() == 6.95)
            let page = try await zezhou.get("/measurements/dustfall").body.string
            #expect(page.contains("class=\"num over\""))
            #expect(page.contains("t31 降尘量：6.95 吨/(平方公里·月)"))
            // A value that is no number changes nothing.
            let bad = try await zezhou.post("/measurements/dustfall", [("c[zezhou][2021-12]", "很多")])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("“很多”不是数值"))
            // 高平市's reporter may not write 泽州县's cell.
            var gaoping = Browser(app)
            try await gaoping.login("gp-reporter")
            try await gaoping.get("/measurements/dustfall")
            let foreign = try await gaoping.post("/measurements/dustfall", [("c[zezhou][2021-10]", "1")])
            #expect(foreign.status == .forbidden)
            #expect(try await t31() == 6.95)
            // The office imports 高平市 and 阳城县: 高平市's mean 7.2 is now the worst.
            var office = Browser(app)
            try await office.login("office1")
            try await office.get("/measurements/dustfall")
            let csv = "县区,月份,数值\n高平市,2021-10,7.0\n高平市,2021-11,7.4\n阳城县,2021-10,5.1\n"
            let imported = try await office.postMultipart(
                "/measurements/dustfall/import", [],
                files: [(field: "file", name: "降尘.csv", type: "text/csv", data: Data(csv.utf8))])
            #expect(imported.status == .ok)
            #expect(try await t31() == 7.2)
            #expect(try await WebTests.indicatorValues(app, task: "s09-1", token: token)["dustfall"] == 7.2)
            // A file with a month outside the campaign imports nothing.
            let refused = try await office.postMultipart(
                "/measurements/dustfall/import", [],
                files: [(field: "file", name: "x.csv", type: "text/csv", data: Data("县区,月份,数值\n阳城县,2022-06,9\n".utf8))])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("第 2 行，月份"))
            #expect(try await t31() == 7.2)
            let task = try await office.get("/tasks/t31").body.string
            #expect(task.contains("月度监测（dustfall）") && !task.contains("未接入"))
        }
    }
}
