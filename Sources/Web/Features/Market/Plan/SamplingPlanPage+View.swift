import Foundation
import LantianCore
import Plot

/// 抽检计划: progress per bureau against its quota, and the year's coverage per county with the sites still to
/// sample.
enum SamplingPlanPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            model.title, context,
            .p(
                .text(
                    "\(model.year)年 · \(model.family) · 计划 \(model.quota) 批次，已抽检 \(model.sampled) 批次"
                        + "（不合格 \(model.failed)）· 距年底还有 \(model.daysLeft) 天")),
            .p(.a(.href(SiteURL.marketPlanEvidence(id: model.id)), .text("下载资料包（全部抽检记录、案件与文书，迎接考核）"))),
            .if(
                model.uncounted > 0,
                .p(
                    .class("muted small"),
                    .text("另有 \(model.uncounted) 批次抽自不在高速公路、国道、省道沿线的加油站，不计入本计划（方案：从沿线加油站抽检尿素）。"))),
            .h2(.text("各单位进度")),
            .table(
                .tr(
                    .th("抽检单位"), .th(.class("num"), .text("计划批次")), .th(.class("num"), .text("已抽检")),
                    .th(.class("num"), .text("不合格")), .th("进度")),
                .forEach(model.lines) { line in
                    .tr(
                        .td(.text(line.unit)), .td(.class("num"), .text("\(line.quota)")),
                        .td(.class("num"), .text("\(line.sampled)")), .td(.class("num"), .text("\(line.failed)")),
                        .td(UI.progressBar(line.quota == 0 ? 0 : min(1, Double(line.sampled) / Double(line.quota)))))
                }),
            .unwrap(model.coverage) { counties in
                .group(
                    .h2(.text("年度覆盖：\(model.coverageKind)")),
                    .table(
                        .class("coverage"),
                        .tr(
                            .th("县区"), .th(.class("num"), .text("登记（持证）")), .th(.class("num"), .text("已抽检")),
                            .th("覆盖率"), .th(.class("num"), .text("未抽检"))),
                        .forEach(counties) { county in
                            .tr(
                                .td(.text(county.name)), .td(.class("num"), .text("\(county.registered)")),
                                .td(.class("num"), .text("\(county.covered)")),
                                .td(
                                    UI.progressBar(
                                        county.registered == 0 ? 0 : Double(county.covered) / Double(county.registered)),
                                    .text(MarketPage.percent(county.covered, county.registered))),
                                .td(.class("num"), .text("\(county.unsampled.count)")))
                        }),
                    .h2(.text("本年度尚未抽检（距年底 \(model.daysLeft) 天）")),
                    .if(
                        counties.allSatisfy { $0.unsampled.isEmpty },
                        .p(.class("muted"), .text("登记的\(model.coverageKind)均已抽检。"))),
                    .forEach(counties.filter { !$0.unsampled.isEmpty }) { county in
                        .group(
                            .h3(.text("\(county.name)（\(county.unsampled.count)）")),
                            .table(
                                .class("unsampled"),
                                .tr(.th("编号"), .th("名称"), .th("地址"), .th("沿线道路")),
                                .forEach(county.unsampled) { site in
                                    .tr(
                                        .td(.text(site.code)), .td(.text(site.name)), .td(.text(site.address)),
                                        .td(.text(site.road)))
                                }))
                    })
            }
        )
    }
}
