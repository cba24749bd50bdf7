import Foundation
import LantianCore
import Plot

/// 名录与购销记录: the registry's counts by kind and county, and the uploads that fill it.
enum RegistryPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "名录与购销记录", context,
            .unwrap(model.outcome) { UI.importOutcome($0, kind: model.outcomeKind) },
            .h2(.text("场所名录")),
            .table(
                .tr(
                    .th("类型"), .forEach(model.counties) { .th(.class("num"), .text($0)) },
                    .th(.class("num"), .text("合计"))),
                .forEach(model.rows) { row in
                    .tr(
                        .td(.text(row.kind)), .forEach(row.counts) { .td(.class("num"), .text("\($0)")) },
                        .td(.class("num"), .text("\(row.total)")))
                }),
            .p(.text("购销记录 \(model.deliveries) 条。")),
            .if(
                model.mayManage,
                .group(
                    .h2(.text("导入")),
                    .p(
                        .class("muted"),
                        .text(
                            "可上传 Excel/WPS 导出的 CSV（UTF-8 或 GB18030）或直接上传 .xlsx（读取第一个工作表），文件不超过 \(model.maxMegabytes) MB。"
                                + "场所名录的列：编号、名称、类型、县区（必填），地址、沿线道路、持证、经营者、风险等级；"
                                + "购销记录的列：供货方、收货方、日期、油品（必填），数量、单据号。表头也可用英文（docs/MARKET.md）。"
                                + "任何一行有错误时整个文件不导入；同一编号的场所以最后一次导入为准，已有的购销记录不会重复计入。")),
                    UI.uploadForm(.marketRegistry, kind: "sites", label: "导入场所名录", csrf: context.csrf),
                    UI.uploadForm(.marketRegistry, kind: "deliveries", label: "导入购销记录", csrf: context.csrf)))
        )
    }
}
