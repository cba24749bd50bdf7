import Foundation
import NIOConcurrencyHelpers
import Persistence
import Services
import Testing
import Vapor
import VaporTesting

@testable import Web

/// 通知 (issue 14): reminders before the 5th, returns, warnings; on the unit's home page, sent once.
@Suite(.serialized) struct NoticeTests {
    final class Recording: NoticeGateway {
        let sent = NIOLockedValueBox<[NoticeStore.Stored]>([])
        func send(_ notice: NoticeStore.Stored) async throws { sent.withLockedValue { $0.append(notice) } }
    }

    /// On 3 November (October's reports due on the 5th, two days on): with one day's notice nothing is due yet;
    /// with three, every unit still owing October gets one reminder naming what it owes — 泽州县, which sent t11
    /// already, without t11, 高平市 with it — and a second sweep adds and sends nothing. The office returns
    /// 泽州县's report and issues a warning: 泽州县 finds both on its home page, 高平市 only the warning; marking
    /// them read empties the panel.
    @Test func unitsAreRemindedAndToldOnce() async throws {
        try await withLantian(at: "2021-11-03T10:00:00+08:00") { app, clock, _ in
            try await WebTests.makeUnitUsers(app)
            var leader = Browser(app)
            try await leader.login("zz-leader")
            let sent = try await leader.postMultipart(
                "/tasks/t11/reports/zezhou/2021-10",
                [
                    ("action", "approve"), ("reportedStatus", "inProgress"), ("narrative", "十月"),
                    ("values[households]", "900"),
                ])
            #expect(sent.status == .seeOther)
            let notices = Notices(
                campaigns: Campaigns(db: app.db, caches: app.campaignCaches, sources: app.indicatorSources))
            let gateway = Recording()
            let early = try await notices.sweep(now: clock.now, daysAhead: 1, gateway: gateway)
            #expect(early == .init(added: 0, sent: 0), "two days before the deadline is not within one")
            let first = try await notices.sweep(now: clock.now, daysAhead: 3, gateway: gateway)
            #expect(first.added > 10 && first.sent == first.added)
            let again = try await notices.sweep(now: clock.now, daysAhead: 3, gateway: gateway)
            #expect(again == .init(added: 0, sent: 0), "the same reminder is not added or sent twice")
            let store = NoticeStore(database: app.db)
            let zezhou = try #require(try await store.notices(unit: "zezhou").first { $0.kind == .reportDue })
            let gaoping = try #require(try await store.notices(unit: "gaoping").first { $0.kind == .reportDue })
            #expect(zezhou.title.contains("2021年10月进展须于 2021年11月5日前报送"))
            #expect(!zezhou.body.split(separator: "、").contains("t11") && !zezhou.body.contains("：t11"))
            #expect(gaoping.body.contains("t11"))
            #expect(gateway.sent.withLockedValue { $0.count } == first.added)

            var office = Browser(app)
            try await office.login("office1")
            try await office.get("/tasks/t11/reports/zezhou/2021-10")
            let returned = try await office.post(
                "/tasks/t11/reports/zezhou/2021-10/action", [("action", "returnToUnit"), ("comment", "请补充验收单")])
            #expect(returned.status == .seeOther)
            clock.set("2021-11-03T11:00:00+08:00")
            try await office.get("/emergency")
            let issued = try await EmergencyStore(database: app.db).issue(
                level: .orange, starts: "2021-11-03T12:00", expectedEnd: "2021-11-05T12:00", document: "晋市气防办〔2021〕9号",
                rules: "shanxi-2020", reason: "预报", actor: .system, at: clock.now)
            _ = issued

            var reporter = Browser(app)
            try await reporter.login("zz-reporter")
            let home = try await reporter.get("/").body.string
            #expect(home.contains("未读通知"))
            #expect(home.contains("t11 2021年10月报告被退回，请修改后重新报送"))
            #expect(home.contains("退回意见：请补充验收单"))
            #expect(home.contains("href=\"/tasks/t11/reports/zezhou/2021-10\""))
            #expect(home.contains("发布橙色预警：晋市气防办〔2021〕9号"))
            var other = Browser(app)
            try await other.login("gp-reporter")
            let theirs = try await other.get("/notices").body.string
            #expect(theirs.contains("发布橙色预警") && !theirs.contains("请补充验收单"), "a unit reads its own notices")
            #expect(try await reporter.post("/notices/read", []).status == .seeOther)
            let after = try await reporter.get("/").body.string
            #expect(!after.contains("未读通知"))
            #expect(try await store.unreadCount(unit: "zezhou") == 0)
            #expect(try await store.unreadCount(unit: "gaoping") > 0, "only the unit's own are marked")
        }
    }
}
