import Foundation
import Plot

/// API 令牌
enum TokensPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "API 令牌", context,
            .p(
                .class("muted small"),
                .text(
                    "令牌供其他系统调用 /api/v1（Authorization: Bearer …）。用 POST /api/v1/tokens 以用户名和密码创建，"
                        + "有效期 90 天，每个账号最多 10 个；重置密码或停用账号时全部吊销。")),
            .if(
                model.lines.isEmpty, .p(.text("没有有效的令牌。")),
                else: .table(
                    .tr(
                        .th("名称"), .if(model.showsOwner, .th("用户")), .th("创建时间"), .th("到期时间"), .th("")),
                    .forEach(model.lines) { line in
                        .tr(
                            .td(.text(line.name)), .if(model.showsOwner, .td(.text(line.username))),
                            .td(.text(line.created)), .td(.text(line.expires)),
                            .td(
                                .form(
                                    .class("inline"), .method(.post), .action(SiteURL.tokenRevoke(id: line.id)),
                                    Layout.csrfField(context.csrf),
                                    .button(.type(.submit), .class("link"), .text("吊销")))))
                    }))
        )
    }
}
