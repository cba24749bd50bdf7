import Foundation
import Testing
import Vapor
import VaporTesting

/// 与上月相同 (issue 9): last month's report drafted as this month's, marked while it is unchanged.
@Suite(.serialized) struct CarryForwardTests {
    static let october = "/tasks/t11/reports/zezhou/2021-10"
    static let november = "/tasks/t11/reports/zezhou/2021-11"

    private static func submitOctober(_ app: Application, households: String) async throws {
        var leader = Browser(app)
        try await leader.login("zz-leader")
        let submitted = try await leader.postMultipart(
            october,
            [
                ("action", "approve"), ("reportedStatus", "inProgress"), ("narrative", "十月完成气代煤\(households)户"),
                ("values[households]", households),
            ])
        #expect(submitted.status == .seeOther)
    }

    /// 泽州县 submitted October (散煤治理 1,200 户); on 3 December the reporter carries it into November: the draft
    /// holds October's figure, status and narrative and says so; changing a figure clears the mark.
    @Test func lastMonthIsCarriedAndAnEditClearsTheMark() async throws {
        try await withLantian(at: "2021-11-03T10:00:00+08:00") { app, clock, _ in
            try await WebTests.makeUnitUsers(app)
            try await Self.submitOctober(app, households: "1,200")
            clock.set("2021-12-03T10:00:00+08:00")
            var reporter = Browser(app)
            try await reporter.login("zz-reporter")
            #expect(try await reporter.get(Self.november).body.string.contains("与上月相同（沿用2021年10月报告）"))
            #expect(try await reporter.postMultipart(Self.november, [("action", "carryForward")]).status == .seeOther)
            let draft = try await reporter.get(Self.november + "?notice=carried").body.string
            #expect(draft.contains("已沿用上月报告"))
            #expect(draft.contains("与上月相同：数值、完成情况和进展情况沿用2021年10月报告"))
            #expect(draft.contains("value=\"1200\""))
            #expect(draft.contains("十月完成气代煤1,200户"))

            let edited = try await reporter.postMultipart(
                Self.november,
                [
                    ("action", "save"), ("reportedStatus", "inProgress"), ("narrative", "十一月累计1300户"),
                    ("values[households]", "1300"),
                ])
            #expect(edited.status == .seeOther)
            #expect(!(try await reporter.get(Self.november)).body.string.contains("与上月相同："))
        }
    }

    /// Carried and submitted unchanged, the office sees the mark; once the office returns the report, carrying
    /// October over it is refused: a returned report answers its comment.
    @Test func theOfficeSeesTheMarkAndAReturnedReportIsNotCarried() async throws {
        try await withLantian(at: "2021-11-03T10:00:00+08:00") { app, clock, _ in
            try await WebTests.makeUnitUsers(app)
            try await Self.submitOctober(app, households: "900")
            clock.set("2021-12-03T10:00:00+08:00")
            var leader = Browser(app)
            try await leader.login("zz-leader")
            #expect(try await leader.postMultipart(Self.november, [("action", "carryForward")]).status == .seeOther)
            // The form re-sends the carried content unchanged when the leader submits it.
            let approved = try await leader.postMultipart(
                Self.november,
                [
                    ("action", "approve"), ("reportedStatus", "inProgress"), ("narrative", "十月完成气代煤900户"),
                    ("values[households]", "900"),
                ])
            #expect(approved.status == .seeOther)
            var office = Browser(app)
            try await office.login("office1")
            #expect(try await office.get(Self.november).body.string.contains("与上月相同：数值、完成情况和进展情况沿用2021年10月报告"))

            #expect(
                try await office.post(Self.november + "/action", [("action", "returnToUnit"), ("comment", "请补充佐证")])
                    .status == .seeOther)
            var reporter = Browser(app)
            try await reporter.login("zz-reporter")
            let page = try await reporter.get(Self.november).body.string
            #expect(!page.contains("与上月相同（沿用"))
            let refused = try await reporter.postMultipart(Self.november, [("action", "carryForward")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("本月报告已被退回，请按退回意见修改，不能沿用上月"))
        }
    }
}
