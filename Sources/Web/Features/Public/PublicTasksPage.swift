import Campaign
import Foundation
import Plot

/// 攻坚任务进展（公开）: the plan's tasks as published (此件主动公开) with the status the public reads — what, who
/// leads, by when, how far. Nothing a unit reported is shown: narratives, figures and evidence stay inside.
enum PublicTasksPage {
    struct Model {
        struct Row {
            var code: String
            var title: String
            var measures: String
            var deadline: String
            var lead: String
            var targets: String
            var status: TaskStatus
        }

        struct Group {
            var category: String
            var rows: [Row]
        }

        var groups: [Group]
        var asOf: String
    }

    static func render(_ model: Model) -> HTML {
        Layout.page(
            "攻坚任务进展", .anonymous(.tasks),
            .p(
                .class("muted"),
                .text("状态按各牵头单位的报送和完成时限判定，截至 \(model.asOf)。已完成：牵头单位报告完成且指标均达到目标；进度滞后：指标进度落后于时间进度；逾期未完成：已过完成时限仍未完成。")),
            .forEach(model.groups) { group in
                .group(
                    .h2(.text("\(group.category)（\(group.rows.count)）")),
                    .table(
                        .tr(.th("编号"), .th("任务"), .th("工程措施 / 条款"), .th("完成时限"), .th("牵头单位"), .th("目标"), .th("状态")),
                        .forEach(group.rows) { row in
                            .tr(
                                .td(.text(row.code)), .td(.text(row.title)), .td(.class("small"), .text(row.measures)),
                                .td(.text(row.deadline)), .td(.text(row.lead)),
                                .td(.class("small"), .text(row.targets)),
                                .td(
                                    .span(
                                        .attr(
                                            "class",
                                            "badge s-\(row.status == .notReported ? "onTrack" : row.status.rawValue)"),
                                        .text(row.status.publicChinese))))
                        }))
            }
        )
    }
}
