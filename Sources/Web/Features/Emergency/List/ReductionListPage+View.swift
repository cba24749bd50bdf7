import Emergency
import Foundation
import Plot

/// 应急减排清单: the accounts, the gap-closer's proposal, the list, the 保障类 apart.
enum ReductionListPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "\(model.level.chinese)预警应急减排清单", context,
            .p(
                .class("filters"),
                .forEach(model.levels) { level in
                    .a(.href(SiteURL.emergencyList(level: level)), .text("\(level.chinese)预警　"))
                },
                .a(.href(SiteURL.emergency), .text("返回重污染应急"))),
            .p(
                .class("muted"),
                .text(
                    "要求：按 \(model.rules)，预警期间二氧化硫、氮氧化物、颗粒物和挥发性有机物的减排量分别达到全社会排放总量（排放清单）的规定比例。"
                        + "数值为吨/年。")),
            .if(
                !model.hasInventory,
                .p(.class("errors"), .text("尚未录入全社会排放总量，无法核算减排比例。请在企业名录页导入排放总量。"))),
            .if(
                model.hasInventory,
                .table(
                    .tr(
                        .th("污染物"), .th(.class("num"), .text("全社会排放总量")), .th(.class("num"), .text("清单减排量")),
                        .th(.class("num"), .text("占比")), .th(.class("num"), .text("要求")),
                        .th(.class("num"), .text("差额"))),
                    .forEach(model.accounts) { account in
                        .tr(
                            .td(.text(account.pollutant)), .td(.class("num"), .text(account.total)),
                            .td(.class("num"), .text(account.reduction)), .td(.class("num"), .text(account.share)),
                            .td(.class("num"), .text(account.required)),
                            .td(.attr("class", account.short ? "num errors" : "num"), .text(account.shortfall)))
                    })),
            .if(
                !model.additions.isEmpty,
                .group(
                    .h2(.text("补足方案：以最少的产出损失补足差额")),
                    .p(
                        .class("muted"),
                        .text(
                            "候选为尚未采取最严措施的企业的更严级别措施直至停产，每家企业至多一项；保障类企业不参与。"
                                + model.proofNote)),
                    .if(!model.closes, .p(.class("errors"), .text("即使全部采取最严措施，仍差：\(model.residual)。"))),
                    table(model.additions, extra: true))),
            .if(model.hasInventory && model.additions.isEmpty, .p(.text("清单减排量已达到各项要求。"))),
            .h2(.text("清单（\(model.rows.count) 家）")),
            .if(model.unverified > 0, .p(.class("muted"), .text("\(model.unverified) 家的措施比例为默认值，待按本市审定清单核实。"))),
            table(model.rows, extra: false),
            .h2(.text("保障类企业（\(model.exempt.count) 家，另列，不限产）")),
            .if(!model.exempt.isEmpty, table(model.exempt, extra: false))
        )
    }

    private static func table(_ rows: [Model.Row], extra: Bool) -> Node<HTML.BodyContext> {
        .table(
            .tr(
                .th("编号"), .th("企业"), .th("县区"), .th("等级"), .th("措施"), .th("核算"),
                .th(.class("num"), .text(extra ? "增加 SO₂" : "SO₂")), .th(.class("num"), .text("NOx")),
                .th(.class("num"), .text("颗粒物")), .th(.class("num"), .text("VOCs"))),
            .forEach(rows) { row in
                .tr(
                    .td(.text(row.id)), .td(.text(row.name)), .td(.text(row.county)), .td(.text(row.grade)),
                    .td(.class("small"), .text(row.measure)), .td(.class("small"), .text(row.basis)),
                    .forEach(row.cuts) { .td(.class("num"), .text($0)) })
            })
    }
}
