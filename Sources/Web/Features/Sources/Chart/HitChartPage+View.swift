import Foundation
import Plot

/// A hit's chart and the window's hits on the factor.
enum HitChartPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            model.title, context,
            .p(.a(.attr("href", model.back), .text("‹ 返回排放口 \(model.mn)"))),
            .div(
                .class("chart wide"),
                .raw(
                    HitChart.svg(
                        model.series, factor: model.factor, limit: model.limit, hit: model.hit, title: model.chartTitle)
                )),
            .h2(.text("这段时间的异常")),
            .if(model.hits.isEmpty, .p(.class("muted"), .text("没有命中。"))),
            .if(
                !model.hits.isEmpty,
                .table(
                    .tr(.th("规则"), .th("时段"), .th("说明")),
                    .forEach(model.hits) {
                        .tr(
                            .td(.text($0.rule)), .td(.class("small"), .text($0.span)),
                            .td(.class("small"), .text($0.detail)))
                    })))
    }
}
