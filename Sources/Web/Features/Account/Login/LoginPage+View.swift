import Plot

/// 登录
enum LoginPage {
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
