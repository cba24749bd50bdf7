import Emergency
import Foundation
import LantianCore
import Plot

/// 过程评估: a warning's forecast against the observed daily AQI, whether its level was right, the heavy days, and
/// the inspected enterprises' compliance.
enum ReviewPage {
    struct Model {
        var warningID: UUID
        var document: String
        var review: EpisodeReview
    }

    static func render(_ model: Model, _ context: PageContext) -> HTML {
        let review = model.review
        return Layout.page(
            "过程评估（\(model.document)）", context,
            .p(.a(.href(SiteURL.emergencyWarning(id: model.warningID)), .text("返回预警"))),
            .p(
                .text("发布级别 "), EmergencyPage.levelBadge(review.issued), .text("；按实测日 AQI 应为 "),
                EmergencyPage.levelBadge(review.observedLevel), .text("：\(review.verdict.chinese)。")),
            .p(
                .text(
                    "期间重污染天（日 AQI > 200）\(review.heavyDays) 天。"
                        + (review.complianceRate.map {
                            "检查企业 \(review.inspected) 家，落实措施 \(review.complied) 家（\(NumberText.percent($0))）。"
                        } ?? "期间没有检查记录。"))),
            .table(
                .tr(.th("日期"), .th(.class("num"), .text("预报 AQI")), .th(.class("num"), .text("实测 AQI")), .th("")),
                .forEach(review.days) { day in
                    .tr(
                        .td(.text(day.date.description)),
                        .td(.class("num"), .text(day.forecast.map(String.init) ?? "—")),
                        .td(.class("num"), .text(day.observed.map(String.init) ?? "无数据")),
                        .td(.text(day.isHeavy ? "重污染" : "")))
                }),
            .p(
                .class("muted"),
                .text(
                    "预报为最新一次预报中当日 24 时的滚动 24 小时 AQI；实测为国控站日均浓度按 HJ 633-2012 计算的全市日 AQI。"
                        + "“应为”按同一分级标准、把每个实测日计为 24 小时得出。"))
        )
    }
}
