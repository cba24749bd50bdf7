import Foundation
import Plot

/// A draw's verification page (the bureau's, and once published the public one): inputs and their hash, seed,
/// result, the re-run check, the files to re-run it with and the command.
enum DrawPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        func file(_ name: String) -> String {
            model.isPublic
                ? SiteURL.publicDrawFile(id: model.id, file: name).path
                : SiteURL.marketDrawFile(id: model.id, file: name).path
        }
        return Layout.page(
            model.title, context,
            .p(.attr("class", model.late ? "late" : ""), .text(model.publication)),
            .if(
                model.published && !model.isPublic,
                .p(.a(.href(SiteURL.publicDraw(id: model.id)), .text("公开页面（无需登录）")))),
            .table(
                .class("facts"),
                .tr(.th("检查对象"), .td(.text("\(model.kind) \(model.objects) 个（名录）"))),
                .tr(.th("执法检查人员"), .td(.text("\(model.inspectors) 名"))),
                .tr(.th("抽取规则"), .td(.text(model.rule))),
                .tr(.th("检查事项"), .td(.text(model.items.isEmpty ? "—" : model.items.joined(separator: "；")))),
                .tr(.th("名录摘要（SHA-256）"), .td(.element(named: "code", nodes: [.text(model.inputsHash)]))),
                .tr(.th("随机数来源"), .td(.text(model.seedSource))),
                .tr(.th("随机数"), .td(.text(model.seed ?? "尚未取得")))),
            .p(
                .a(.attr("href", file("objects.csv")), .text("检查对象名录 objects.csv")), .text(" · "),
                .a(.attr("href", file("inspectors.csv")), .text("检查人员名录 inspectors.csv")),
                .if(
                    model.seed != nil,
                    .group(.text(" · "), .a(.attr("href", file("result.csv")), .text("抽取结果 result.csv"))))),
            .if(
                model.rehash != model.inputsHash,
                .p(.class("errors"), .text("名录文件的摘要与公布的摘要不一致：\(model.rehash)"))),
            .unwrap(model.verified) { verified in
                .p(
                    .attr("class", verified ? "notice" : "errors"),
                    .text(
                        verified
                            ? "复核：用公布的两份名录和随机数重新抽取，结果与记录一致。"
                            : "复核：重新抽取的结果与记录不一致，请核查。"))
            },
            .if(
                !model.assignments.isEmpty,
                .table(
                    .class("draw"),
                    .tr(.th("对象编号"), .th("名称"), .th("县区"), .th("检查人员")),
                    .forEach(model.assignments) { a in
                        .tr(.td(.text(a.object)), .td(.text(a.name)), .td(.text(a.county)), .td(.text(a.inspectors)))
                    })),
            .h2(.text("自行复核")),
            .p(.class("muted"), .text("下载两份名录，用蓝天的命令行（或按 docs/MARKET.md 的算法自行实现）重新抽取：")),
            .element(named: "pre", nodes: [.text(model.command)]),
            .if(
                model.mayManage && model.seed == nil,
                .form(
                    .class("filters"), .method(.post), .action(SiteURL.marketDrawSeed(id: model.id)),
                    Layout.csrfField(context.csrf),
                    .label(.text("随机数（按上面的来源，公布后录入）"), .input(.type(.text), .name("seed"))),
                    .button(.type(.submit), .text("抽取")))),
            .if(
                model.mayManage && model.seed != nil && !model.published,
                .form(
                    .method(.post), .action(SiteURL.marketDrawPublish(id: model.id)), Layout.csrfField(context.csrf),
                    .button(.type(.submit), .text("公开结果"))))
        )
    }
}
