import Campaign
import Foundation
import LantianCore
import Plot

/// 月度报送: all of a unit's reports for one month on one page — one plain form, a row per task, saved row by row
/// or together, sent to the unit leader together, approved or sent back row by row. Works without JavaScript; the
/// tab order follows the table.
enum MonthlyPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "\(model.unitName) · \(model.month.chinese)月度报送", context,
            .div(
                .class("panel"),
                .p(.text("报送截止 \(model.due)。各行可单独保存；填好后一并提交单位负责人审核，审核通过即报送大气办。")),
                .p(.class("due"), .text(model.counts.sentence(model.month.chinese))),
                .p(
                    .class("small"),
                    .a(.attr("href", model.myTasksPath), .text("本单位任务")), .text("　其他月份："),
                    .forEach(model.otherMonths) { month, link in
                        .group(.a(.attr("href", link), .text(month.chinese)), .text(" "))
                    }),
                .unwrap(model.readOnlyNote) { .p(.class("muted"), .text($0)) }
            ),
            .if(
                !model.errors.isEmpty,
                .ul(
                    .class("errors"), .attribute(named: "role", value: "alert"),
                    .forEach(model.errors) { .li(.text($0)) })),
            .form(
                .method(.post), .attr("action", model.postPath), .enctype(.multipartData),
                Layout.csrfField(context.csrf),
                // Enter in a field saves every changed row, not the first row's own button.
                .if(
                    model.bulk.contains { $0.command == .saveAll },
                    .button(
                        .type(.submit), .name("action"), .attr("value", Command.saveAll.value),
                        .class("default-submit"), .attribute(named: "tabindex", value: "-1"),
                        .attribute(named: "aria-hidden", value: "true"), .text("保存全部草稿"))),
                .table(
                    .class("monthly"),
                    .tr(
                        .th("任务"), .th("完成情况"), .th("指标（累计值）"), .th("进展情况"), .th("佐证材料"), .th("")),
                    .forEach(model.rows) { row($0, model) }
                ),
                .div(
                    .class("actions"),
                    .forEach(model.bulk) { command, label in
                        .button(
                            .type(.submit), .name("action"), .attr("value", command.value),
                            .attr("class", command == .saveAll ? "secondary" : ""), .text(label))
                    }
                ),
                .if(
                    model.rows.contains(where: \.editable),
                    .p(
                        .class("muted small"),
                        .text(
                            "数值可填 16000、16,000 或 1.6万。佐证材料：PDF、图片、Office/WPS 文档，单个不超过 \(model.maxUploadMB) MB，"
                                + "一次保存最多 \(EvidenceStore.maxFilesPerSubmission) 个。")))
            )
        )
    }

    private static func row(_ row: Row, _ model: Model) -> Node<HTML.TableContext> {
        .tr(
            .attr("id", "row-\(row.code)"),
            .attr("class", row.comment != nil ? "sent-back" : row.demand.isAsked ? "" : "not-asked"),
            .td(
                .class("task"),
                .a(.attr("href", row.taskLink), .strong(.text(row.code))), .text(" "),
                .a(.attr("href", row.taskLink), .text(row.title)),
                .div(.class("small muted"), .text("\(row.role) · \(row.deadline)")),
                .div(
                    UI.statusBadge(row.status), .text(" "),
                    .unwrap(row.state) { UI.stateBadge($0) },
                    .if(row.state == nil && row.demand.isAsked, .span(.class("muted small"), .text("未填写"))),
                    .if(row.late, .span(.class("late small"), .text(" 迟报"))),
                    .if(row.unsaved, .span(.class("unsaved small"), .text(" 未保存")))
                ),
                .unwrap(UI.demandNote(row.demand)) { .div(.class("small muted"), .text($0)) },
                .unwrap(row.comment) { .div(.class("returned small"), .text("退回意见：" + $0)) },
                .unwrap(row.carriedFrom) { month in
                    .div(.class("carried small"), .text("与上月相同（沿用\(month.chinese)，未修改）"))
                },
                .if(
                    !row.problems.isEmpty,
                    .ul(.class("errors small"), .forEach(row.problems) { .li(.text($0)) })),
                .a(.class("small"), .attr("href", row.reportLink), .text("详情与历史"))
            ),
            .if(row.editable, editCells(row), else: readCells(row)),
            .td(.class("row-actions"), actions(row))
        )
    }

    private static func editCells(_ row: Row) -> Node<HTML.TableRowContext> {
        let prefix = "rows[\(row.code)]"
        return .group(
            .td(
                .input(.type(.hidden), .attr("name", "\(prefix)[revision]"), .attr("value", String(row.revision))),
                .element(
                    named: "select",
                    nodes: [
                        .attr("name", "\(prefix)[reportedStatus]"), .attr("id", "status-\(row.code)"),
                        .attr("aria-label", "\(row.code) 完成情况"),
                    ]
                        + ReportedStatus.allCases.map {
                            UI.option($0.rawValue, $0.chinese, selected: row.reportedStatus.rawValue)
                        }),
                .unwrap(row.lastMonthStatus) { .div(.class("small muted"), .text("上月：" + $0.chinese)) }
            ),
            .td(
                .class("values"),
                .if(row.fields.isEmpty, .span(.class("muted small"), .text("无量化指标"))),
                .forEach(row.fields) { field in
                    .div(
                        .class("value"),
                        .label(.attr("for", "value-\(row.code)-\(field.code)"), .text(field.name)),
                        .input(
                            .type(.text), .attr("name", "\(prefix)[values][\(field.code)]"),
                            .attr("id", "value-\(row.code)-\(field.code)"), .attr("value", field.value),
                            .attribute(named: "inputmode", value: "decimal"), .attribute(named: "size", value: "9")),
                        .text(" " + field.unit),
                        .unwrap(field.readAs) { .span(.class("read-as small"), .text(" 读作 " + $0)) },
                        fieldNote(field)
                    )
                }
            ),
            .td(
                .textarea(
                    .attr("name", "\(prefix)[narrative]"), .attr("id", "narrative-\(row.code)"),
                    .attr("aria-label", "\(row.code) 进展情况"), .attribute(named: "rows", value: "3"),
                    .text(row.narrative))
            ),
            .td(
                evidenceList(row),
                .element(
                    named: "input",
                    nodes: [
                        .attribute(named: "type", value: "file"), .attr("name", "\(prefix)[evidence][]"),
                        .attr("id", "evidence-\(row.code)"), .attr("aria-label", "\(row.code) 佐证材料"),
                        .attribute(named: "multiple", value: "multiple"),
                    ])
            )
        )
    }

    private static func readCells(_ row: Row) -> Node<HTML.TableRowContext> {
        .group(
            .td(.text(row.state == nil ? "—" : row.reportedStatus.chinese)),
            .td(
                .class("values"),
                .if(row.fields.isEmpty, .span(.class("muted small"), .text("无量化指标"))),
                .forEach(row.fields) { field in
                    .div(
                        .class("value"),
                        .text("\(field.name) \(field.value.isEmpty ? "—" : field.value + " " + field.unit)"),
                        fieldNote(field))
                }),
            .td(.element(named: "pre", nodes: [.class("measures small"), .text(row.narrative)])),
            .td(evidenceList(row))
        )
    }

    private static func fieldNote(_ field: Field) -> Node<HTML.BodyContext> {
        .div(
            .class("small muted"),
            .text(
                "目标 \(field.target)" + (field.scope.map { "（\($0)）" } ?? "") + "；上月 "
                    + (field.lastMonth.map { "\($0) \(field.unit)" } ?? "—")))
    }

    private static func evidenceList(_ row: Row) -> Node<HTML.BodyContext> {
        .if(
            !row.evidence.isEmpty,
            .ul(
                .class("files small"),
                .forEach(row.evidence) { file in .li(.a(.href(SiteURL.evidence(id: file.id)), .text(file.name))) }))
    }

    private static func actions(_ row: Row) -> Node<HTML.BodyContext> {
        .group(
            .if(
                row.editable,
                .button(
                    .type(.submit), .name("action"), .attr("value", Command.save(row.code).value), .class("secondary"),
                    .text("保存本行"))),
            .if(
                row.canCarryForward,
                .button(
                    .type(.submit), .name("action"), .attr("value", Command.carry(row.code).value),
                    .class("secondary"), .text("与上月相同"))),
            .if(
                row.leaderSubmits,
                .button(
                    .type(.submit), .name("action"), .attr("value", Command.approve(row.code).value),
                    .text("审核通过并报送"))),
            .if(
                row.reviewable,
                .group(
                    .label(.attr("for", "comment-\(row.code)"), .class("small"), .text("审核意见（退回必填）")),
                    .textarea(
                        .attr("name", "rows[\(row.code)][comment]"), .attr("id", "comment-\(row.code)"),
                        .attribute(named: "rows", value: "2"), .text(row.reviewComment)),
                    .div(
                        .class("pair"),
                        .button(
                            .type(.submit), .name("action"), .attr("value", Command.approve(row.code).value),
                            .text("通过")),
                        .button(
                            .type(.submit), .name("action"), .attr("value", Command.reject(row.code).value),
                            .class("danger"), .text("退回"))
                    )
                ))
        )
    }
}
