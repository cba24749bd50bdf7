import Foundation
import Plot

/// 应急减排企业名录: counts by county and grade, the enterprises, the inventory totals, the uploads.
enum EnterprisesPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "应急减排企业名录", context,
            .unwrap(model.outcome) { UI.importOutcome($0, kind: model.outcomeKind) },
            .h2(.text("按县区和绩效等级")),
            .table(
                .tr(
                    .th("绩效等级"), .forEach(model.counties) { .th(.class("num"), .text($0)) },
                    .th(.class("num"), .text("合计"))),
                .forEach(model.grades) { row in
                    .tr(
                        .td(.text(row.grade)), .forEach(row.counts) { .td(.class("num"), .text("\($0)")) },
                        .td(.class("num"), .text("\(row.total)")))
                }),
            .p(.a(.href(SiteURL.emergencyStaggering), .text("钢铁错峰生产方案核查"))),
            .h2(.text("全社会排放总量（排放清单）")),
            .p(.forEach(model.inventory) { .span(.text("\($0.0) \($0.1)　")) }),
            .h2(.text("企业")),
            .if(model.rows.isEmpty, .p(.class("muted"), .text("尚未导入企业名录。"))),
            .if(
                !model.rows.isEmpty,
                .table(
                    .tr(
                        .th("编号"), .th("企业"), .th("县区"), .th("行业"), .th("绩效等级"),
                        .th(.class("num"), .text("SO₂")), .th(.class("num"), .text("NOx")),
                        .th(.class("num"), .text("颗粒物")), .th(.class("num"), .text("VOCs")), .th("主要生产线与设备")),
                    .forEach(model.rows) { row in
                        .tr(
                            .td(.text(row.id)), .td(.text(row.name)), .td(.text(row.county)), .td(.text(row.industry)),
                            .td(.text(row.grade)), .forEach(row.emissions) { .td(.class("num"), .text($0)) },
                            .td(.class("small"), .text(row.equipment)))
                    })),
            .if(
                model.mayKeep,
                .group(
                    .h2(.text("导入")),
                    .p(
                        .class("muted"),
                        .text(
                            "CSV（UTF-8 或 GB18030）或 .xlsx，不超过 \(model.maxMegabytes) MB。企业名录的列：编号、企业名称、县区、行业、绩效等级、"
                                + "二氧化硫、氮氧化物、颗粒物、挥发性有机物（吨/年，必填），统一社会信用代码、产值（万元）、产能、保障理由、审批文件；"
                                + "导入后替换整个名录。设备的列：企业编号、设备编号、设备类型、名称，规模、各污染物排放量（docs/EMERGENCY.md）。"
                                + "排放总量的列：污染物（so2、nox、pm、vocs）、总量。任何一行有错误时整个文件不导入。")),
                    UI.uploadForm(.emergencyRegistry, kind: "enterprises", label: "导入企业名录", csrf: context.csrf),
                    UI.uploadForm(.emergencyRegistry, kind: "equipment", label: "导入生产线与设备", csrf: context.csrf),
                    UI.uploadForm(.emergencyRegistry, kind: "inventory", label: "导入排放总量", csrf: context.csrf)))
        )
    }
}
