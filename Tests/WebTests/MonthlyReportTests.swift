import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

/// 月度报送 (issue 9): a unit's month on one page, saved row by row or together, submitted together, approved or
/// sent back row by row.
@Suite(.serialized) struct MonthlyReportTests {
    static let november = "/units/zezhou/months/2021-11"

    /// The rows of a monthly page in order, each with the report state its badge shows ("" before a first save).
    static func rows(_ html: String) -> [(code: String, state: String)] {
        html.components(separatedBy: "<tr id=\"row-").dropFirst().map { chunk in
            let code = String(chunk.prefix { $0 != "\"" })
            let row = chunk.components(separatedBy: "</tr>")[0]
            let state = row.range(of: #"badge r-([a-zA-Z]+)"#, options: .regularExpression).map {
                String(row[$0].dropFirst("badge r-".count))
            }
            return (code, state ?? "")
        }
    }

    static func state(_ code: String, _ html: String) -> String? { rows(html).first { $0.code == code }?.state }

    /// The text of the row of `code`.
    static func row(_ code: String, _ html: String) -> String {
        html.components(separatedBy: "<tr id=\"row-\(code)\"").dropFirst().first?.components(separatedBy: "</tr>")[0]
            ?? ""
    }

    /// 泽州县's November on 3 December: all 52 tasks on one page; 散煤治理 carried from October; 1.6万 read as
    /// 16000; a row saved while another keeps what was typed; a bad number refuses the save and changes nothing;
    /// a file on one row; everything written sent to the leader together, who sends one row back and passes the
    /// rest; the row sent back comes first; the office's dashboard counts the unit's reports in.
    @Test func aCountyReportsItsMonthOnOnePage() async throws {
        try await withLantian(at: "2021-11-03T10:00:00+08:00") { app, clock, _ in
            try await WebTests.makeUnitUsers(app)
            var leader = Browser(app)
            try await leader.login("zz-leader")
            let october = try await leader.postMultipart(
                "/tasks/t11/reports/zezhou/2021-10",
                [
                    ("action", "approve"), ("reportedStatus", "inProgress"), ("narrative", "十月完成气代煤1200户"),
                    ("values[households]", "1,200"),
                ])
            #expect(october.status == .seeOther)
            clock.set("2021-12-03T10:00:00+08:00")

            var reporter = Browser(app)
            try await reporter.login("zz-reporter")
            let mine = try await reporter.get("/my/month")
            #expect(mine.headers.first(name: .location) == Self.november)
            let first = try await reporter.get(Self.november)
            #expect(first.status == .ok)
            let page = first.body.string
            #expect(Self.rows(page).count == 52)
            #expect(page.contains("value=\"carry:t11\""), "October's submitted report can be carried")
            #expect(!page.contains("value=\"carry:s03-1\""), "no October report of s03-1 to carry")
            // Last month's value beside the input.
            #expect(Self.row("t11", page).contains("上月 1,200 户"))

            // 与上月相同 on t11.
            let carried = try await reporter.postMultipart(Self.november, [("action", "carry:t11")])
            #expect(carried.status == .seeOther)
            #expect(carried.headers.first(name: .location) == Self.november + "?notice=carried#row-t11")
            var now = try await reporter.get(Self.november).body.string
            #expect(Self.state("t11", now) == "draft")
            #expect(Self.row("t11", now).contains("value=\"1200\""))
            #expect(Self.row("t11", now).contains("与上月相同（沿用2021年10月，未修改）"))

            // Save one row while another holds typed text: the other stays on the page, marked unsaved.
            let one = try await reporter.postMultipart(
                Self.november,
                [
                    ("action", "save:s03-1"), ("rows[s03-1][reportedStatus]", "inProgress"),
                    ("rows[s03-1][values][households]", "1.6万"), ("rows[s03-1][narrative]", "气代煤、电代煤推进"),
                    ("rows[s01-3][reportedStatus]", "inProgress"), ("rows[s01-3][narrative]", "搬迁方案已报批"),
                ])
            #expect(one.status == .ok)
            now = one.body.string
            #expect(now.contains("另有 1 行的修改尚未保存"))
            #expect(Self.state("s03-1", now) == "draft")
            #expect(Self.row("s03-1", now).contains("value=\"16000\""), "1.6万 is stored as 16000")
            #expect(Self.row("s01-3", now).contains("搬迁方案已报批"))
            #expect(Self.row("s01-3", now).contains("未保存"))
            #expect(Self.state("s01-3", now) == "")

            // A number that cannot be read refuses the whole save, names the row, and changes nothing.
            let bad = try await reporter.postMultipart(
                Self.november,
                [
                    ("action", "saveAll"), ("rows[s02-3][reportedStatus]", "inProgress"),
                    ("rows[s02-3][values][steel-cut]", "1.6w"), ("rows[s02-3][narrative]", "压减中"),
                    ("rows[s01-3][reportedStatus]", "inProgress"), ("rows[s01-3][narrative]", "搬迁方案已报批"),
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("s02-3 福盛钢铁粗钢产量压减40.4万吨：粗钢产量压减量：“1.6w”不是数值"))
            #expect(Self.row("s02-3", bad.body.string).contains("value=\"1.6w\""), "what was typed comes back")
            now = try await reporter.get(Self.november).body.string
            #expect(Self.state("s01-3", now) == "" && Self.state("s02-3", now) == "")

            // Save everything typed, with a file on s01-3: three rows written.
            let saved = try await reporter.postMultipart(
                Self.november,
                [
                    ("action", "saveAll"), ("rows[s02-3][reportedStatus]", "done"),
                    ("rows[s02-3][values][steel-cut]", "40.4"), ("rows[s02-3][narrative]", "粗钢产量压减完成"),
                    ("rows[s01-3][reportedStatus]", "inProgress"), ("rows[s01-3][narrative]", "搬迁方案已报批"),
                    ("rows[s01-3][revision]", "0"),
                    // Unchanged rows are not written again.
                    ("rows[t11][reportedStatus]", "inProgress"), ("rows[t11][values][households]", "1200"),
                    ("rows[t11][narrative]", "十月完成气代煤1200户"), ("rows[t11][revision]", "1"),
                ],
                files: [("rows[s01-3][evidence][]", "搬迁批复.pdf", "application/pdf", Data("%PDF-1.4 批复".utf8))])
            #expect(saved.status == .seeOther)
            now = try await reporter.get(Self.november).body.string
            #expect(Self.state("s02-3", now) == "draft" && Self.state("s01-3", now) == "draft")
            #expect(Self.row("s01-3", now).contains("搬迁批复.pdf"))
            #expect(Self.row("t11", now).contains("与上月相同（沿用2021年10月"), "t11 still carried unchanged")

            // Sent together: the four rows written go to the leader; the 48 never written stay as they are.
            let sent = try await reporter.postMultipart(Self.november, [("action", "submitAll")])
            #expect(sent.status == .seeOther)
            now = try await reporter.get(Self.november).body.string
            let pending = Self.rows(now).filter { $0.state == "pendingApproval" }.map(\.code)
            #expect(Set(pending) == ["t11", "s03-1", "s02-3", "s01-3"])
            #expect(Self.rows(now).filter { $0.state == "" }.count == 48)

            // The leader: sending back needs a comment; one row sent back, the rest passed.
            try await leader.login("zz-leader")
            let noComment = try await leader.postMultipart(Self.november, [("action", "reject:s01-3")])
            #expect(noComment.status == .unprocessableEntity)
            #expect(noComment.body.string.contains("请填写退回意见"))
            let back = try await leader.postMultipart(
                Self.november, [("action", "reject:s01-3"), ("rows[s01-3][comment]", "请补充搬迁时间表")])
            #expect(back.status == .seeOther)
            let passed = try await leader.postMultipart(Self.november, [("action", "approveAll")])
            #expect(passed.status == .seeOther)

            now = try await reporter.get(Self.november).body.string
            #expect(Self.rows(now).first?.code == "s01-3", "the row sent back comes first")
            #expect(Self.row("s01-3", now).contains("退回意见：请补充搬迁时间表"))
            #expect(Set(Self.rows(now).filter { $0.state == "submitted" }.map(\.code)) == ["t11", "s03-1", "s02-3"])
            #expect(now.contains("已报送 3，已退回 1"))
            let list = try await reporter.get("/my").body.string
            #expect(list.contains("退回意见：请补充搬迁时间表"))

            // The office: 泽州县's November reports in, counted against those asked of it.
            var office = Browser(app)
            try await office.login("office1")
            let dashboard = try await office.get("/").body.string
            #expect(dashboard.contains("2021年11月已报"))
            let county = try #require(
                dashboard.components(separatedBy: "<tr>").first { $0.contains(">泽州县人民政府</a>") })
            #expect(county.contains(">3/"), "three of 泽州县's November reports are in: \(county)")
            // The office reads what was submitted, not the draft sent back to the reporter.
            let read = try await office.get(Self.november).body.string
            #expect(Self.state("t11", read) == "submitted")
            #expect(Self.state("s01-3", read) == "")
            #expect(!read.contains("value=\"saveAll\""))
        }
    }

    /// Two people on one unit's month: a row changed since the page was opened is refused, not overwritten.
    @Test func aRowChangedSinceThePageWasOpenedIsNotOverwritten() async throws {
        try await withLantian(at: "2021-12-03T10:00:00+08:00") { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            var reporter = Browser(app)
            try await reporter.login("zz-reporter")
            var leader = Browser(app)
            try await leader.login("zz-leader")
            let fields = [("rows[s03-1][reportedStatus]", "inProgress"), ("rows[s03-1][revision]", "0")]
            #expect(
                try await leader.postMultipart(
                    Self.november, [("action", "save:s03-1"), ("rows[s03-1][narrative]", "负责人先写")] + fields
                ).status == .seeOther)
            let late = try await reporter.postMultipart(
                Self.november, [("action", "save:s03-1"), ("rows[s03-1][narrative]", "填报员后写")] + fields)
            #expect(late.status == .unprocessableEntity)
            #expect(late.body.string.contains("在您打开页面后已被修改"))
            #expect(Self.row("s03-1", late.body.string).contains("填报员后写"), "what was typed comes back")
            #expect(Self.row("s03-1", try await leader.get(Self.november).body.string).contains("负责人先写"))
        }
    }

    /// Only the unit's own reporter and leader write its month; another county may not even read it.
    @Test func onlyTheUnitWritesItsMonth() async throws {
        try await withLantian(at: "2021-12-03T10:00:00+08:00") { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            var other = Browser(app)
            try await other.login("gp-reporter")
            #expect(try await other.get(Self.november).status == .forbidden)
            let write = try await other.postMultipart(
                Self.november,
                [
                    ("action", "save:s03-1"), ("rows[s03-1][reportedStatus]", "inProgress"),
                    ("rows[s03-1][narrative]", "x"),
                ])
            #expect(write.status == .forbidden)
            var office = Browser(app)
            try await office.login("office1")
            #expect(try await office.get(Self.november).status == .ok)
            #expect(
                try await office.postMultipart(Self.november, [("action", "approveAll")]).status == .forbidden)
            var reporter = Browser(app)
            try await reporter.login("zz-reporter")
            #expect(try await reporter.postMultipart(Self.november, [("action", "drop:s03-1")]).status == .badRequest)
            #expect(
                try await reporter.get("/units/zezhou/months/2022-07").status == .notFound, "outside the campaign")
        }
    }

    /// Every report a write changes carries that write's number (the `reports` version it counted): a cache
    /// holding the writes up to N reads exactly the reports of later ones, with no clock involved — and a whole
    /// month saved on the page is one write.
    @Test func aWriteNumbersTheReportsItChanges() async throws {
        try await withLantian(at: "2021-12-03T10:00:00+08:00") { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            var reporter = Browser(app)
            try await reporter.login("zz-reporter")
            func save(_ codes: [String], _ text: String) async throws {
                var fields = [("action", "saveAll")]
                for code in codes {
                    fields += [("rows[\(code)][reportedStatus]", "inProgress"), ("rows[\(code)][narrative]", text)]
                }
                #expect(try await reporter.postMultipart(Self.november, fields).status == .seeOther)
            }
            try await save(["s03-1"], "第一次")
            let plans = PlanStore(database: app.db)
            let loaded = try await plans.load(try #require(try await plans.currentPlan()))
            let store = ReportStore(database: app.db)
            let first = try await store.factsRows(for: loaded)
            #expect(first.map(\.task) == ["s03-1"])
            let n = try #require(first.first?.change)
            try await save(["s01-3", "s02-3", "s03-1"], "第二次")
            let later = try await store.factsRows(for: loaded, changedAfter: n)
            #expect(Set(later.map(\.task)) == ["s01-3", "s02-3", "s03-1"])
            #expect(later.allSatisfy { $0.change == n + 1 }, "one write, one number")
            #expect(try await store.factsRows(for: loaded, changedAfter: n + 1).isEmpty)
        }
    }

    /// The office accepts 泽州县's October report saying t14 is done: on 3 December November's page no longer asks
    /// for t14 — it says why, comes last and is not counted — and neither does 本单位任务.
    @Test func aTaskAcceptedAsDoneIsNoLongerAskedFor() async throws {
        try await withLantian(at: "2021-11-03T10:00:00+08:00") { app, clock, _ in
            try await WebTests.makeUnitUsers(app)
            var leader = Browser(app)
            try await leader.login("zz-leader")
            let done = try await leader.postMultipart(
                "/tasks/t14/reports/zezhou/2021-10",
                [("action", "approve"), ("reportedStatus", "done"), ("narrative", "10台燃煤锅炉已全部淘汰")])
            #expect(done.status == .seeOther)
            var office = Browser(app)
            try await office.login("office1")
            try await office.get("/tasks/t14/reports/zezhou/2021-10")
            let accepted = try await office.post("/tasks/t14/reports/zezhou/2021-10/action", [("action", "accept")])
            #expect(accepted.status == .seeOther)

            clock.set("2021-12-03T10:00:00+08:00")
            var reporter = Browser(app)
            try await reporter.login("zz-reporter")
            let page = try await reporter.get(Self.november).body.string
            #expect(Self.row("t14", page).contains("已完成（2021年10月报告已确认），无需再报"))
            #expect(Self.rows(page).last?.code == "t14")
            #expect(page.contains("应报 51 项"))
            let list = try await reporter.get("/my").body.string
            #expect(list.contains("已完成（2021年10月报告已确认），无需再报"))
            #expect(list.contains("应报 51 项"))
        }
    }
}
