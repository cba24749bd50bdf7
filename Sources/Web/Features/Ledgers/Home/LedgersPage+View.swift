import Foundation
import Plot

/// 台账: the ledger types.
enum LedgersPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "台账", context,
            .p(.class("muted"), .text("台账是方案数字背后的逐项清单：指标由台账中的行计算，可逐级查看到每一行（docs/LEDGER-FORMAT.md）。")),
            .table(
                .tr(.th("台账"), .th("代码"), .th(.class("num"), .text("行数")), .th("计算的指标")),
                .forEach(model.rows) { row in
                    .tr(
                        .td(.a(.attr("href", row.path), .text(row.name))), .td(.text(row.code)),
                        .td(.class("num"), .text("\(row.rows)")), .td(.class("small"), .text(row.indicators)))
                }),
            .h2(.text("月度监测")),
            .p(
                .text("各县（市、区）逐月填报、对照限值的监测数据（降尘量、道路机械化清扫率、秸秆综合利用率等）："),
                .a(.href(SiteURL.measurements), .text("查看月度监测")))
        )
    }
}
