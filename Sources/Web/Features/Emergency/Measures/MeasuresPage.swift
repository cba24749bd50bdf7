import Foundation
import Plot

/// 应急减排措施表: the measures in force, their history, and the editor (a `lantian-measures/1` document checked
/// whole before it is saved as the next version).
enum MeasuresPage {
    struct Model {
        var source: String
        var measures: Int
        var unverified: Int
        var versions: [(version: Int, note: String, by: String, at: String)]
        var document: String
        var shown: Int?
        var mayEdit: Bool
        var note: String
        var errors: [String]
    }

    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "应急减排措施表", context,
            .p(
                .text(
                    "现行：\(model.source)。共 \(model.measures) 条措施（行业 × 绩效等级 × 预警级别），\(model.unverified) 条的比例为默认值、待按本市审定清单核实。"
                        + "清单按现行措施表计算；每次保存为新版本，旧版本保留。")),
            .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
            .h2(.text("修订记录")),
            UI.versionHistory(
                model.versions, link: { .emergencyMeasures(version: $0) }, empty: "尚未修订，使用随平台发布的默认措施表。"),
            .h2(.text(model.shown.map { "第 \($0) 版原文" } ?? (model.mayEdit ? "修订措施表" : "措施表原文"))),
            .p(
                .class("muted"),
                .text(
                    "格式 lantian-measures/1（docs/EMERGENCY.md）：industries 为行业，measures 每条写明 industry（* 为所有行业）、grade、level、"
                        + "text、cut（各污染物削减比例）、stops（停产设备类型及台数比例）、output（产出损失比例）；核实后将 verified 改为 true。"
                        + "保存前整份文件会被检查，有任何问题都不会保存。")),
            UI.documentEditor(
                model.document, note: model.note, editable: model.mayEdit && model.shown == nil,
                action: .emergencyMeasures(version: nil), csrf: context.csrf)
        )
    }
}
