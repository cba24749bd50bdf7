import Campaign
import Foundation
import LantianCore
import Plot
import Services

/// 调度总览: the office's view of every task and target.
enum DashboardPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "调度总览", context,
            .form(
                .class("filters"), .method(.get), .action(SiteURL.home),
                .span(.class("muted"), .text("\(model.planTitle) · 攻坚期 \(model.period) · 统计时点 \(model.asOfText)")),
                .label(.text("查看历史时点"), .input(.type(.date), .name("asOf"), .attr("value", model.asOf ?? ""))),
                .button(.type(.submit), .class("secondary"), .text("查看")),
                .if(model.asOf != nil, .a(.class("button secondary"), .href(SiteURL.home), .text("回到当前")))
            ),
            .div(
                .class("cards"),
                .div(.class("card"), .div(.class("n"), .text(String(model.total))), .div(.class("l"), .text("任务总数"))),
                .forEach(TaskStatus.allCases.sorted()) { status in
                    .a(
                        .attr("class", "card s-\(status.rawValue)"),
                        .href(SiteURL.tasks(TaskFilter(status: status.rawValue, asOf: model.asOf))),
                        .div(.class("n"), .text(String(model.counts[status] ?? 0))),
                        .div(.class("l"), .text(status.chinese))
                    )
                }
            ),
            .div(
                .class("two"),
                .div(
                    .class("panel"),
                    .h2(.text("约束性目标")),
                    .table(
                        .tr(.th("指标"), .th(.class("num"), .text("目标")), .th("至今")),
                        .forEach(model.targets) { target in
                            .tr(
                                .td(.text(target.name)),
                                .td(
                                    .class("num"),
                                    .text(
                                        "\(target.direction.symbol) \(NumberText.display(target.value)) \(target.unit)")
                                ),
                                .td(.text(seasonText(target, model.season)))
                            )
                        }
                    )
                ),
                .div(
                    .class("panel"),
                    .h2(.text("月度报送")),
                    .p(
                        .text(
                            model.reportMonth.map { "最近一期应报：\($0.chinese)进展，截止 \(model.reportDue)（每月5日前报送上月进展）。" }
                                ?? "首期报送尚未到期。")),
                    .p(
                        .a(
                            .href(
                                SiteURL.tasks(TaskFilter(status: TaskStatus.notReported.rawValue, asOf: model.asOf))),
                            .text("查看未报送任务 →")))
                )
            ),
            .h2(.text("需要关注的任务")),
            .if(model.urgent.isEmpty, .p(.class("muted"), .text("暂无逾期、未报送或滞后的任务。"))),
            .if(!model.urgent.isEmpty, taskTable(model.urgent, asOf: model.asOf)),
            .if(
                model.urgentTotal > model.urgent.count,
                .p(
                    .a(
                        .href(SiteURL.tasks(TaskFilter(asOf: model.asOf))),
                        .text("共 \(model.urgentTotal) 项，查看全部 →")))
            ),
            .h2(.text("按牵头单位")),
            summaryTable(model.byLead, model.reportingMonth, viewpoint: { TaskFilter(lead: $0, asOf: model.asOf) }),
            .h2(.text("按县（市、区）")),
            summaryTable(
                model.byCounty, model.reportingMonth, viewpoint: { TaskFilter(county: $0, asOf: model.asOf) }),
            .p(.a(.class("button secondary"), .href(SiteURL.dashboardCSV), .text("导出 CSV")))
        )
    }

    /// A target's figure so far, or why there is none.
    static func seasonText(_ target: AirQualityTarget, _ season: SeasonFigures?) -> String {
        guard let season, season.status.pm25Days > 0 || season.status.heavyDays > 0 else { return "暂无监测数据" }
        let s = season.status
        switch target.metric {
        case .pm25PeriodMean:
            let mean = s.pm25Mean.map { String(format: "%.1f", $0) } ?? "—"
            return "\(mean)（有效 \(s.pm25Days)/\(s.elapsedDays) 天；剩余须 \(AirQualityPage.budgetText(s))）"
        case .heavyDays:
            return "\(s.heavyDays) 天（尚余 \(s.heavyDaysLeft) 天）"
        }
    }

    static func taskTable(_ lines: [Model.TaskLine], asOf: String?) -> BodyNode {
        .table(
            .tr(.th("编号"), .th("任务"), .th("牵头单位"), .th("完成时限"), .th("状态"), .th("说明")),
            .forEach(lines) { line in
                .tr(
                    .td(.a(.href(SiteURL.task(code: line.code, asOf: asOf)), .text(line.code))),
                    .td(.a(.href(SiteURL.task(code: line.code, asOf: asOf)), .text(line.title))),
                    .td(.text(line.lead)),
                    .td(.text(line.deadline)),
                    .td(UI.statusBadge(line.status)),
                    .td(.class("small"), .text(line.detail))
                )
            }
        )
    }

    /// Per unit: tasks by status, how many of the reporting month's reports are in (n/m, before and after they are
    /// due), and how many of the latest due month's are missing.
    static func summaryTable(
        _ rows: [StatusSummary], _ month: ReportMonth, viewpoint: @escaping (String) -> TaskFilter
    ) -> BodyNode {
        let statuses = TaskStatus.allCases.sorted()
        return .table(
            .tr(
                .th("单位"), .th(.class("num"), .text("任务")),
                .forEach(statuses) { .th(.class("num"), .text($0.chinese)) },
                .th(.class("num"), .text("\(month.chinese)已报")),
                .th(.class("num"), .text("逾期缺报"))
            ),
            .forEach(rows) { row in
                .tr(
                    .td(.a(.href(SiteURL.tasks(viewpoint(row.unit.code))), .text(row.unit.name))),
                    .td(.class("num"), .text(String(row.total))),
                    .forEach(statuses) { status in
                        let count = row.counts[status] ?? 0
                        var filter = viewpoint(row.unit.code)
                        filter.status = status.rawValue
                        return .td(
                            .class("num"),
                            count == 0 ? .text("0") : .a(.href(SiteURL.tasks(filter)), .text(String(count))))
                    },
                    .td(.class("num"), .text("\(row.reportsIn)/\(row.reportsAsked)")),
                    .td(.attr("class", row.missingReports > 0 ? "num late" : "num"), .text(String(row.missingReports)))
                )
            }
        )
    }
}
