import Campaign
import Foundation
import LantianCore
import Plot
import Services

/// What the page shows, built from the services' values without a request (page-model tests build it too).
extension PlanPage {
    struct Model {
        var plan: Plan
        var sectionTasks: [Int: Int]
        var tableTasks: Int
        var unitName: (String) -> String
    }
}

extension PlanPage.Model {
    /// The plan of `snapshot` with its sections' task counts.
    init(snapshot: CampaignSnapshot) {
        var sectionTasks: [Int: Int] = [:]
        for task in snapshot.plan.tasks where task.origin == .text {
            if let section = task.section { sectionTasks[section, default: 0] += 1 }
        }
        self.init(
            plan: snapshot.plan, sectionTasks: sectionTasks,
            tableTasks: snapshot.plan.tasks.filter { $0.origin == .table }.count, unitName: snapshot.unitName)
    }
}
