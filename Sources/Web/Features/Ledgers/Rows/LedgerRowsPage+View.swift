import Foundation
import Plot

/// A ledger: what it computes, its rows (filtered, or the rows behind one indicator), the export and the import.
enum LedgerRowsPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        let bulk = model.scope != .none && model.bulkStatuses.count > 1
        return Layout.page(
            model.title, context,
            .unwrap(model.outcome) { UI.importOutcome($0, kind: model.title) },
            .unwrap(model.summary) { .p(.class("notice"), .text($0)) },
            .if(!model.problems.isEmpty, .ul(.class("errors"), .forEach(model.problems) { .li(.text($0)) })),
            .h2(.text("由本台账计算的指标")),
            .if(model.computed.isEmpty, .p(.class("muted"), .text("本台账不计算方案指标。"))),
            .forEach(model.computed) { item in
                .div(
                    .class("panel"),
                    .p(.strong(.text(item.label))),
                    .p(.text("台账计算值："), .a(.attr("href", item.path), .text(item.total))),
                    .if(!item.byOwner.isEmpty, .p(.class("small"), .text("按县区：\(item.byOwner)"))),
                    .if(!item.byBreakdown.isEmpty, .p(.class("small"), .text("分项：\(item.byBreakdown)"))))
            },
            .h2(.text(model.drill ?? "全部行")),
            .form(
                .class("filters"), .method(.get), .attr("action", SiteURL.ledger(code: model.code).path),
                .unwrap(model.filter.task) { UI.hidden("task", $0) },
                .unwrap(model.filter.indicator) { UI.hidden("indicator", $0) },
                UI.select("owner", model.owners, selected: model.filter.owner ?? "", label: "县区/单位 "),
                .if(
                    model.statuses.count > 1,
                    UI.select("status", model.statuses, selected: model.filter.status ?? "", label: " 状态 ")),
                .button(.type(.submit), .text("筛选")),
                .a(.attr("href", model.csvPath), .text("　导出 CSV"))),
            .p(
                .class("muted"),
                .text(
                    "共 \(model.totalRows) 行\(model.totalRows > Model.shownRows ? "，页面列出前 \(Model.shownRows) 行，导出含全部" : "")。"
                )),
            .if(!model.shown.isEmpty && !bulk, table(model, checkboxes: false)),
            .if(
                !model.shown.isEmpty && bulk,
                .form(
                    .method(.post), .attr("action", SiteURL.ledgerStatus(code: model.code).path),
                    .enctype(.multipartData), Layout.csrfField(context.csrf),
                    table(model, checkboxes: true),
                    .div(
                        .class("panel"),
                        .h3(.text("批量变更状态")),
                        .p(.class("muted"), .text("勾选上表中的行（只能勾选本单位的行），选择新状态，可同时填写日期；须上传证据文件，每次变更都记入各行的修改记录。")),
                        .p(
                            UI.select("status", model.bulkStatuses, selected: nil, label: "新状态 "),
                            UI.select("dateField", model.dateFields, selected: nil, label: "　日期字段 "),
                            .label(.text("　日期 "), .input(.type(.date), .name("date")))),
                        .p(
                            .label(
                                .text("证据（验收单、照片等，每个不超过 \(model.maxMegabytes) MB）"),
                                .element(
                                    named: "input",
                                    nodes: [
                                        .attribute(named: "type", value: "file"),
                                        .attribute(named: "name", value: "files[]"),
                                        .attribute(named: "multiple", value: "multiple"),
                                    ]))),
                        .button(.type(.submit), .text("变更所选行的状态"))))),
            .if(
                model.mayImport,
                .group(
                    .h2(.text("导入")),
                    .p(
                        .class("muted"),
                        .text(
                            "CSV（UTF-8 或 GB18030）或 .xlsx，列名：\(model.headings.joined(separator: "、"))。按关键字段匹配：新行新增，有变化的行修改并记录版本；任何一行有错误时整个文件不导入。"
                        )),
                    UI.uploadForm(SiteURL.ledger(code: model.code), label: "导入台账", csrf: context.csrf)))
        )
    }

    static func table<C: HTML.BodyContext>(_ model: Model, checkboxes: Bool) -> Node<C> {
        .table(
            .tr(
                .if(checkboxes, .th("选择")), .forEach(model.headings) { .th(.text($0)) }, .th("版本"), .th("更新人"),
                .th("")),
            .forEach(model.shown) { row in
                .tr(
                    .if(
                        checkboxes,
                        .td(
                            .if(
                                model.scope.allows(row.owner),
                                .element(
                                    named: "input",
                                    nodes: [
                                        .attribute(named: "type", value: "checkbox"),
                                        .attribute(named: "name", value: "ids[]"), .attr("value", row.id),
                                        .attr("aria-label", "选择 " + row.cells.prefix(4).joined(separator: " ")),
                                    ])))),
                    .forEach(row.cells) { .td(.text($0)) }, .td(.class("num"), .text(row.version)),
                    .td(.class("small"), .text(row.by)),
                    .td(.a(.attr("href", row.path), .text(model.scope.allows(row.owner) ? "编辑" : "查看"))))
            })
    }
}
