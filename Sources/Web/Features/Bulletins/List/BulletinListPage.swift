import LantianCore
import Persistence
import Plot

/// 调度通报: the campaign's months, each with its bulletin's state. Units see the finalised ones; the office
/// every month, drafts included.
enum BulletinListPage {
    struct Item {
        var month: ReportMonth
        var state: String
        var number: String
        var isPublic: Bool
    }

    static func render(_ items: [Item], office: Bool, _ context: PageContext) -> HTML {
        Layout.page(
            "调度通报", context,
            .p(
                .class("muted"),
                .text(
                    office
                        ? "市大气办每月对空气质量、任务进展、报送、预警和检查情况进行调度通报。打开某月即按现有数据生成草稿；定稿后冻结。"
                        : "市大气办已印发的调度通报。")),
            .if(
                items.isEmpty, .p(.text("尚无已印发的通报。"))),
            .if(
                !items.isEmpty,
                .table(
                    .tr(.th("月份"), .th("状态"), .th("发文字号"), .th("公开")),
                    .forEach(items) { item in
                        .tr(
                            .td(.a(.href(SiteURL.bulletin(month: item.month)), .text(item.month.chinese))),
                            .td(.text(item.state)), .td(.text(item.number)), .td(.text(item.isPublic ? "已公开" : "")))
                    }))
        )
    }
}
