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

    static let office = user("office1", role: .officeAdmin, unit: "office")
    static let zezhouReporter = user("zz-reporter", role: .unitReporter, unit: "zezhou")
    static let gaopingReporter = user("gp-reporter", role: .unitReporter, unit: "gaoping")

    static func context(_ user: CurrentUser?, _ section: PageContext.NavSection?) -> PageContext {
        PageContext(user: user, csrf: "fixed-form-token", section: section, notice: nil)
    }
}
