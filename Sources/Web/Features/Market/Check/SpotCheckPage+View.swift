import Foundation
import LantianCore
import MarketSupervision
import Plot

/// 抽检批次: the record, the results against their limits, the verdict, the trace (graph and table) of a failed
/// batch, and its case with the next step.
enum SpotCheckPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            model.title, context,
            .p(.text("检验结论："), MarketPage.verdictBadge(model.verdict), .text(" 判定依据：\(model.standard)")),
            .if(
                !model.failures.isEmpty,
                .div(
                    .class("panel"), .h2(.text("不合格项目")),
                    .ul(.class("errors"), .forEach(model.failures) { .li(.text($0)) }))),
            .h2(.text("抽样信息")),
            .table(.class("facts"), .forEach(model.facts) { fact in .tr(.th(.text(fact.0)), .td(.text(fact.1))) }),
            .h2(.text("检验结果")),
            .if(model.results.isEmpty, .p(.class("muted"), .text("尚未录入检验结果。"))),
            .if(
                !model.results.isEmpty,
                .table(
                    .tr(.th("项目"), .th("单位"), .th("标准限值"), .th(.class("num"), .text("检验结果")), .th("判定")),
                    .forEach(model.results) { r in
                        .tr(
                            .td(.text(r.name)), .td(.text(r.unit)), .td(.text(r.limit)),
                            .td(.class("num"), .text(r.value)),
                            .td(r.failed ? .span(.class("badge s-overdue"), .text("不合格")) : .text("合格")))
                    })),
            documentsSection(model, context),
            caseSection(model, context),
            traceSection(model)
        )
    }

    private static func documentsSection(_ model: Model, _ context: PageContext) -> BodyNode {
        .group(
            .h2(.text("检验报告与文书")),
            .if(model.documents.isEmpty, .p(.class("muted"), .text("尚未上传。"))),
            .if(
                !model.documents.isEmpty,
                .ul(
                    .class("documents"),
                    .forEach(model.documents) { document in
                        .li(
                            .a(.href(SiteURL.marketDocument(id: document.id)), .text(document.name)),
                            .text(
                                "（\(NumberText.kilobytes(document.size))\(document.forCase ? "，案件文书" : "")）"
                            ))
                    })),
            .if(
                model.mayUpload,
                .form(
                    .class("filters"), .method(.post), .action(SiteURL.marketDocuments(check: model.id)),
                    .enctype(.multipartData), Layout.csrfField(context.csrf),
                    .element(
                        named: "input",
                        nodes: [
                            .attribute(named: "type", value: "file"), .attribute(named: "name", value: "files[]"),
                            .attribute(named: "multiple", value: "multiple"), .attr("aria-label", "检验报告或文书"),
                        ]),
                    UI.select(
                        "target", [("check", "检验报告/抽样文书")] + (model.caseView == nil ? [] : [("case", "案件文书")]),
                        selected: "check", label: "归入"),
                    .button(.type(.submit), .text("上传")))))
    }

    private static func caseSection(_ model: Model, _ context: PageContext) -> BodyNode {
        .group(
            .if(model.mayOpenCase || model.caseView != nil, .h2(.text("案件"))),
            .if(
                model.mayOpenCase,
                .form(
                    .method(.post), .action(SiteURL.marketOpenCase(check: model.id)), Layout.csrfField(context.csrf),
                    .label(.text("立案说明"), .input(.type(.text), .name("note"), .attr("placeholder", "案由、承办人"))),
                    .button(.type(.submit), .text("立案")))),
            .unwrap(model.caseView) { file in
                .group(
                    .p(.text("\(file.title) · 当前阶段：\(file.stage) · 整改期限：\(file.deadline)")),
                    .table(
                        .tr(.th("阶段"), .th("日期"), .th("期限"), .th("说明"), .th("经办人")),
                        .forEach(file.steps) { step in
                            .tr(
                                .td(.text(step.stage)), .td(.text(step.day)), .td(.text(step.deadline)),
                                .td(.text(step.note)), .td(.text(step.by)))
                        }),
                    .if(
                        model.mayMoveCase,
                        .form(
                            .class("filters"), .method(.post), .action(SiteURL.marketCase(id: file.id)),
                            Layout.csrfField(context.csrf),
                            UI.select("stage", file.next, selected: file.next.first?.0, label: "转入"),
                            .label(
                                .text("整改期限（责令整改时必填）"),
                                .input(.type(.text), .name("deadline"), .attr("placeholder", "YYYY-MM-DD"))),
                            .label(.text("说明"), .input(.type(.text), .name("note"))),
                            .button(.type(.submit), .text("更新案件")))))
            })
    }

    private static func traceSection(_ model: Model) -> BodyNode {
        .unwrap(model.trace) { trace in
            .group(
                .h2(.text("追根溯源")),
                .if(
                    trace.nodes.isEmpty,
                    .p(.class("muted"), .text("购销记录中没有该站点抽样前 90 天内的同品种进货。请导入购销记录后再查看。"))),
                .if(
                    !trace.nodes.isEmpty,
                    .group(
                        TraceGraph.svg(station: model.station, trace: trace, names: model.names),
                        .p(
                            .class("muted small"),
                            .text("实线：上游供货（抽样前 90 天内、早于向下游发货）；虚线：同一供货方 30 天内向其他单位供应同品种油品，建议列入下一轮抽检。")),
                        .table(
                            .class("trace"),
                            .tr(.th("节点"), .th("名称"), .th("关系"), .th("路径")),
                            .forEach(model.traceRows) { row in
                                .tr(
                                    .td(.text(row.node)), .td(.text(row.name)), .td(.text(row.relation)),
                                    .td(.text(row.path)))
                            }))),
                .if(
                    !trace.cycles.isEmpty,
                    .div(
                        .class("panel"), .p(.class("errors"), .text("购销记录中有循环，未沿循环追溯，请核对：")),
                        .ul(.forEach(trace.cycles) { .li(.text($0)) })))
            )
        }
    }
}
