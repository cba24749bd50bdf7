import Plot

/// 登录
enum LoginPage {
    struct Model {
        var username = ""
        var next: String?
        var error: String?
    }

    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "登录", context,
            .div(
                .class("login"),
                .div(
                    .class("panel"),
                    .unwrap(model.error) {
                        .div(.class("errors"), .attribute(named: "role", value: "alert"), .text($0))
                    },
                    .form(
                        .method(.post), .action(SiteURL.login(next: nil)),
                        Layout.csrfField(context.csrf),
                        .unwrap(model.next) { UI.hidden("next", $0) },
                        .label(.for("username"), .text("用户名")),
                        .input(
                            .type(.text), .name("username"), .id("username"), .attr("value", model.username),
                            .autocomplete(false), .required(true), .autofocus(model.username.isEmpty)),
                        .label(.for("password"), .text("密码")),
                        .input(
                            .type(.password), .name("password"), .id("password"), .required(true),
                            .autofocus(!model.username.isEmpty)),
                        .div(.class("actions"), .button(.type(.submit), .text("登录")))
                    )
                ),
                .p(.class("muted small"), .text("首次启动时系统会在控制台打印管理员一次性密码；其他账号由大气办管理员创建。"))
            )
        )
    }
}

/// 修改密码
enum PasswordPage {
    struct Model {
        var forced: Bool
        var errors: [String] = []
    }

    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "修改密码", context,
            .div(
                .class("panel"),
                .if(model.forced, .p(.text("您正在使用一次性密码，请先设置自己的密码。"))),
                .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
                .form(
                    .method(.post), .action(SiteURL.password),
                    Layout.csrfField(context.csrf),
                    .div(
                        .class("form-grid"),
                        .label(.for("current"), .text("当前密码")),
                        .input(.type(.password), .name("current"), .id("current"), .required(true)),
                        .label(.for("new"), .text("新密码（至少 10 位）")),
                        .input(.type(.password), .name("new"), .id("new"), .required(true)),
                        .label(.for("repeat"), .text("再次输入新密码")),
                        .input(.type(.password), .name("repeat"), .id("repeat"), .required(true))
                    ),
                    .div(.class("actions"), .button(.type(.submit), .text("保存新密码")))
                )
            )
        )
    }
}
