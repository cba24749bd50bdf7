import Emergency
import Foundation
import Persistence
import Plot
import Services

/// 应急管控告知书: the warning's control orders, one printed page each (bulk, or one county's), with whether each was
/// delivered and acknowledged; the office marks delivery. After sending, the page lists each new order's one-time
/// acknowledgement link — shown this once.
enum OrdersPage {
    struct Model {
        struct Order {
            var id: UUID
            var enterprise: String
            var county: String
            var paragraphs: [String]
            var delivered: String?
            var acknowledged: String?
        }

        var warningID: UUID
        var document: String
        var level: WarningLevel
        var county: String?
        var counties: [(code: String, name: String)]
        var orders: [Order]
        var sent: [(name: String, link: String)]
        var mayMark: Bool
    }

    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "应急管控告知书（\(model.document)）", context,
            .p(
                .class("filters noprint"),
                .a(.href(SiteURL.emergencyWarning(id: model.warningID)), .text("返回预警")), .text("　"),
                .a(.href(SiteURL.emergencyOrders(warning: model.warningID, county: nil)), .text("全部县区　")),
                .forEach(model.counties) { county in
                    .a(
                        .href(SiteURL.emergencyOrders(warning: model.warningID, county: county.code)),
                        .text("\(county.name)　"))
                }),
            .if(
                !model.sent.isEmpty,
                .div(
                    .class("panel noprint"),
                    .h2(.text("新发送 \(model.sent.count) 份：签收链接（仅此一次显示，请即转发企业）")),
                    .ul(.forEach(model.sent) { .li(.text("\($0.name)：\($0.link)")) }))),
            .if(model.orders.isEmpty, .p(.class("muted"), .text("尚未发送告知书。"))),
            .forEach(model.orders) { order in
                .div(
                    .class("order"),
                    .h2(.text("重污染天气\(model.level.chinese)预警应急管控告知书")),
                    .p(.class("small"), .text("\(order.county) · 编号 \(order.enterprise)")),
                    .forEach(order.paragraphs) { .p(.text($0)) },
                    .p(
                        .class("small"),
                        .text(
                            "送达：\(order.delivered ?? "未标记")　签收：\(order.acknowledged ?? "未签收")")),
                    .if(
                        model.mayMark && order.delivered == nil,
                        .form(
                            .class("noprint"), .method(.post), .action(SiteURL.emergencyOrder(id: order.id)),
                            Layout.csrfField(context.csrf), .button(.type(.submit), .text("标记已送达")))))
            }
        )
    }
}

/// 告知书签收（公开）: what the enterprise sees through its one-time link, and the acknowledgement form.
enum PublicOrderPage {
    struct Model {
        var token: String
        var enterprise: String
        var level: WarningLevel
        var paragraphs: [String]
        var acknowledged: String?
        var errors: [String]
    }

    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "应急管控告知书", context,
            .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
            .div(
                .class("order"),
                .h2(.text("重污染天气\(model.level.chinese)预警应急管控告知书")),
                .forEach(model.paragraphs) { .p(.text($0)) }),
            .unwrap(
                model.acknowledged,
                { .p(.class("notice"), .text("已签收：\($0)。")) },
                else: .form(
                    .method(.post), .action(SiteURL.publicOrder(token: model.token)),
                    .label(.text("签收人（姓名、职务）"), .input(.type(.text), .name("name"))),
                    .button(.type(.submit), .text("确认签收"))))
        )
    }
}
