import Foundation
import Plot

/// 本周可疑排放口: the inspectors' ranked list for a week.
enum SuspectsPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "本周可疑排放口", context,
            .p(
                .a(.attr("href", model.previous), .text("‹ 上一周")), .text("　\(model.title)　"),
                .a(.attr("href", model.next), .text("下一周 ›"))),
            .p(
                .class("muted"),
                .text(
                    "按异常规则的命中计分：每处命中计 规则权重 ×（1 + log₂ 小时数），数据造假迹象（折算值与含氧量不符、检查期间骤降）权重 5，"
                        + "数值恒定和生产时零值 4，含氧量不随负荷变化、昼夜规律异常和超标 3，工作日规律异常和超量程 2，缺失、迟报和无效标记 1；停运（F）不计分。")),
            .if(model.rows.isEmpty, .p(.class("muted"), .text("本周没有命中异常规则的排放口。"))),
            .forEach(model.rows) { row in
                .div(
                    .class("panel"),
                    .h2(.text("\(row.rank). \(row.enterprise) \(row.outlet)（\(row.mn)）— \(row.score) 分")),
                    .ul(.forEach(row.parts) { .li(.text("\($0.rule)：\($0.text)")) }),
                    .ul(
                        .class("small"),
                        .forEach(row.hits) { hit in
                            .li(.a(.attr("href", hit.chart), .text(hit.text)), .text("：\(hit.detail)"))
                        }),
                    .p(.a(.attr("href", row.outletPath), .text("本周全部命中与现场检查记录"))))
            })
    }
}
