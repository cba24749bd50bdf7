import Campaign
import Foundation
import Plot
import Services

/// 用户管理
enum UsersPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "用户管理", context,
            .unwrap(model.issued) { issued in
                .div(
                    .class("notice"), .text("已为 \(issued.username) 生成一次性密码："), .strong(.text(issued.password)),
                    .text("。请当面或通过安全渠道告知本人；该密码只显示这一次，首次登录须修改。"))
            },
            .table(
                .tr(.th("用户名"), .th("姓名"), .th("角色"), .th("单位"), .th("状态"), .th("")),
                .forEach(model.lines) { line in
                    .tr(
                        .td(.text(line.username)), .td(.text(line.displayName)), .td(.text(line.role.chinese)),
                        .td(.text(line.unit)), .td(.text(line.active ? "启用" : "停用")),
                        .td(
                            .form(
                                .class("inline"), .method(.post),
                                .action(SiteURL.userReset(username: line.username)),
                                Layout.csrfField(context.csrf),
                                .button(.type(.submit), .class("link"), .text("重置密码"))
                            ),
                            .text(" "),
                            .form(
                                .class("inline"), .method(.post),
                                .action(SiteURL.userToggle(username: line.username)),
                                Layout.csrfField(context.csrf),
                                .button(.type(.submit), .class("link"), .text(line.active ? "停用" : "启用"))
                            )
                        )
                    )
                }
            ),
            .h2(.text("新增用户")),
            .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
            .form(
                .class("panel"), .method(.post), .action(SiteURL.users),
                Layout.csrfField(context.csrf),
                .div(
                    .class("form-grid"),
                    .label(.for("username"), .text("用户名")),
                    .input(
                        .type(.text), .name("username"), .id("username"), .attr("value", model.form["username"] ?? "")),
                    .label(.for("displayName"), .text("姓名")),
                    .input(
                        .type(.text), .name("displayName"), .id("displayName"),
                        .attr("value", model.form["displayName"] ?? "")),
                    .label(.text("角色")),
                    UI.select(
                        "role", Role.allCases.map { ($0.rawValue, $0.chinese) }, selected: model.form["role"], label: ""
                    ),
                    .label(.text("单位")),
                    UI.select("unit", model.units, selected: model.form["unit"], label: "")
                ),
                .div(.class("actions"), .button(.type(.submit), .text("新增并生成一次性密码")))
            )
        )
    }
}
