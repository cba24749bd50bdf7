import Foundation
import Persistence
import Plot

/// 通知: the unit's notices, newest first, unread marked; one button marks them all read.
enum NoticesPage {
    struct Model {
        var notices: [NoticeStore.Stored]
        var zone: TimeZone
    }

    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "通知", context,
            .if(model.notices.isEmpty, .p(.class("muted"), .text("暂无通知。"))),
            .if(!model.notices.isEmpty, list(model.notices, zone: model.zone, context)),
            .p(.class("muted small"), .text("报送截止前的提醒、报告退回、预警发布与变更、案件期限到期前的提醒都会出现在这里，并同时发送给单位登记的联系渠道。"))
        )
    }

    /// The notices as a list with the button that marks the unit's unread ones read.
    static func list(_ notices: [NoticeStore.Stored], zone: TimeZone, _ context: PageContext) -> BodyNode {
        .group(
            .ul(
                .class("notices"),
                .forEach(notices) { notice in
                    .li(
                        .attr("class", notice.readAt == nil ? "unread" : "read"),
                        .a(.attr("href", NoticeLink.url(notice).path), .text(notice.title)),
                        .span(.class("muted small"), .text(" \(UI.dateTime(notice.createdAt, in: zone))")),
                        .if(!notice.body.isEmpty, .div(.class("small"), .text(notice.body))))
                }),
            .if(
                notices.contains { $0.readAt == nil },
                .form(
                    .class("inline"), .method(.post), .action(SiteURL.noticesRead),
                    Layout.csrfField(context.csrf),
                    .button(.type(.submit), .class("secondary"), .text("全部标为已读")))))
    }
}
