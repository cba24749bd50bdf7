import Assessment
import Plot

extension BulletinPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "\(model.month.chinese)调度通报", context,
            .p(.a(.href(SiteURL.bulletins), .text("← 全部通报"))),
            .p(
                .class("muted"),
                .text(
                    model.isFinal
                        ? "已定稿（\(model.bulletin.number?.description ?? "")）\(model.finalisedText.map { "：\($0)" } ?? "")。内容保持定稿时的样子。"
                        : "草稿：数字按数据库中的数据实时计算（截至 \(model.bulletin.asOf.chineseDay)）；定稿后冻结。"),
                .if(model.isPublic, .strong(.text(" 已公开。")))),
            .p(
                .a(.href(SiteURL.bulletinFile(month: model.month, format: .html)), .text("打印版")), .text(" · "),
                .a(.href(SiteURL.bulletinFile(month: model.month, format: .docx)), .text("下载 Word（.docx）")),
                .text(" · "),
                model.libreOffice
                    ? .a(.href(SiteURL.bulletinFile(month: model.month, format: .pdf)), .text("下载 PDF"))
                    : .span(.class("muted"), .text("PDF（服务器未安装 LibreOffice）"))),
            .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
            .if(
                model.isFinal && !model.changes.isEmpty,
                .div(
                    .class("warn"),
                    .h2(.text("定稿后数据有更正")),
                    .p(.text("以下 \(model.changes.count) 处数字按现在的数据计算与定稿时不同；通报本身不变。")),
                    .table(
                        .tr(.th("位置"), .th("定稿时"), .th("现在")),
                        .forEach(model.changes) { change in
                            .tr(.td(.text(change.place)), .td(.text(change.printed)), .td(.text(change.now)))
                        }))),
            .if(model.isFinal && model.changes.isEmpty, .p(.class("muted"), .text("定稿以来的数据更正没有改变通报中的数字。"))),
            .if(model.mayEdit && !model.isFinal, editor(model, context)),
            .if(model.mayEdit && model.isFinal, publishForm(model, context)),
            .h2(.text("通报正文")),
            BulletinDocument.body(model.bulletin)
        )
    }

    private static func editor(_ model: Model, _ context: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text("编辑草稿")),
            .form(
                .method(.post), .action(SiteURL.bulletin(month: model.month)), Layout.csrfField(context.csrf),
                UI.hidden("version", "\(model.version)"),
                .p(
                    .label(.attr("for", "opening"), .text("开头（每行一段）")),
                    .textarea(
                        .id("opening"), .name("opening"), .attr("rows", "4"), .attr("cols", "80"),
                        .text(model.bulletin.paragraphs.opening))),
                .p(
                    .label(.attr("for", "requirements"), .text("工作要求（每行一段）")),
                    .textarea(
                        .id("requirements"), .name("requirements"), .attr("rows", "6"), .attr("cols", "80"),
                        .text(model.bulletin.paragraphs.requirements))),
                .button(.type(.submit), .text("保存草稿"))),
            .h2(.text("定稿")),
            .form(
                .method(.post), .action(SiteURL.bulletinFinal(month: model.month)), Layout.csrfField(context.csrf),
                UI.hidden("version", "\(model.version)"),
                .p(
                    .label(.attr("for", "number"), .text("发文字号 ")),
                    .input(
                        .type(.text), .id("number"), .name("number"), .attr("value", model.number), .attr("size", "24")),
                    .text(" "),
                    .label(.attr("for", "issuedOn"), .text("印发日期 ")),
                    .input(
                        .type(.text), .id("issuedOn"), .name("issuedOn"), .attr("value", model.issuedOn),
                        .attr("size", "12"))
                ),
                .p(.class("muted"), .text("定稿保存当时的全部数字和文字（先保存草稿中的修改）；定稿后不能再改。")),
                .button(.type(.submit), .text("定稿"))))
    }

    private static func publishForm(_ model: Model, _ context: PageContext) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(SiteURL.bulletinPublic(month: model.month)), Layout.csrfField(context.csrf),
            UI.hidden("public", model.isPublic ? "false" : "true"),
            .button(.type(.submit), .text(model.isPublic ? "从公开页面撤下" : "在公开页面发布（此件主动公开）")))
    }
}
