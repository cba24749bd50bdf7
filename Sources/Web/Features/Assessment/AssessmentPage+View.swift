import Foundation
import LantianCore
import Plot

/// 考核: scores and ranks per county and department for a period, each point explained and linked to the facts
/// it came from, and the quantitative accountability list (量化问责).
enum AssessmentPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "考核评分与量化问责", context,
            .form(
                .class("filters"), .method(.get), .action(SiteURL.assessment(from: nil, to: nil)),
                .label(.text("自"), .input(.type(.date), .name("from"), .attr("value", model.from))),
                .label(.text("至"), .input(.type(.date), .name("to"), .attr("value", model.to))),
                .button(.type(.submit), .text("计算"))
            ),
            .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
            .p(
                .class("muted small"),
                .text(
                    "评分方案：\(model.scheme.title)（\(model.scheme.code)）。只计适用于该单位的部分，得分 = 各部分得分之和 ÷ 适用部分权重之和 × 100，保留一位小数；同分并列，下一名次顺延。命令行：lantian assess --from \(model.from) --to \(model.to)。"
                )),
            .table(
                .tr(.th("部分"), .th(.class("num"), .text("权重"))),
                .forEach(model.scheme.parts) { part in
                    .tr(.td(.text(part.name)), .td(.class("num"), .text(NumberText.display(part.weight))))
                }),
            .p(
                .class("small"),
                .a(.href(SiteURL.dossier(unit: nil, task: nil)), .text("下载全部考核资料（ZIP）")),
                .text("：各单位报送的每一版报告及证据、报告经过、任务状态、通报、现场检查和案件；各单位的资料在其得分依据下。")),
            .h2(.text("得分与排名")),
            .table(
                .attr("data-table", "scores"),
                .tr(.th(.class("num"), .text("名次")), .th("单位"), .th(.class("num"), .text("得分")), .th("各部分")),
                .forEach(model.units) { unit in
                    .tr(
                        .attr("data-unit", unit.code),
                        .td(.class("num"), .text(unit.rank)),
                        .td(.a(.attr("href", "#unit-\(unit.code)"), .text(unit.name))),
                        .td(.class("num"), .text(unit.score)),
                        .td(
                            .class("small"),
                            .text(unit.parts.map { "\($0.name) \($0.points)/\($0.weight)" }.joined(separator: "；"))))
                }),
            .h2(.text("量化问责名单")),
            .if(model.accountability.isEmpty, .p(.class("muted"), .text("本期没有应问责的单位。"))),
            .if(
                !model.accountability.isEmpty,
                .table(
                    .attr("data-table", "accountability"),
                    .tr(.th("单位"), .th("事由"), .th("事实")),
                    .forEach(model.accountability) { entry in
                        .tr(
                            .td(.a(.attr("href", "#unit-\(entry.unit)"), .text(entry.name))), .td(.text(entry.reason)),
                            .td(.ul(.forEach(entry.facts) { .li(.text($0)) })))
                    })),
            .h2(.text("各单位得分依据")),
            .forEach(model.units) { unit in
                .section(
                    .attr("id", "unit-\(unit.code)"), .class("panel"),
                    .h3(.text("\(unit.name)：\(unit.score) 分，第 \(unit.rank) 名")),
                    .p(
                        .class("small"), .a(.href(SiteURL.dossier(unit: unit.code, task: nil)), .text("下载本单位考核资料（ZIP）"))
                    ),
                    .table(
                        .tr(
                            .th("部分"), .th(.class("num"), .text("权重")), .th(.class("num"), .text("得分")), .th("计算"),
                            .th("依据")),
                        .forEach(unit.parts) { part in
                            .tr(
                                .td(.text(part.name)), .td(.class("num"), .text(part.weight)),
                                .td(.class("num"), .text(part.points)), .td(.class("small"), .text(part.reason)),
                                .td(
                                    .class("small"),
                                    .ul(.forEach(part.facts) { .li(.text($0)) }),
                                    link(part.source)))
                        }),
                    .if(
                        !unit.tasks.isEmpty,
                        .details(
                            .summary(.text("任务（\(unit.tasks.count) 项，期末状态）")),
                            .ul(.class("small"), .forEach(unit.tasks) { .li(link($0)) }))),
                    .if(
                        !unit.reports.isEmpty,
                        .details(
                            .summary(.text("迟报、未报的月度报告（\(unit.reports.count) 份）")),
                            .ul(.class("small"), .forEach(unit.reports) { .li(link($0)) })))
                )
            }
        )
    }

    private static func link(_ fact: Model.FactLink) -> BodyNode {
        guard let url = fact.url else { return .text(fact.text) }
        return .a(.attr("href", url.path), .text(fact.text))
    }
}
