import Foundation
import LantianCore
import Plot

/// 调度通报（公开）: the finalised bulletins the office published, newest first.
enum PublicBulletinsPage {
    struct Model {
        struct Item {
            var month: ReportMonth
            var title: String
            var number: String
            var issuedOn: String
        }

        var items: [Item]
    }

    static func render(_ model: Model) -> HTML {
        Layout.page(
            "调度通报", .anonymous(.bulletins),
            .p(.class("muted"), .text("市大气污染防治工作领导小组办公室定期印发的调度通报（已定稿并决定公开的）。")),
            .if(model.items.isEmpty, .p(.text("尚无公开的调度通报。"))),
            .if(
                !model.items.isEmpty,
                .table(
                    .tr(.th("月份"), .th("标题"), .th("文号"), .th("印发日期")),
                    .forEach(model.items) { item in
                        .tr(
                            .td(.text(item.month.chinese)),
                            .td(.a(.href(SiteURL.publicBulletin(month: item.month)), .text(item.title))),
                            .td(.text(item.number)), .td(.text(item.issuedOn)))
                    }))
        )
    }
}
