import Campaign
import Foundation
import LantianCore
import Persistence
import Seed
import Services

@testable import Web

/// The Jincheng plan as pages see it, without a database or a request: the bundled plan file, record ids
/// made up in order, reports given by hand and a fixed moment.
enum PageFixture {
    static let plan: Plan = try! PlanFile.read(SeedPlans.jincheng20212022)

    static let loaded: LoadedPlan = {
        var ids = LoadedPlan.IDs(plan: uuid(0))
        for (index, task) in plan.tasks.enumerated() { ids.tasks[task.code] = uuid(1000 + index) }
        for (index, unit) in plan.units.enumerated() { ids.units[unit.code] = uuid(5000 + index) }
        return LoadedPlan(plan: plan, ids: ids)
    }()

    /// A made-up record id, the same every run.
    static func uuid(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))!
    }

    /// `2021-11-03T10:00:00+08:00`
    static func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func snapshot(
        at time: String = "2021-11-03T10:00:00+08:00", facts: [String: [ReportFacts]] = [:]
    ) throws -> CampaignSnapshot {
        try CampaignSnapshot(loaded: loaded, facts: facts, now: instant(time))
    }

    /// A report of `unit` for `month` in `state`, 散煤治理户数 `households`.
    static func report(
        _ unit: String, _ month: String, _ state: ReportState, households: Double = 0,
        submittedAt: String? = nil
    ) -> ReportFacts {
        ReportFacts(
            unit: unit, month: ReportMonth(month)!, state: state, reportedStatus: .inProgress,
            submittedAt: submittedAt.map(instant), values: ["households": households])
    }

    static func user(_ username: String, role: Role, unit: String) -> CurrentUser {
        CurrentUser(
            id: uuid(9000 + username.count), username: username, displayName: username, role: role, unitCode: unit,
            unitName: plan.units.first { $0.code == unit }?.name ?? unit)
    }

    /// 泽州县's November as its sheet holds it on 3 December: 散煤治理 carried from October, s01-3 sent back by the
    /// leader, s03-1 waiting for the leader, s02-3 submitted, s04-1 closed (October's report accepted as done),
    /// the other tasks not yet written.
    static func zezhouNovember() -> MonthlyReports.Sheet {
        let october = ReportSnapshot(
            reportedStatus: .inProgress, narrative: "十月完成气代煤1200户", values: ["households": 1200], evidence: [])
        var carried = october
        carried.carriedFrom = "2021-10"
        let rows = plan.tasks.filter { ReportPolicy.canReport(unit: "zezhou", on: $0) }.map { task in
            var row = MonthlyReports.Row(task: task, demand: .asked)
            switch task.code {
            case "t11":
                (row.state, row.revision, row.content, row.lastMonth) = (.draft, 1, carried, october)
            case "s01-3":
                row.state = .draft
                row.revision = 3
                row.comment = "请补充搬迁时间表"
                row.content = ReportSnapshot(
                    reportedStatus: .inProgress, narrative: "搬迁方案已报批", values: [:],
                    evidence: [.init(id: uuid(7001), fileName: "搬迁批复.pdf", sha256: "ab")])
            case "s03-1":
                row.state = .pendingApproval
                row.revision = 2
                row.content = ReportSnapshot(
                    reportedStatus: .inProgress, narrative: "气代煤推进", values: ["households": 16000], evidence: [])
            case "s02-3":
                row.state = .submitted
                row.revision = 3
                row.firstSubmittedAt = instant("2021-12-02T09:00:00+08:00")
                row.content = ReportSnapshot(
                    reportedStatus: .done, narrative: "压减完成", values: ["steel-cut": 40.4], evidence: [])
            case "s04-1":
                row.demand = .closed(ReportMonth("2021-10")!)
            default:
                break
            }
            return row
        }
        return MonthlyReports.Sheet(unit: "zezhou", month: ReportMonth("2021-11")!, access: .everyVersion, rows: rows)
    }

    static let office = user("office1", role: .officeAdmin, unit: "office")
    static let zezhouReporter = user("zz-reporter", role: .unitReporter, unit: "zezhou")
    static let gaopingReporter = user("gp-reporter", role: .unitReporter, unit: "gaoping")
    static let zezhouLeader = user("zz-leader", role: .unitLeader, unit: "zezhou")

    static func context(_ user: CurrentUser?, _ section: PageContext.NavSection?) -> PageContext {
        PageContext(user: user, csrf: "fixed-form-token", section: section, notice: nil)
    }
}
