import Foundation
import LantianCore
import MarketSupervision
import Plot

/// 市场监管: the bureau's sampling plans with progress and coverage, new plan, latest checks, open cases.
enum MarketPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "市场监管", context,
            .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
            .unwrap(model.results) { outcome in
                .div(
                    .class("panel"), .h2(.text("检验结果导入：\(outcome.file)")),
                    .if(
                        !outcome.problems.isEmpty,
                        .group(
                            .p(.class("errors"), .text("未导入任何结果：")),
                            .ul(.class("errors"), .forEach(outcome.problems.prefix(200)) { .li(.text($0)) }))),
                    .if(
                        outcome.problems.isEmpty,
                        .table(
                            .tr(.th("批号"), .th("结论"), .th("不合格项目")),
                            .forEach(outcome.judged) { line in
                                .tr(
                                    .td(.a(.href(SiteURL.marketCheck(id: line.id)), .text(line.batch))),
                                    .td(verdictBadge(line.verdict)), .td(.text(line.failed)))
                            })))
            },
            .div(
                .class("actions"),
                .if(model.mayRecord, .a(.class("button"), .href(SiteURL.marketNewCheck(product: nil)), .text("录入抽检"))),
                .a(.href(SiteURL.marketRegistry), .text("名录与购销记录")), .text(" · "),
                .a(.href(SiteURL.marketDraws), .text("双随机抽取")), .text(" · "),
                .a(.href(SiteURL.marketStandards(version: nil)), .text("产品标准库"))),
            .if(
                !model.lateDraws.isEmpty,
                .ul(.class("errors"), .forEach(model.lateDraws) { .li(.text($0)) })),
            .h2(.text("抽检计划")),
            .if(model.plans.isEmpty, .p(.class("muted"), .text("尚未建立抽检计划。"))),
            .if(
                !model.plans.isEmpty,
                .table(
                    .class("plans"),
                    .tr(
                        .th("计划"), .th("年度"), .th(.class("num"), .text("计划批次")), .th(.class("num"), .text("已抽检")),
                        .th(.class("num"), .text("不合格")), .th("进度"), .th("年度覆盖"), .th(.class("num"), .text("剩余天数"))),
                    .forEach(model.plans) { line in
                        .tr(
                            .td(.a(.href(SiteURL.marketPlan(id: line.id)), .text(line.title))),
                            .td(.text("\(line.year)")), .td(.class("num"), .text("\(line.quota)")),
                            .td(.class("num"), .text("\(line.sampled)")), .td(.class("num"), .text("\(line.failed)")),
                            .td(
                                UI.progressBar(line.quota == 0 ? 0 : min(1, Double(line.sampled) / Double(line.quota)))),
                            .td(
                                .text(
                                    line.coverage.map {
                                        "\($0.covered)/\($0.registered)" + percent($0.covered, $0.registered)
                                    }
                                        ?? "—")),
                            .td(.class("num"), .text("\(line.daysLeft)")))
                    })),
            .if(model.mayManage, newPlanForm(model, context)),
            .if(
                model.mayRecord,
                .form(
                    .class("filters"), .method(.post), .action(SiteURL.marketResults), .enctype(.multipartData),
                    Layout.csrfField(context.csrf),
                    .element(
                        named: "input",
                        nodes: [
                            .attribute(named: "type", value: "file"), .attribute(named: "name", value: "file"),
                            .attribute(named: "accept", value: ".csv,.txt,.xlsx"),
                            .attribute(named: "required", value: "required"), .attr("aria-label", "检验结果文件"),
                        ]),
                    .button(.type(.submit), .text("导入检验结果")),
                    .span(
                        .class("muted small"),
                        .text("列：batch 批号, product 产品代码, item 项目代码, value 结果（docs/MARKET.md）；按批号匹配已录入的抽样记录")))),
            .h2(.text("最近抽检")),
            .if(model.checks.isEmpty, .p(.class("muted"), .text("尚无抽检记录。"))),
            .if(
                !model.checks.isEmpty,
                .table(
                    .tr(.th("抽样日期"), .th("产品"), .th("被抽样单位"), .th("县区"), .th("抽检单位"), .th("结论")),
                    .forEach(model.checks) { line in
                        .tr(
                            .td(.a(.href(SiteURL.marketCheck(id: line.id)), .text(line.sampledOn))),
                            .td(.text(line.product)), .td(.text(line.site)), .td(.text(line.county)),
                            .td(.text(line.unit)), .td(verdictBadge(line.verdict)))
                    })),
            .h2(.text("办理中的案件")),
            .if(model.cases.isEmpty, .p(.class("muted"), .text("没有办理中的案件。"))),
            .if(
                !model.cases.isEmpty,
                .table(
                    .tr(.th("案件"), .th("类型"), .th("阶段"), .th("整改期限"), .th("办理单位")),
                    .forEach(model.cases) { line in
                        .tr(
                            .td(
                                line.checkID.map { .a(.href(SiteURL.marketCheck(id: $0)), .text(line.title)) }
                                    ?? line.actionID.map { .a(.href(SiteURL.marketAction(id: $0)), .text(line.title)) }
                                    ?? .text(line.title)),
                            .td(.text(line.kind)), .td(.text(line.stage)), .td(.text(line.deadline)),
                            .td(.text(line.unit)))
                    })),
            .h2(.text("专项行动")),
            .if(model.actions.isEmpty, .p(.class("muted"), .text("尚无专项行动。"))),
            .if(
                !model.actions.isEmpty,
                .table(
                    .tr(.th("行动"), .th("期间"), .th(.class("num"), .text("已开展天数"))),
                    .forEach(model.actions) { action in
                        .tr(
                            .td(.a(.href(SiteURL.marketAction(id: action.id)), .text(action.title))),
                            .td(.text(action.period)), .td(.class("num"), .text("\(action.run)")))
                    })),
            .if(
                model.mayManage,
                .details(
                    .summary(.text("启动专项行动")),
                    .form(
                        .class("filters"), .method(.post), .action(SiteURL.marketActions),
                        Layout.csrfField(context.csrf),
                        .label(.text("名称"), .input(.type(.text), .name("title"), .attr("value", "打击黑加油站点专项行动"))),
                        .label(.text("开始日期"), .input(.type(.text), .name("start"), .attr("placeholder", "YYYY-MM-DD"))),
                        .label(
                            .text("天数"), .input(.type(.number), .name("days"), .attr("value", "30"), .attr("min", "1"))),
                        .button(.type(.submit), .text("启动"))))),
            .h2(.text("名录")),
            .p(.text(model.registry))
        )
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "" : "（" + NumberText.display(Double(part) * 100 / Double(whole)) + "%）"
    }

    static func verdictBadge(_ verdict: String) -> BodyNode {
        .span(
            .attr(
                "class", verdict == "不合格" ? "badge s-overdue" : verdict == "合格" ? "badge s-done" : "badge s-notReported"
            ),
            .text(verdict))
    }

    private static func newPlanForm(_ model: Model, _ context: PageContext) -> BodyNode {
        .details(
            .summary(.text("新建抽检计划")),
            .form(
                .method(.post), .action(SiteURL.marketPlans),
                Layout.csrfField(context.csrf),
                .div(
                    .class("filters"),
                    UI.select(
                        "family",
                        ProductFamily.allCases.map { family in
                            (
                                family.rawValue,
                                family.chinese
                                    + (model.planTotals[family].map { "（方案 \(NumberText.display($0)) 批次）" } ?? "")
                            )
                        },
                        selected: "fuel",
                        label: "产品"),
                    .label(
                        .text("年度"),
                        .input(
                            .type(.number), .name("year"), .attr("value", "\(model.defaultYear)"), .attr("min", "2000"))
                    ),
                    .label(.text("名称"), .input(.type(.text), .name("title"), .attr("placeholder", "如：2021年车用汽柴油抽检计划")))),
                .table(
                    .tr(.th("抽检单位"), .th(.class("num"), .text("计划批次"))),
                    .forEach(model.bureaus) { bureau in
                        .tr(
                            .td(.text(bureau.name)),
                            .td(
                                .class("num"),
                                .input(
                                    .type(.number), .attr("name", "quota-\(bureau.code)"), .attr("value", "0"),
                                    .attr("min", "0"), .attr("aria-label", "\(bureau.name)计划批次"))))
                    }),
                .button(.type(.submit), .text("建立计划"))))
    }
}
