import LantianCore

/// 量化问责 (seed §三(十五)): the units the office holds to account for a period, each with the facts behind it —
/// tasks overdue at the period's end, monthly reports late or missing ``ScoringScheme/lateReportsForAccountability``
/// times or more, and a county whose composite index rose against a year earlier while it ranks last.
public struct AccountabilityList: Sendable {
    public struct Entry: Sendable, Equatable {
        public enum Reason: String, Sendable {
            case missedTasks, lateReports, airWorsenedAndLast
        }

        public var unit: String
        public var name: String
        public var reason: Reason
        public var facts: [String]
    }

    public var entries: [Entry]

    public init(scheme: ScoringScheme, facts: [UnitFacts]) {
        let counties = facts.filter { $0.isCounty && $0.air != nil }
        let ranking = Ranking(counties.map { ($0.code, $0.air?.composite) }, places: 2)
        let lastRank = ranking.entries.compactMap(\.rank).max()
        var entries: [Entry] = []
        for unit in facts {
            let overdue = unit.tasks.filter { $0.status == .overdue }
            if !overdue.isEmpty {
                entries.append(
                    Entry(
                        unit: unit.code, name: unit.name, reason: .missedTasks,
                        facts: overdue.map { "\($0.code) \($0.title) 逾期未完成" }))
            }
            let late = unit.reports.filter { $0.timeliness != .onTime }
            if late.count >= scheme.lateReportsForAccountability {
                entries.append(
                    Entry(
                        unit: unit.code, name: unit.name, reason: .lateReports,
                        facts: late.map { "\($0.month.chinese) \($0.task) \($0.timeliness == .late ? "迟报" : "未报")" }))
            }
            if let air = unit.air, let change = air.change, change > 0, counties.count > 1,
                let rank = ranking.entry(unit.code)?.rank, rank == lastRank
            {
                entries.append(
                    Entry(
                        unit: unit.code, name: unit.name, reason: .airWorsenedAndLast,
                        facts: [
                            "综合指数同比上升 \(NumberText.fixed(change * 100, places: 1))%，排名 \(rank) / \(counties.count)（末位）"
                        ]))
            }
        }
        self.entries = entries
    }
}
