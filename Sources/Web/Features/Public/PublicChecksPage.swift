import Foundation
import LantianCore
import Plot

/// 抽查结果（公开）: the market bureaus' product-quality spot checks counted by product and county (judged
/// batches only), and the published random inspections (双随机) with their draws.
enum PublicChecksPage {
    struct Model {
        struct Tally: Hashable {
            var product: String
            var county: String
            var batches: Int
            var passed: Int

            var failed: Int { batches - passed }
            /// 合格率, one place, GB/T 8170 rounding as everywhere in Lantian.
            var passRate: String {
                batches == 0 ? "—" : NumberText.fixed(Double(passed) / Double(batches) * 100, places: 1) + "%"
            }
        }

        struct Draw {
            var id: UUID
            var title: String
            var drawnOn: String
            var publishedOn: String
        }

        var tallies: [Tally]
        var draws: [Draw]

        /// Tallies of judged checks (`verdict` 合格 or 不合格) by product and county name, in product then county
        /// order; pending batches are not counted.
        static func tallies(_ judged: [(product: String, county: String, passed: Bool)]) -> [Tally] {
            let grouped = Dictionary(grouping: judged) { "\($0.product)\u{1F}\($0.county)" }
            return grouped.values.map { rows in
                Tally(
                    product: rows[0].product, county: rows[0].county, batches: rows.count,
                    passed: rows.filter(\.passed).count)
            }.sorted { ($0.product, $0.county) < ($1.product, $1.county) }
        }
    }

    static func render(_ model: Model) -> HTML {
        Layout.page(
            "抽查结果", .anonymous(.checks),
            .h2(.text("产品质量监督抽查（车用油品、尿素、含 VOCs 产品）")),
            .p(.class("muted small"), .text("已出检验结论的批次，按产品和县（市、区）统计；不合格批次依法处理，处理结果另行公布。")),
            .if(model.tallies.isEmpty, .p(.text("尚无已出结论的抽查批次。"))),
            .if(
                !model.tallies.isEmpty,
                .table(
                    .tr(
                        .th("产品"), .th("县（市、区）"), .th(.class("num"), .text("抽查批次")), .th(.class("num"), .text("合格")),
                        .th(.class("num"), .text("不合格")), .th(.class("num"), .text("合格率"))),
                    .forEach(model.tallies) { t in
                        .tr(
                            .td(.text(t.product)), .td(.text(t.county)), .td(.class("num"), .text("\(t.batches)")),
                            .td(.class("num"), .text("\(t.passed)")), .td(.class("num"), .text("\(t.failed)")),
                            .td(.class("num"), .text(t.passRate)))
                    })),
            .h2(.text("随机抽查（双随机、一公开）")),
            .if(model.draws.isEmpty, .p(.text("尚无公开的随机抽取结果。"))),
            .if(
                !model.draws.isEmpty,
                .table(
                    .tr(.th("抽查事项"), .th("抽取日期"), .th("公开日期")),
                    .forEach(model.draws) { d in
                        .tr(
                            .td(.a(.href(SiteURL.publicDraw(id: d.id)), .text(d.title))), .td(.text(d.drawnOn)),
                            .td(.text(d.publishedOn)))
                    }))
        )
    }
}
