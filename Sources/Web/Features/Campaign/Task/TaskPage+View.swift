import Campaign
import Foundation
import LantianCore
import Plot

/// 任务详情: everything about one task, its indicators, and every unit's reports by month.
enum TaskPage {
    /// `content` as a link to `path`, or as it is where the reader may not open it.
    private static func link(_ path: String?, _ content: BodyNode) -> BodyNode {
        guard let path else { return content }
        return .element(named: "a", nodes: [.attr("href", path), content])
    }

    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "\(model.task.code) \(model.task.title)", context,
            .div(
                .class("panel"),
                .p(UI.statusBadge(model.status), .text(" "), .span(.class("muted"), .text(model.explanation))),
                .dl(
                    .class("facts"),
                    .forEach(model.facts) { label, value in .group(.dt(.text(label)), .dd(.text(value))) }
                ),
                .h2(.text("工程措施 / 条款原文")),
                .element(named: "pre", nodes: [.class("measures"), .text(model.task.measures)])
            ),
            .h2(.text("量化指标")),
            .if(model.indicators.isEmpty, .p(.class("muted"), .text("该任务没有量化指标，以牵头单位报告的完成情况为准。"))),
            .if(!model.indicators.isEmpty, indicatorTable(model)),
            .h2(.text("月度报送")),
            .p(.class("muted small"), .text("每月5日 23:59 前报送上月进展；格内为报告状态，红色“迟报”为首次报送晚于截止时间。")),
            .table(
                .tr(.th("单位"), .th("职责"), .forEach(model.months) { .th(.text($0.chinese)) }),
                .forEach(model.units) { unit in
                    .tr(
                        .td(.text(unit.unitName)),
                        .td(.class("small"), .text(unit.role)),
                        .forEach(unit.cells) { cell in
                            .td(
                                .if(
                                    cell.state != nil,
                                    link(
                                        cell.link,
                                        .span(
                                            .attr("class", "badge r-\((cell.state ?? .draft).rawValue)"),
                                            .text((cell.state ?? .draft).chinese)))),
                                .if(cell.state == nil && cell.due, link(cell.link, .span(.class("late"), .text("未报")))),
                                .if(
                                    cell.state == nil && !cell.due, link(cell.link, .span(.class("muted"), .text("—")))),
                                .if(cell.late, .span(.class("late small"), .text(" 迟报")))
                            )
                        }
                    )
                }
            )
        )
    }

    private static func indicatorTable(_ model: Model) -> BodyNode {
        .table(
            .tr(
                .th("指标"), .th("范围"), .th(.class("num"), .text("目标")), .th(.class("num"), .text("当前值")), .th("进度"),
                .th("数据来源"), .th("分解")),
            .forEach(model.indicators) { line in
                let i = line.indicator
                return .tr(
                    .td(.text(i.name)),
                    .td(.class("small"), .text(i.scope ?? "—")),
                    .td(.class("num"), .text(UI.indicatorTarget(i))),
                    .td(.class("num"), .text(line.current.map { "\(NumberText.display($0)) \(i.unit)" } ?? "未报")),
                    .td(.unwrap(line.progress) { .group(UI.progressBar($0), .text(NumberText.percent($0))) }),
                    .td(
                        .class("small"), .text(line.sourceText),
                        .unwrap(line.drillDown(task: model.task.code)) { .a(.attr("href", $0), .text(" 查看明细")) },
                        .unwrap(line.reported) { reported in
                            .div(
                                .class("warn"),
                                .text(
                                    "单位报送 \(NumberText.display(reported)) \(i.unit)，与上述计算值相差 \(NumberText.display(abs(reported - (line.current ?? 0)))) \(i.unit)，请核对"
                                ))
                        }),
                    .td(
                        .class("small"),
                        .text(i.breakdown.map { "\($0.label) \(NumberText.display($0.target))" }.joined(separator: "、"))
                    )
                )
            }
        )
    }
}
