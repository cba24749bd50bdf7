import Foundation
import Plot

/// One ledger row: its values (a form for who may edit it) and its history of changes.
enum LedgerRowPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "\(model.ledgerName)：\(model.title)", context,
            .p(.a(.attr("href", model.backPath), .text("← 返回\(model.ledgerName)"))),
            .if(!model.problems.isEmpty, .ul(.class("errors"), .forEach(model.problems) { .li(.text($0)) })),
            .form(
                .method(.post), .attr("action", model.formPath), Layout.csrfField(context.csrf),
                UI.hidden("version", "\(model.version)"),
                .table(
                    .forEach(model.fields) { field in
                        .tr(.th(.text(field.name)), .td(input(field, editable: model.mayEdit && !field.fixed)))
                    }),
                .p(.class("muted"), .text("第 \(model.version) 版。关键字段（标识这一行）不能修改；状态只能按流程变更。")),
                .if(model.mayEdit, .button(.type(.submit), .text("保存")))),
            .h2(.text("修改记录")),
            .table(
                .tr(.th("版本"), .th("时间"), .th("修改人"), .th("来源"), .th("修改内容"), .th("证据")),
                .forEach(model.changes) { change in
                    .tr(
                        .td(.class("num"), .text(change.version)), .td(.class("small"), .text(change.when)),
                        .td(.text(change.who)), .td(.class("small"), .text(change.source)),
                        .td(.class("small"), .forEach(change.differences) { .div(.text($0)) }),
                        .td(.forEach(change.files) { .div(.a(.attr("href", $0.path), .text($0.name))) }))
                })
        )
    }

    static func input(_ field: Model.Field, editable: Bool) -> BodyNode {
        guard editable else { return .text(field.shown) }
        let name = "f_" + field.key
        switch field.input {
        case .select(let options):
            return .element(
                named: "select",
                nodes: [.attr("name", name), .attr("aria-label", field.name)]
                    + options.map { UI.option($0.0, $0.1, selected: field.value) })
        case .date:
            return .input(
                .type(.date), .attr("name", name), .attr("value", field.value), .attr("aria-label", field.name))
        case .number(let unit):
            return .group(
                .input(
                    .type(.text), .attr("name", name), .attr("value", field.value), .attr("inputmode", "decimal"),
                    .attr("aria-label", field.name)), .text(" \(unit)"))
        case .text:
            return .input(
                .type(.text), .attr("name", name), .attr("value", field.value), .attr("aria-label", field.name))
        }
    }
}
