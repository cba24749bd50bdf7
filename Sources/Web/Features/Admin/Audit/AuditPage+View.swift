import Foundation
import Plot

/// 操作日志: every write, newest first, a page at a time, filtered by user, unit, action and day.
enum AuditPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "操作日志", context,
            .p(.class("muted"), .text("每次写操作、登录、退出、登录失败和令牌变动都记录操作人、时间、对象和前后内容。")),
            .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
            .form(
                .class("filters"), .method(.get), .action(SiteURL.audit),
                .label(.text("用户名"), .input(.type(.text), .name("user"), .attr("value", model.filter["user"] ?? ""))),
                UI.select(
                    "unit", [("", "全部单位")] + model.units.map { ($0.code, $0.name) }, selected: model.filter["unit"],
                    label: "单位"),
                UI.select(
                    "action", [("", "全部操作")] + model.actions.map { ($0, $0) }, selected: model.filter["action"],
                    label: "操作"),
                .label(.text("日期"), .input(.type(.date), .name("day"), .attr("value", model.filter["day"] ?? ""))),
                .button(.type(.submit), .text("筛选"))
            ),
            .p(.class("small"), .text("共 \(model.total) 条，第 \(model.page) / \(max(1, model.pages)) 页")),
            .table(
                .tr(.th("时间"), .th("操作人"), .th("操作"), .th("对象"), .th("修改前"), .th("修改后")),
                .forEach(model.lines) { l in
                    .tr(
                        .td(.text(l.at)), .td(.text(l.username)), .td(.text(l.action)), .td(.text(l.entity)),
                        .td(.class("small"), .text(l.before)), .td(.class("small"), .text(l.after)))
                }
            ),
            .p(
                .class("small"),
                .if(model.page > 1, .a(.attr("href", model.path(page: model.page - 1)), .text("← 上一页"))),
                .text(" "),
                .if(model.page < model.pages, .a(.attr("href", model.path(page: model.page + 1)), .text("下一页 →"))))
        )
    }
}
