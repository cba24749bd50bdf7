import Campaign
import Foundation
import LantianCore
import Plot

/// 进展报告: one unit's monthly report on one task — the form, the workflow buttons and every version.
enum ReportPage {
    /// The form's action value for 与上月相同.
    static let carryForward = "carryForward"

    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "\(model.month.chinese)进展报告", context,
            .div(
                .class("panel"),
                .dl(
                    .class("facts"),
                    .dt("任务"),
                    .dd(
                        .a(
                            .href(SiteURL.task(code: model.taskCode)),
                            .text("\(model.taskCode) \(model.taskTitle)"))),
                    .dt("报送单位"), .dd(.text(model.unitName)),
                    .dt("报送月份"), .dd(.text("\(model.month.chinese)（截止 \(model.due)）")),
                    .dt("状态"),
                    .dd(
                        .unwrap(model.state) { UI.stateBadge($0) },
                        .if(model.state == nil, .span(.class("muted"), .text("尚未填写"))),
                        .if(model.late, .span(.class("late"), .text(" 迟报")))
                    ),
                    .dt("首次报送"), .dd(.text(model.firstSubmitted))
                ),
                .unwrap(model.comment) { .div(.class("errors"), .strong("退回意见："), .text($0)) },
                .unwrap(model.carriedFrom) { month in
                    .p(.class("carried"), .text("与上月相同：数值、完成情况和进展情况沿用\(month.chinese)报告，未作修改。"))
                },
                .p(
                    .class("small"), .text("其他月份："),
                    .forEach(model.otherMonths) { month, link in
                        .group(.a(.attr("href", link), .text(month.chinese)), .text(" "))
                    })
            ),
            .if(
                !model.errors.isEmpty,
                .ul(
                    .class("errors"), .attribute(named: "role", value: "alert"),
                    .forEach(model.errors) { .li(.text($0)) })),
            model.formActions.isEmpty ? readOnly(model) : form(model, context),
            .if(!model.reviewActions.isEmpty, review(model, context)),
            .h2(.text("佐证材料")),
            .if(model.evidence.isEmpty, .p(.class("muted"), .text("暂无"))),
            .if(
                !model.evidence.isEmpty,
                .table(
                    .tr(.th("文件"), .th(.class("num"), .text("大小")), .th("SHA-256")),
                    .forEach(model.evidence) { file in
                        .tr(
                            .td(.a(.href(SiteURL.evidence(id: file.id)), .text(file.name))),
                            .td(.class("num"), .text(NumberText.kilobytes(file.size))),
                            .td(.class("small muted"), .text(file.sha256))
                        )
                    }
                )),
            .h2(.text("历史版本")),
            .if(model.revisions.isEmpty, .p(.class("muted"), .text("暂无"))),
            .if(
                !model.revisions.isEmpty,
                .table(
                    .tr(.th("版本"), .th("操作"), .th("状态"), .th("操作人"), .th("时间"), .th("内容"), .th("意见")),
                    .forEach(model.revisions.reversed()) { r in
                        .tr(
                            .td(.class("num"), .text(String(r.number))),
                            .td(.text(r.action)),
                            .td(UI.stateBadge(r.state)),
                            .td(.text(r.author)),
                            .td(.text(r.at)),
                            .td(.class("small"), .text(r.summary)),
                            .td(.class("small"), .text(r.comment ?? ""))
                        )
                    }
                ))
        )
    }

    private static func readOnly(_ model: Model) -> BodyNode {
        .div(
            .class("panel"),
            .dl(
                .class("facts"),
                .dt("完成情况"), .dd(.text(model.state == nil ? "—" : model.reportedStatus.chinese)),
                .forEach(model.indicators) { field in
                    .group(
                        .dt(.text(field.indicator.name)),
                        .dd(
                            .text(
                                field.value.isEmpty
                                    ? "—"
                                    : "\(field.value) \(field.indicator.unit)（目标 \(UI.indicatorTarget(field.indicator))）"
                            )))
                },
                .dt("进展情况"),
                .dd(
                    .element(
                        named: "pre",
                        nodes: [.class("measures"), .text(model.narrative.isEmpty ? "—" : model.narrative)]))
            )
        )
    }

    private static func form(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .class("panel"), .method(.post), .attr("action", model.postPath), .enctype(.multipartData),
            Layout.csrfField(context.csrf),
            .div(
                .class("form-grid"),
                .label(.for("reportedStatus"), .text("完成情况")),
                .element(
                    named: "select",
                    nodes: [
                        .attribute(named: "name", value: "reportedStatus"),
                        .attribute(named: "id", value: "reportedStatus"),
                    ]
                        + ReportedStatus.allCases.map {
                            UI.option($0.rawValue, $0.chinese, selected: model.reportedStatus.rawValue)
                        }),
                .forEach(model.indicators) { field in
                    .group(
                        .label(.attr("for", "value-\(field.indicator.code)"), .text(field.indicator.name)),
                        .div(
                            .input(
                                .type(.text), .attr("name", "values[\(field.indicator.code)]"),
                                .attr("id", "value-\(field.indicator.code)"),
                                .attr("value", field.value), .attribute(named: "inputmode", value: "decimal")),
                            .text(" \(field.indicator.unit)　"),
                            .span(
                                .class("muted small"),
                                .text(
                                    "累计值；目标 \(UI.indicatorTarget(field.indicator))"
                                        + (field.indicator.scope.map { "（\($0)）" } ?? "")))
                        )
                    )
                },
                .label(.for("narrative"), .text("进展情况")),
                .textarea(.name("narrative"), .id("narrative"), .text(model.narrative)),
                .label(.for("evidence"), .text("佐证材料")),
                .div(
                    .element(
                        named: "input",
                        nodes: [
                            .attribute(named: "type", value: "file"), .attribute(named: "name", value: "evidence[]"),
                            .attribute(named: "id", value: "evidence"),
                            .attribute(named: "multiple", value: "multiple"),
                        ]),
                    .div(
                        .class("muted small"),
                        .text(
                            "PDF、图片、Office/WPS 文档，单个文件不超过 \(model.maxUploadMB) MB，一次最多 \(EvidenceStore.maxFilesPerSubmission) 个。"
                        ))
                )
            ),
            .div(
                .class("actions"),
                .forEach(model.formActions) { action in
                    .button(
                        .type(.submit), .name("action"), .attr("value", action.rawValue),
                        .attr("class", action == .save ? "secondary" : ""), .text(action.chinese))
                },
                .if(
                    model.canCarryForward,
                    .button(
                        .type(.submit), .name("action"), .attr("value", carryForward), .class("secondary"),
                        .attribute(named: "formnovalidate", value: "formnovalidate"),
                        .text("与上月相同（沿用\(model.month.previous.chinese)报告）")))
            )
        )
    }

    private static func review(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .class("panel"), .method(.post), .attr("action", model.actionPath),
            Layout.csrfField(context.csrf),
            .label(.for("comment"), .text("审核意见（退回时必填）")),
            .textarea(.name("comment"), .id("comment")),
            .div(
                .class("actions"),
                .forEach(model.reviewActions) { action in
                    .button(
                        .type(.submit), .name("action"), .attr("value", action.rawValue),
                        .attr("class", action.needsComment ? "danger" : ""), .text(action.chinese))
                }
            )
        )
    }
}
