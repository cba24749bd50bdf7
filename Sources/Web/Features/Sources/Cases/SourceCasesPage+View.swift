import Foundation
import Plot

/// 执法清单: faults and confirmed fraud from the on-site checks.
enum SourceCasesPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "执法清单：自动监测设备不正常运行与数据造假", context,
            .p(.a(.href(SiteURL.publicMonitoring), .text("公开名单（无需登录）"))),
            .if(model.rows.isEmpty, .p(.class("muted"), .text("尚无设备故障或数据造假的检查记录。"))),
            .if(
                !model.rows.isEmpty,
                .table(
                    .tr(
                        .th("检查时间"), .th("企业"), .th("排放口"), .th("结果"), .th("发现"), .th("运维机构与责任人"), .th("证据"),
                        .th("公开")),
                    .forEach(model.rows) { row in
                        .tr(
                            .td(.text(row.when)), .td(.text(row.enterprise)), .td(.text(row.outlet)),
                            .td(.text(row.result)), .td(.class("small"), .text(row.note)),
                            .td(.class("small"), .text(row.agency)),
                            .td(.forEach(row.files) { .div(.a(.attr("href", $0.path), .text($0.name))) }),
                            .td(
                                .if(!row.isFraud, .text("—")),
                                .if(row.isFraud && !model.mayKeep, .text(row.published ? "已公开" : "未公开")),
                                .if(
                                    row.isFraud && model.mayKeep,
                                    .form(
                                        .method(.post), .attr("action", SiteURL.sourcesPublish(id: row.id).path),
                                        Layout.csrfField(context.csrf),
                                        UI.hidden("published", row.published ? "0" : "1"),
                                        .button(.type(.submit), .text(row.published ? "撤回公开" : "公开"))))))
                    }))
        )
    }
}
