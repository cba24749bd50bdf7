import Campaign
import Foundation
import LantianCore
import Plot
import Services

/// 方案与文件: the plan's issuing document, its forwardings, targets and sections.
enum PlanPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        let plan = model.plan
        return Layout.page(
            plan.title, context,
            .div(
                .class("panel"),
                .h2(.text("印发文件")),
                document(plan.document),
                .dl(
                    .class("facts"),
                    .dt("攻坚期"), .dd(.text("\(plan.start) 至 \(plan.end)")),
                    .dt("报送要求"), .dd(.text("每月\(plan.reporting.dueDay)日 \(plan.reporting.dueTime) 前报送上月进展情况")),
                    .dt("滞后判定"), .dd(.text("指标进度落后于时间进度超过 \(NumberText.percent(plan.statusRules.lagTolerance)) 即为滞后"))
                )
            ),
            .h2(.text("约束性目标")),
            .table(
                .tr(.th("指标"), .th(.class("num"), .text("目标"))),
                .forEach(plan.targets) { t in
                    .tr(
                        .td(.text(t.name)),
                        .td(.class("num"), .text("\(t.direction.symbol) \(NumberText.display(t.value)) \(t.unit)")))
                }
            ),
            .h2(.text("转发文件")),
            .forEach(plan.forwardings) { f in
                .div(
                    .class("panel"),
                    document(f.document),
                    .p(.text("转发单位：\(model.unitName(f.from))；接收单位：\(f.to.map(model.unitName).joined(separator: "、"))")),
                    .ol(
                        .forEach(f.requirements) { code in
                            let task = plan.tasks.first { $0.code == code }
                            return .li(.a(.href(SiteURL.task(code: code)), .text(task?.measures ?? code)))
                        })
                )
            },
            .h2(.text("方案章节")),
            .table(
                .tr(.th("章节"), .th("标题"), .th("部分"), .th(.class("num"), .text("任务数"))),
                .forEach(plan.sections) { s in
                    .tr(
                        .td(.text(s.numeral)),
                        .td(.text(s.title)),
                        .td(.text(s.part)),
                        .td(.class("num"), .text(String(model.sectionTasks[s.number] ?? 0)))
                    )
                }
            ),
            .p(
                .text("附件《措施任务表》共 \(model.tableTasks) 项。"),
                .a(.href(SiteURL.tasks(TaskFilter(origin: "table"))), .text("查看 →")))
        )
    }

    private static func document(_ d: OfficialDocument) -> BodyNode {
        .dl(
            .class("facts"),
            .dt("文号"), .dd(.text(d.number)),
            .dt("发文机关"), .dd(.text(d.issuer)),
            .dt("标题"), .dd(.text(d.title ?? "—")),
            .dt("印发日期"), .dd(.text(d.date?.description ?? "未注明")),
            .dt("主送"), .dd(.text(d.recipients ?? "—")),
            .dt("公开属性"), .dd(.text(d.disclosure.chinese))
        )
    }
}
