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
        #expect(zezhou.dueReports == 52 && zezhou.missingReports == 52)
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
        #expect(after.dueReports == 52 && after.missingReports == 51)
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
}
