import Campaign
import Foundation
import LantianCore
import Persistence
import Services
import Testing

@testable import Web

/// The page models, built from the services' values alone: what each page says, without HTTP or a database.
@Suite struct PageModelTests {
    /// 泽州县's 本单位任务 on 3 November: the October reports (due the 5th, 23:59, per the plan's reporting
    /// rule), one line per task the county takes part in — 52 of the plan's 74, the count a 泽州县 reporter sees.
    @Test func myTasksListsTheCountysTasksForTheMonthDue() throws {
        let model = MyTasksPage.Model(snapshot: try PageFixture.snapshot(), user: PageFixture.zezhouReporter)
        #expect(model.month == ReportMonth("2021-10"))
        #expect(model.due == "2021-11-05 23:59")
        #expect(model.lines.count == 52)
        #expect(model.supervised.isEmpty)
        let t11 = try #require(model.lines.first { $0.code == "t11" })
        #expect(t11.role == "负责落实")
        #expect(t11.reportLink == "/tasks/t11/reports/zezhou/2021-10")
        #expect(t11.reportState == nil)
    }

    /// What is due this month, by state; a report the office sent back comes first, with its comment.
    @Test func myTasksPutsReturnedReportsFirstAndCountsWhatIsDue() throws {
        let returned = ReportFacts(
            unit: "zezhou", month: ReportMonth("2021-10")!, state: .returned, reportedStatus: .inProgress,
            submittedAt: PageFixture.instant("2021-11-02T09:00:00+08:00"), values: [:], comment: "请补充改造户数佐证")
        let snapshot = try PageFixture.snapshot(
            facts: [
                "t31": [returned],
                "t14": [PageFixture.report("zezhou", "2021-10", .draft)],
                "t11": [
                    PageFixture.report("zezhou", "2021-10", .submitted, submittedAt: "2021-11-02T10:00:00+08:00"),
                    PageFixture.report("gaoping", "2021-10", .draft),
                ],
            ])
        let model = MyTasksPage.Model(snapshot: snapshot, user: PageFixture.zezhouReporter)
        #expect(model.lines.first?.code == "t31")
        #expect(model.lines.first?.returnedWith == "请补充改造户数佐证")
        #expect(model.lines.dropFirst().allSatisfy { $0.returnedWith == nil })
        #expect(
            model.counts == .init(total: 52, notStarted: 49, drafts: 1, pending: 0, submitted: 1, returned: 1))
    }

    /// 散煤治理 (t11): another county's draft shows its state but no link, for the office and for a neighbour;
    /// a submitted report links for the office; a unit's own draft links for itself.
    @Test func taskPageLinksOnlyTheReportsTheReaderMayOpen() throws {
        let snapshot = try PageFixture.snapshot(
            at: "2021-11-10T10:00:00+08:00",
            facts: [
                "t11": [
                    PageFixture.report("zezhou", "2021-10", .draft, households: 1200),
                    PageFixture.report(
                        "gaoping", "2021-10", .submitted, households: 900, submittedAt: "2021-11-04T16:00:00+08:00"),
                ]
            ])
        func cell(_ model: TaskPage.Model, _ unitName: String) throws -> TaskPage.Model.Cell {
            let line = try #require(model.units.first { $0.unitName == unitName })
            return try #require(line.cells.first { $0.month == ReportMonth("2021-10") })
        }
        let office = try #require(
            TaskPage.Model(snapshot: snapshot, code: "t11", user: PageFixture.office, isConnected: { _ in false }))
        #expect(try cell(office, "泽州县人民政府").state == .draft)
        #expect(try cell(office, "泽州县人民政府").link == nil)
        #expect(try cell(office, "高平市人民政府").link == "/tasks/t11/reports/gaoping/2021-10")
        #expect(try cell(office, "高平市人民政府").late == false)

        let neighbour = try #require(
            TaskPage.Model(
                snapshot: snapshot, code: "t11", user: PageFixture.gaopingReporter, isConnected: { _ in false }))
        #expect(try cell(neighbour, "泽州县人民政府").link == nil)
        #expect(try cell(neighbour, "高平市人民政府").link == "/tasks/t11/reports/gaoping/2021-10")

        let own = try #require(
            TaskPage.Model(
                snapshot: snapshot, code: "t11", user: PageFixture.zezhouReporter, isConnected: { _ in false }))
        #expect(try cell(own, "泽州县人民政府").link == "/tasks/t11/reports/zezhou/2021-10")
        #expect(own.facts.contains { $0 == ("牵头单位", "市能源局") })
        #expect(own.facts.contains { $0 == ("完成时限", "2021年10月底前（2021-10-31）") })
        #expect(
            TaskPage.Model(snapshot: snapshot, code: "t99", user: PageFixture.office, isConnected: { _ in false })
                == nil)
    }

    /// The dashboard on 6 November, after October's reports fell due: all 74 tasks counted once, October named
    /// as the month due, and 散煤治理 — due by 31 October, not reported done — among the urgent tasks as overdue.
    @Test func dashboardCountsEveryTaskAndNamesTheMonthDue() throws {
        let snapshot = try PageFixture.snapshot(at: "2021-11-06T09:00:00+08:00")
        let model = DashboardPage.Model(snapshot: snapshot, season: nil)
        #expect(model.total == 74)
        #expect(model.counts.values.reduce(0, +) == 74)
        #expect(model.reportMonth == ReportMonth("2021-10"))
        #expect(model.reportDue == "2021-11-05 23:59")
        let t11 = try #require(model.urgent.first { $0.code == "t11" })
        #expect(t11.status == .overdue)
        #expect(t11.lead == "市能源局")
        #expect(DashboardPage.Model.seasonDay(snapshot) == CivilDate("2021-11-05"))
        // Per county, how many of October's reports are in: none yet of 泽州县's 52.
        let zezhou = try #require(model.byCounty.first { $0.unit.code == "zezhou" })
        #expect(model.reportingMonth == ReportMonth("2021-10"))
        #expect(zezhou.reportsAsked == 52 && zezhou.reportsIn == 0 && zezhou.missingReports == 52)
        let oneIn = DashboardPage.Model(
            snapshot: try PageFixture.snapshot(
                at: "2021-11-06T09:00:00+08:00",
                facts: [
                    "t11": [
                        PageFixture.report("zezhou", "2021-10", .submitted, submittedAt: "2021-11-04T10:00:00+08:00")
                    ]
                ]),
            season: nil)
        let after = try #require(oneIn.byCounty.first { $0.unit.code == "zezhou" })
        #expect(after.reportsAsked == 52 && after.reportsIn == 1 && after.missingReports == 51)
    }

    /// The task list filtered to 泽州县 holds the same 52 tasks as its own list, grouped by category, the plan's first task first.
    @Test func taskListFilteredToACountyHoldsItsTasks() throws {
        let snapshot = try PageFixture.snapshot()
        let model = TaskListPage.Model(snapshot: snapshot, filter: TaskFilter(county: "zezhou"))
        #expect(model.total == 52)
        #expect(model.groups.map(\.rows.count).reduce(0, +) == 52)
        // The county choices: the six counties' governments and 开发区管委会.
        #expect(model.counties.count == 7)
        #expect(model.groups.first?.rows.first?.code == "s01-1")
    }

    /// 月度报送 for the reporter: the row sent back first with the leader's comment; counts over the 51 reports
    /// asked (s04-1 closed); 散煤治理 carried and carriable, "1.6万" typed on it read back as 16,000 户 and marked
    /// unsaved; s03-1 waits for the leader, so what was typed on it is not the reporter's to change.
    @Test func monthlyPageForTheReporter() throws {
        let snapshot = try PageFixture.snapshot(at: "2021-12-03T10:00:00+08:00")
        let sheet = PageFixture.zezhouNovember()
        let model = MonthlyPage.Model(
            sheet: sheet, snapshot: snapshot, user: PageFixture.zezhouReporter,
            entered: [
                "t11": ReportEntry(reportedStatus: "inProgress", values: ["households": "1.6万"], narrative: "十一月"),
                "s03-1": ReportEntry(reportedStatus: "inProgress", values: ["households": "1"], narrative: "x"),
            ], maxUploadMB: 20)
        #expect(model.rows.count == 52)
        #expect(model.rows.first?.code == "s01-3")
        #expect(model.rows.first?.comment == "请补充搬迁时间表")
        #expect(model.rows.last?.code == "s04-1", "the row no longer asked comes last")
        #expect(
            model.counts == ReportCounts(total: 51, notStarted: 47, drafts: 1, pending: 1, submitted: 1, returned: 1))
        let t11 = try #require(model.rows.first { $0.code == "t11" })
        #expect(t11.editable && t11.canCarryForward && t11.unsaved)
        #expect(t11.fields.first?.value == "1.6万")
        #expect(t11.fields.first?.readAs == "16,000 户")
        #expect(t11.fields.first?.lastMonth == "1,200")
        let s031 = try #require(model.rows.first { $0.code == "s03-1" })
        #expect(!s031.editable && !s031.reviewable && s031.fields.first?.value == "16000" && !s031.unsaved)
        #expect(model.bulk.map(\.command) == [.saveAll, .submitAll])
        #expect(model.readOnlyNote == nil)
        // An input holds the stored value exactly, not the page's two-decimal rounding: saving it unchanged keeps it.
        var precise = sheet
        let index = try #require(precise.rows.firstIndex { $0.task.code == "t11" })
        precise.rows[index].content?.values["households"] = 1234.567
        let exact = MonthlyPage.Model(
            sheet: precise, snapshot: snapshot, user: PageFixture.zezhouReporter, maxUploadMB: 20)
        #expect(exact.rows.first { $0.code == "t11" }?.fields.first?.value == "1234.567")
    }

    /// The leader reviews the row waiting for approval; the office reads without a form.
    @Test func monthlyPageForTheLeaderAndTheOffice() throws {
        let snapshot = try PageFixture.snapshot(at: "2021-12-03T10:00:00+08:00")
        let leader = MonthlyPage.Model(
            sheet: PageFixture.zezhouNovember(), snapshot: snapshot, user: PageFixture.zezhouLeader, maxUploadMB: 20)
        #expect(leader.rows.filter(\.reviewable).map(\.code) == ["s03-1"])
        #expect(leader.rows.first { $0.code == "t11" }?.leaderSubmits == true)
        #expect(leader.bulk.map(\.command) == [.saveAll, .approveAll])
        var sheet = PageFixture.zezhouNovember()
        sheet.access = .asSubmitted
        let office = MonthlyPage.Model(sheet: sheet, snapshot: snapshot, user: PageFixture.office, maxUploadMB: 20)
        #expect(office.rows.allSatisfy { !$0.editable && !$0.reviewable && !$0.canCarryForward })
        #expect(office.bulk.isEmpty)
        #expect(office.readOnlyNote?.contains("已报送大气办的内容") == true)
    }

    @Test func monthlyCommandsRoundTrip() {
        for command: MonthlyPage.Command in [
            .saveAll, .submitAll, .approveAll, .save("s01-3"), .carry("t11"), .approve("s03-1"), .reject("s03-1"),
        ] {
            #expect(MonthlyPage.Command(command.value) == command)
        }
        #expect(MonthlyPage.Command("save") == nil)
        #expect(MonthlyPage.Command("delete:t11") == nil)
        #expect(MonthlyPage.Command("saveAll:t11") == nil)
    }
}
