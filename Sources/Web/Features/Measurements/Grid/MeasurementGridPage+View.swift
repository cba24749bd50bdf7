import Foundation
import Plot

/// A measurement's grid, chart and import; and the list of measurements.
enum MeasurementGridPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "月度监测：\(model.title)", context,
            .p(.a(.href(SiteURL.measurements), .text("← 全部月度监测"))),
            .p(.text("限值 \(model.limitText)。"), .span(.class("muted"), .text(model.basis))),
            .unwrap(model.outcome) { UI.importOutcome($0, kind: model.title) },
            .if(!model.problems.isEmpty, .ul(.class("errors"), .forEach(model.problems) { .li(.text($0)) })),
            .h2(.text("计算的方案指标")),
            .if(model.computed.isEmpty, .p(.class("muted"), .text("本项监测不计算方案指标，供调度和通报使用。"))),
            .ul(.forEach(model.computed) { .li(.text($0)) }),
            .h2(.text("按县逐月（\(model.unit)）")),
            .form(
                .method(.post), .action(SiteURL.measurement(code: model.code)), Layout.csrfField(context.csrf),
                .table(
                    .tr(.th("县区"), .forEach(model.months) { .th(.text($0)) }, .th("均值")),
                    .forEach(model.rows) { row in
                        .tr(
                            .th(.text(row.name)),
                            .forEach(row.cells) { cell in
                                .td(
                                    .attr("class", cell.over ? "num over" : "num"),
                                    cell.editable
                                        ? .input(
                                            .type(.text), .attr("name", "c[\(row.county)][\(cell.month)]"),
                                            .attr("value", cell.text), .attr("inputmode", "decimal"),
                                            .attr("size", "6"),
                                            .attr("aria-label", "\(row.name) \(cell.month)"))
                                        : .text(cell.text + (cell.over ? " ✗" : "")))
                            },
                            .td(.attr("class", row.meanOver ? "num over" : "num"), .text(row.mean)))
                    }),
                .p(.class("muted"), .text("红色为超出限值的月份（✗）。空格表示尚未填报；清空一格即删除该月数值。")),
                .if(model.mayEnter, .button(.type(.submit), .text("保存")))),
            .h2(.text("趋势")),
            .raw(MeasurementChart.svg(model.chart)),
            .if(
                model.mayEnter,
                .group(
                    .h2(.text("导入")),
                    .p(
                        .class("muted"),
                        .text("CSV（UTF-8 或 GB18030）或 .xlsx，列名：县区、月份（2021-10）、数值；任何一行有错误时整个文件不导入。")),
                    UI.uploadForm(
                        SiteURL.measurementUpload(code: model.code), label: "导入月度监测", csrf: context.csrf)))
        )
    }

    static func renderList(_ model: ListModel, _ context: PageContext) -> HTML {
        Layout.page(
            "月度监测", context,
            .p(.class("muted"), .text("各县（市、区）逐月填报，逐项对照限值；由此计算的方案指标替代单位报送的数值。")),
            .table(
                .tr(
                    .th("监测项"), .th("限值"), .th(.class("num"), .text("已填报（县·月）")), .th(.class("num"), .text("超限")),
                    .th("计算的指标")),
                .forEach(model.items) { item in
                    .tr(
                        .td(.a(.attr("href", item.path), .text(item.title))), .td(.text(item.limit)),
                        .td(.class("num"), .text("\(item.entered)")),
                        .td(.attr("class", item.over > 0 ? "num over" : "num"), .text("\(item.over)")),
                        .td(.class("small"), .text(item.tasks)))
                })
        )
    }
}
