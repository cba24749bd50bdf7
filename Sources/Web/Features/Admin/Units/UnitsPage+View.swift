import Campaign
import Foundation
import Plot
import Services

/// 单位管理
enum UnitsPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "单位管理", context,
            .table(
                .tr(.th("代码"), .th("名称"), .th("类型"), .th("上级单位"), .th(.class("num"), .text("用户数"))),
                .forEach(model.lines) { line in
                    .tr(
                        .td(.text(line.code)),
                        .td(.a(.href(SiteURL.tasks(TaskFilter(unit: line.code))), .text(line.name))),
                        .td(.text(line.kind.chinese)), .td(.text(line.parent)),
                        .td(.class("num"), .text(String(line.users))))
                }
            ),
            .h2(.text("新增单位")),
            .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
            .form(
                .class("panel"), .method(.post), .action(SiteURL.units),
                Layout.csrfField(context.csrf),
                .div(
                    .class("form-grid"),
                    .label(.for("code"), .text("代码（英文小写、数字、-）")),
                    .input(.type(.text), .name("code"), .id("code"), .attr("value", model.form["code"] ?? "")),
                    .label(.for("name"), .text("名称")),
                    .input(.type(.text), .name("name"), .id("name"), .attr("value", model.form["name"] ?? "")),
                    .label(.text("类型")),
                    UI.select(
                        "kind", OrgUnit.Kind.allCases.map { ($0.rawValue, $0.chinese) }, selected: model.form["kind"],
                        label: ""),
                    .label(.text("上级单位")),
                    UI.select(
                        "parent", [("", "无")] + model.lines.map { ($0.code, $0.name) }, selected: model.form["parent"],
                        label: "")
                ),
                .div(.class("actions"), .button(.type(.submit), .text("新增")))
            )
        )
    }
}
