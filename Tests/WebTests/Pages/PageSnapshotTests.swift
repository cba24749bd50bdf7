import Campaign
import Foundation
import LantianCore
import Plot
import Services
import SnapshotTesting
import Testing

@testable import Web

/// The main pages' HTML, rendered from page models of the bundled plan, against the snapshots in
/// `__Snapshots__/`: a change to what a page writes shows as a diff to review. After an intended change, delete
/// the page's snapshot and run the tests once to record it anew.
@Suite struct PageSnapshotTests {
    private static func html(_ page: HTML) -> String {
        // One element per line, so that a diff names the part of the page that changed.
        page.render(indentedBy: .spaces(1))
    }

    private static let reports: [String: [ReportFacts]] = [
        "t11": [
            PageFixture.report("zezhou", "2021-10", .draft, households: 1200),
            PageFixture.report(
                "gaoping", "2021-10", .submitted, households: 900, submittedAt: "2021-11-04T16:00:00+08:00"),
        ]
    ]

    @Test func dashboard() throws {
        let snapshot = try PageFixture.snapshot(at: "2021-11-10T10:00:00+08:00", facts: Self.reports)
        let page = DashboardPage.render(
            DashboardPage.Model(snapshot: snapshot, season: nil), PageFixture.context(PageFixture.office, .dashboard))
        assertSnapshot(of: Self.html(page), as: .lines)
    }

    @Test func taskList() throws {
        let snapshot = try PageFixture.snapshot(at: "2021-11-10T10:00:00+08:00", facts: Self.reports)
        let page = TaskListPage.render(
            TaskListPage.Model(snapshot: snapshot, filter: TaskFilter(county: "gaoping", category: "能源结构调整")),
            PageFixture.context(PageFixture.office, .tasks))
        assertSnapshot(of: Self.html(page), as: .lines)
    }

    @Test func task() throws {
        let snapshot = try PageFixture.snapshot(at: "2021-11-10T10:00:00+08:00", facts: Self.reports)
        let model = try #require(
            TaskPage.Model(snapshot: snapshot, code: "t11", user: PageFixture.office, isConnected: { _ in false }))
        let page = TaskPage.render(model, PageFixture.context(PageFixture.office, .tasks))
        assertSnapshot(of: Self.html(page), as: .lines)
    }

    @Test func myTasks() throws {
        let snapshot = try PageFixture.snapshot(at: "2021-11-03T10:00:00+08:00", facts: Self.reports)
        let page = MyTasksPage.render(
            MyTasksPage.Model(snapshot: snapshot, user: PageFixture.zezhouReporter),
            PageFixture.context(PageFixture.zezhouReporter, .myTasks))
        assertSnapshot(of: Self.html(page), as: .lines)
    }

    /// A unit's new report for October: the empty form with the steps a reporter may take.
    @Test func newReport() throws {
        let snapshot = try PageFixture.snapshot()
        let task = try #require(PageFixture.loaded.task(code: "t11"))
        let view = ReportReading.View(access: .everyVersion, record: nil, submitted: nil, revisions: [])
        let model = ReportPage.Model(
            view: view, snapshot: snapshot, task: task, unit: "zezhou", month: ReportMonth("2021-10")!,
            user: PageFixture.zezhouReporter, errors: ["报送前请填写进展情况"], entered: nil, maxUploadMB: 20)
        let page = ReportPage.render(model, PageFixture.context(PageFixture.zezhouReporter, .myTasks))
        assertSnapshot(of: Self.html(page), as: .lines)
    }

    /// 泽州县's November as its reporter sees it, with a typed number read back and a refused row.
    @Test func monthly() throws {
        let snapshot = try PageFixture.snapshot(at: "2021-12-03T10:00:00+08:00")
        let model = MonthlyPage.Model(
            sheet: PageFixture.zezhouNovember(), snapshot: snapshot, user: PageFixture.zezhouReporter,
            entered: ["s03-4": ReportEntry(reportedStatus: "inProgress", values: [:], narrative: "巡查中")],
            problems: ["s02-2": ["报送前请填写进展情况"]], errors: ["s02-2 严禁新增钢铁冶炼产能：报送前请填写进展情况"],
            maxUploadMB: 20)
        let page = MonthlyPage.render(model, PageFixture.context(PageFixture.zezhouReporter, .monthly))
        assertSnapshot(of: Self.html(page), as: .lines)
    }

    @Test func login() {
        let page = LoginPage.render(
            LoginPage.Model(username: "zz-reporter", next: "/my", error: "用户名或密码不正确"), PageFixture.context(nil, nil))
        assertSnapshot(of: Self.html(page), as: .lines)
    }
}
