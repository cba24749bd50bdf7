import Foundation
import Plot

/// 产品标准库: the editions in force, the history of saved versions, and the editor (a `lantian-standards/1`
/// document, checked whole before it is saved as the next version).
enum StandardsPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "产品标准库", context,
            .p(
                .text(
                    "现行：\(model.source)。共 \(model.editions.count) 个产品版本；\(model.unverified) 个限值待与标准原文核实（标“待核实”）。"
                        + "抽检按抽样日有效的版本判定；标准换版时新增一个版本条目并写明施行日期，旧版本保留，用于判定换版前的样品。")),
            .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
            .table(
                .class("standards"),
                .tr(.th("产品代码"), .th("产品"), .th("标准"), .th("施行日期"), .th("判定方法"), .th("项目与限值")),
                .forEach(model.editions) { edition in
                    .tr(
                        .td(.text(edition.product)), .td(.text(edition.name)), .td(.text(edition.standard)),
                        .td(.text(edition.effective)), .td(.text(edition.method)),
                        .td(
                            .class("small"),
                            .text(
                                edition.items.map {
                                    "\($0.name)（\($0.code)）\($0.limit)\($0.unit.isEmpty ? "" : " " + $0.unit)"
                                        + ($0.verified ? "" : " 待核实")
                                }.joined(separator: "；"))))
                }),
            .h2(.text("修订记录")),
            UI.versionHistory(model.versions, link: { .marketStandards(version: $0) }, empty: "尚未修订。"),
            .h2(.text(model.shown.map { "第 \($0) 版原文" } ?? (model.mayEdit ? "修订标准库" : "标准库原文"))),
            .p(
                .class("muted"),
                .text(
                    "格式 lantian-standards/1（docs/MARKET.md）。限值按标准原文的写法填写（小数位数决定修约值比较法的修约位数）；"
                        + "核实后将 verified 改为 true。保存前整份文件会被检查，有任何问题都不会保存。")),
            UI.documentEditor(
                model.document, note: model.note, editable: model.mayEdit && model.shown == nil,
                action: .marketStandards(version: nil), csrf: context.csrf)
        )
    }
}
