import Plot

/// 修改密码
enum PasswordPage {
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
