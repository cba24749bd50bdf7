import Campaign
import Foundation
import Plot
import Services

/// 全部任务: every task, grouped by category, filterable by lead unit, county, deadline and status.
enum TaskListPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        let f = model.filter
        return Layout.page(
            "全部任务", context,
            .form(
                .class("filters"), .method(.get), .action(SiteURL.tasks(TaskFilter())),
                UI.select("lead", [("", "全部")] + model.leads, selected: f.lead, label: "牵头单位"),
                UI.select("county", [("", "全部")] + model.counties, selected: f.county, label: "县（市、区）"),
                UI.select(
                    "status", [("", "全部")] + TaskStatus.allCases.sorted().map { ($0.rawValue, $0.chinese) },
                    selected: f.status, label: "状态"),
                .label(.text("完成时限不晚于"), .input(.type(.date), .name("due"), .attr("value", f.due ?? ""))),
                UI.select(
                    "category", [("", "全部")] + model.categories.map { ($0, $0) }, selected: f.category, label: "类别"),
                UI.select(
                    "origin", [("", "全部")] + PlanTask.Origin.allCases.map { ($0.rawValue, $0.chinese) },
                    selected: f.origin, label: "来源"),
                .label(.text("关键词"), .input(.type(.search), .name("q"), .attr("value", f.q ?? ""))),
                .label(.text("统计时点"), .input(.type(.date), .name("asOf"), .attr("value", f.asOf ?? ""))),
                .button(.type(.submit), .text("筛选")),
                .a(.class("button secondary"), .href(SiteURL.tasks(TaskFilter())), .text("清除")),
                .a(.class("button secondary"), .href(SiteURL.tasksCSV(f)), .text("导出 CSV"))
            ),
            .p(.class("muted"), .text("共 \(model.total) 项任务")),
            .forEach(model.groups) { group in
                .group(
                    .h2(.text("\(group.category)（\(group.rows.count)）")),
                    .table(
                        .tr(
                            .th("编号"), .th("任务"), .th("工程措施 / 条款"), .th("完成时限"), .th("牵头单位"), .th("负责落实"),
                            .th("量化指标（当前/目标）"), .th("状态")
                        ),
                        .forEach(group.rows) { line in
                            .tr(
                                .td(
                                    .a(.href(SiteURL.task(code: line.code, asOf: f.asOf)), .text(line.code)),
                                    .div(.class("muted small"), .text(line.origin))),
                                .td(.a(.href(SiteURL.task(code: line.code, asOf: f.asOf)), .text(line.title))),
                                .td(.class("small"), .text(line.measures)),
                                .td(.text(line.deadline)),
                                .td(.text(line.lead)),
                                .td(.class("small"), .text(line.responsible)),
                                .td(.class("small"), .text(line.indicators)),
                                .td(UI.statusBadge(line.status), .div(.class("muted small"), .text(line.explanation)))
                            )
                        }
                    )
                )
            }
        )
    }
}
