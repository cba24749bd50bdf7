import Foundation
import Plot

/// 专项行动: the action's progress, daily tally, finds, the summary for the bulletin, and the form for a new find.
enum ActionPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            model.title, context,
            .p(
                .text(
                    "\(model.period) · \(model.progress) · 共查处 \(model.total) 起，查扣油品 \(model.volume) 升，移送公安 \(model.transferred) 起"
                )),
            .div(.class("panel"), .h2(.text("行动小结（供调度通报引用）")), .p(.class("summary"), .text(model.summary))),
            .p(.a(.href(SiteURL.marketActionEvidence(id: model.id)), .text("下载资料包（行动小结、每日统计与全部查处记录）"))),
            .if(
                model.outside > 0,
                .p(.class("errors"), .text("另有 \(model.outside) 起的查处日期不在行动期间，未计入。"))),
            .if(model.mayRecord, findForm(model, context)),
            .h2(.text("每日统计")),
            .table(
                .class("tally"),
                .tr(
                    .th("日期"), .forEach(model.kinds) { .th(.class("num"), .text($0)) }, .th(.class("num"), .text("合计"))),
                .tr(
                    .td(.text("合计")), .forEach(model.byKind) { .td(.class("num"), .text("\($0)")) },
                    .td(.class("num"), .text("\(model.total)"))),
                .forEach(model.days) { day in
                    .tr(
                        .td(.text(day.day)), .forEach(day.counts) { .td(.class("num"), .text("\($0)")) },
                        .td(.class("num"), .text("\(day.counts.reduce(0, +))")))
                }),
            .h2(.text("查处记录")),
            .if(model.finds.isEmpty, .p(.class("muted"), .text("尚无查处记录。"))),
            .if(
                !model.finds.isEmpty,
                .table(
                    .class("finds"),
                    .tr(
                        .th("日期"), .th("类型"), .th("地点"), .th("县区"), .th(.class("num"), .text("查扣油品（升）")),
                        .th("处理情况"), .th("移送公安"), .th("案件阶段"), .th("办理")),
                    .forEach(model.finds) { find in
                        .tr(
                            .td(.text(find.day)), .td(.text(find.kind)), .td(.text(find.place)),
                            .td(.text(find.county)),
                            .td(.class("num"), .text(find.volume)), .td(.text(find.handling)),
                            .td(.text(find.police ? "是" : "否")), .td(.text(find.stage)),
                            .td(
                                .if(
                                    !find.next.isEmpty,
                                    .form(
                                        .class("inline"), .method(.post), .action(SiteURL.marketCase(id: find.id)),
                                        Layout.csrfField(context.csrf),
                                        UI.select("stage", find.next, selected: find.next.first?.0, label: "转入"),
                                        .input(
                                            .type(.text), .name("deadline"), .attr("placeholder", "整改期限"),
                                            .attr("size", "10"), .attr("aria-label", "整改期限")),
                                        .button(.type(.submit), .text("更新"))))))
                    }))
        )
    }

    private static func findForm(_ model: Model, _ context: PageContext) -> BodyNode {
        .group(
            .h2(.text("录入查处")),
            .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
            .form(
                .class("filters"), .method(.post), .action(SiteURL.marketActionFinds(id: model.id)),
                Layout.csrfField(context.csrf),
                UI.select("kind", model.kindOptions, selected: model.values["kind"], label: "类型"),
                field("place", "地点", model),
                UI.select("county", model.counties, selected: model.values["county"], label: "县区"),
                field("day", "查处日期", model, fallback: model.today),
                field("volume", "查扣油品（升）", model),
                field("handling", "处理情况", model),
                UI.select("police", [("", "否"), ("yes", "是")], selected: model.values["police"] ?? "", label: "移送公安"),
                .button(.type(.submit), .text("录入"))))
    }

    private static func field(_ name: String, _ label: String, _ model: Model, fallback: String = "")
        -> Node<HTML.FormContext>
    {
        .label(.text(label), .input(.type(.text), .attr("name", name), .attr("value", model.values[name] ?? fallback)))
    }
}
