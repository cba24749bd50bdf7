import Campaign
import Foundation
import LantianCore
import Services

extension PublicHomePage {
    /// What the public front page shows: the season against its targets with the charts, the warning in force,
    /// the tasks counted by public status, the latest published bulletins.
    struct Model {
        var figures: SeasonFigures
        var period: String
        /// The season's first and last day numbers (the charts' extent).
        var firstDay: Int
        var lastDay: Int
        var warning: EmergencyPage.Model.WarningRow?
        /// Tasks by public status (``TaskStatus/publicChinese``), in the order 已完成, 推进中, 进度滞后, 逾期未完成.
        var taskCounts: [(status: String, count: Int)]
        var bulletins: [PublicBulletinsPage.Model.Item]

        /// Counts `rows` by the status the public reads.
        static func taskCounts(_ statuses: [TaskStatus]) -> [(status: String, count: Int)] {
            let order = [TaskStatus.done, .onTrack, .lagging, .overdue].map(\.publicChinese)
            let counted = Dictionary(grouping: statuses, by: \.publicChinese).mapValues(\.count)
            return order.map { ($0, counted[$0] ?? 0) }
        }
    }
}
