import Assessment
import Campaign
import LantianCore

/// 调度报送情况: the report month whose deadline fell in the bulletin's month (December's, due 5 January, in
/// January's bulletin), per unit asked: on time, late, or still missing at the bulletin's day.
struct ReportingContributor: BulletinContributor {
    func section(_ context: BulletinContext) async throws -> BulletinSection? {
        let snapshot = context.snapshot
        let plan = snapshot.plan
        let reportMonth = context.month.previous
        let rule = plan.reporting
        let dueDay = CivilDate(year: context.month.year, month: context.month.month, day: rule.dueDay)
        guard reportMonth >= ReportMonth(containing: plan.start), reportMonth <= ReportMonth(containing: plan.end),
            let dueDay, dueDay <= context.asOf
        else {
            return .reporting(ReportingFacts(reportMonth: nil, deadline: "", units: [], asOf: context.asOf))
        }
        let lateFrom = snapshot.calendar.lateFrom(reportMonth)
        var byUnit: [String: ReportingFacts.UnitReports] = [:]
        for task in plan.tasks {
            let progress = snapshot.progress(of: task)
            let reports = snapshot.facts[task.code] ?? []
            for unit in task.reportingUnits
            where ReportDemand(unit: unit, task: task, month: reportMonth, progress: progress).isAsked {
                var row =
                    byUnit[unit]
                    ?? ReportingFacts.UnitReports(
                        code: unit, name: snapshot.unitName(unit), asked: 0, onTime: 0, late: 0, missing: 0)
                row.asked += 1
                let submitted = reports.first { $0.unit == unit && $0.month == reportMonth }?.submittedAt
                if progress.submittedMonths[unit]?.contains(reportMonth) == true, let submitted {
                    if submitted >= lateFrom { row.late += 1 } else { row.onTime += 1 }
                } else {
                    row.missing += 1
                }
                byUnit[unit] = row
            }
        }
        let order = Dictionary(plan.units.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let units = byUnit.values.sorted { (order[$0.code] ?? .max, $0.code) < (order[$1.code] ?? .max, $1.code) }
        return .reporting(
            ReportingFacts(
                reportMonth: reportMonth, deadline: "\(dueDay.chineseDay) \(rule.dueTime)", units: units,
                asOf: context.asOf))
    }
}
