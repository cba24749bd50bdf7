import Campaign
import Foundation
import Plot
import Services

/// What the page shows, built from the services' values without a request (page-model tests build it too).
extension TaskListPage {
    struct Model {
        var filter: TaskFilter
        var groups: [(category: String, rows: [Line])]
        var total: Int
        var leads: [(String, String)]
        var counties: [(String, String)]
        var categories: [String]
    }

    struct Line {
        var code: String
        var origin: String
        var title: String
        var measures: String
        var deadline: String
        var lead: String
        var responsible: String
        var indicators: String
        var status: TaskStatus
        var explanation: String
    }
}

extension TaskListPage.Model {
    /// The tasks of `snapshot` that pass `filter`, grouped by category in plan order, with the filter's choices.
    init(snapshot: CampaignSnapshot, filter: TaskFilter) {
        let rows = TaskRow.rows(snapshot, filter: filter)
        var groups: [(category: String, rows: [TaskListPage.Line])] = []
        for row in rows {
            let line = TaskListPage.Line(
                code: row.task.code, origin: row.task.origin.chinese, title: row.task.title,
                measures: row.task.measures.count > 90 ? String(row.task.measures.prefix(90)) + "…" : row.task.measures,
                deadline: row.task.deadlineText, lead: UI.unitNames(row.task.lead, snapshot),
                responsible: UI.unitNames(row.task.responsible, snapshot), indicators: row.indicatorSummary(),
                status: row.status, explanation: row.explanation(snapshot))
            if let index = groups.firstIndex(where: { $0.category == row.task.category }) {
                groups[index].rows.append(line)
            } else {
                groups.append((row.task.category, [line]))
            }
        }
        let plan = snapshot.plan
        let leadCodes = Set(plan.tasks.flatMap(\.lead))
        self.init(
            filter: filter, groups: groups, total: rows.count,
            leads: plan.units.filter { leadCodes.contains($0.code) && $0.kind != .county }.map { ($0.code, $0.name) },
            counties: plan.units.filter { $0.kind == .county }.map { ($0.code, $0.name) },
            categories: plan.tasks.map(\.category).reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
    }
}
