import Foundation
import Testing
import Vapor
import VaporTesting

/// 考核 in the browser (issue 14): every unit's score with its parts, each part's facts, and the facts linked to
/// the pages they come from.
@Suite(.serialized) struct AssessmentPageTests {
    /// 泽州县 submits t11's October report on 3 November (on time: due the 5th); 高平市 sends nothing. Assessed on
    /// 10 November for 1 October – 9 November, 高平市's section links its missing October t11 report and 泽州县's
    /// does not; the office alone reads the page; a date that is no date is refused with the reason.
    @Test func pointsAreExplainedAndLinkedToTheirFacts() async throws {
        try await withLantian(at: "2021-11-03T10:00:00+08:00") { app, clock, _ in
            try await WebTests.makeUnitUsers(app)
            var leader = Browser(app)
            try await leader.login("zz-leader")
            let submitted = try await leader.postMultipart(
                "/tasks/t11/reports/zezhou/2021-10",
                [
                    ("action", "approve"), ("reportedStatus", "inProgress"), ("narrative", "十月进展"),
                    ("values[households]", "900"),
                ])
            #expect(submitted.status == .seeOther)
            clock.set("2021-11-10T10:00:00+08:00")
            var office = Browser(app)
            try await office.login("office1")
            let page = try await office.get("/assessment?from=2021-10-01&to=2021-11-09")
            #expect(page.status == .ok)
            let html = page.body.string
            let gaoping = try #require(Self.section(html, unit: "gaoping"))
            #expect(gaoping.contains("href=\"/tasks/t11/reports/gaoping/2021-10\""))
            #expect(gaoping.contains("2021年10月 t11：未报"))
            let zezhou = try #require(Self.section(html, unit: "zezhou"))
            #expect(!zezhou.contains("/tasks/t11/reports/zezhou/2021-10"), "an on-time report is no fault")
            #expect(zezhou.contains("href=\"/tasks/t11?asOf=2021-11-09\""), "its tasks link to their pages")
            #expect(html.contains("data-unit=\"zezhou\""))
            #expect(html.contains("量化问责名单"))

            var unit = Browser(app)
            try await unit.login("zz-reporter")
            #expect(try await unit.get("/assessment").status == .forbidden)
            let bad = try await office.get("/assessment?from=2021-13-01")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("日期应为 YYYY-MM-DD：2021-13-01"))
        }
    }

    /// The unit's section of the page, from its anchor to the next section.
    static func section(_ html: String, unit: String) -> String? {
        guard let start = html.range(of: "<section id=\"unit-\(unit)\"") else { return nil }
        let rest = html[start.lowerBound...]
        let end = rest.range(of: "</section>")?.upperBound ?? rest.endIndex
        return String(rest[..<end])
    }
}
