import Campaign
import Foundation
import Plot
import Services

/// 单位管理
enum UnitsPage {
    struct Line {
        var code: String
        var name: String
        var kind: OrgUnit.Kind
        var parent: String
        var users: Int
    }

    struct Model {
        var lines: [Line]
        var errors: [String]
        var form: [String: String]
    }

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

/// 用户管理
enum UsersPage {
    struct Line {
        var username: String
        var displayName: String
        var role: Role
        var unit: String
        var active: Bool
    }

    struct Model {
        var lines: [Line]
        var units: [(String, String)]
        var errors: [String]
        var form: [String: String]
        /// A password just created, shown once.
        var issued: (username: String, password: String)?
    }

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

/// 方案导入
enum PlanImportPage {
    struct Model {
        var errors: [String]
        var imported: String?
        var plans: [(code: String, title: String, importedAt: String, by: String)]
    }

    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "方案导入", context,
            .p(.text("上传 lantian-plan/1 格式的方案文件（YAML 或 JSON，格式见 docs/PLAN-FORMAT.md）。文件整体校验，任何一处错误都不会导入。")),
            .unwrap(model.imported) { .div(.class("notice"), .text($0)) },
            .if(
                !model.errors.isEmpty,
                .div(
                    .class("errors"), .attribute(named: "role", value: "alert"),
                    .p(.text("文件未导入，共 \(model.errors.count) 处问题：")),
                    .ul(.forEach(model.errors) { .li(.text($0)) })
                )),
            .form(
                .class("panel"), .method(.post), .action(SiteURL.planImport), .enctype(.multipartData),
                Layout.csrfField(context.csrf),
                .element(
                    named: "input",
                    nodes: [
                        .attribute(named: "type", value: "file"), .attribute(named: "name", value: "file"),
                        .attribute(named: "accept", value: ".yaml,.yml,.json"),
                        .attribute(named: "required", value: "required"),
                    ]),
                .div(.class("actions"), .button(.type(.submit), .text("校验并导入")))
            ),
            .h2(.text("已导入的方案")),
            .table(
                .tr(.th("代码"), .th("名称"), .th("导入时间"), .th("导入人")),
                .forEach(model.plans) { p in
                    .tr(.td(.text(p.code)), .td(.text(p.title)), .td(.text(p.importedAt)), .td(.text(p.by)))
                }
            )
        )
    }
}
