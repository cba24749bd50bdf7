import Emergency
import Foundation
import Plot

/// 预警详情: a warning, its history, and the form that changes it.
enum WarningPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "预警 \(model.document)", context,
            .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
            .p(
                EmergencyPage.levelBadge(model.level),
                .text(" \(model.inForce ? "执行中" : "已解除")：自 \(model.starts)起，\(model.end)。")),
            .p(.text("文号 \(model.document)；分级标准 \(model.rules)。")),
            .p(.class("small"), .text("依据：\(model.reason)")),
            .p(
                .a(.href(SiteURL.emergencyList(level: model.level)), .text("本级别减排清单")), .text("　"),
                .a(.href(SiteURL.emergencyReview(warning: model.id)), .text("过程评估"))),
            .h2(.text("发布与变更记录")),
            .table(
                .tr(.th("操作"), .th("级别"), .th("生效时间"), .th("文号"), .th("说明"), .th("操作人")),
                .forEach(model.changes) { change in
                    .tr(
                        .td(.text(change.action)), .td(EmergencyPage.levelBadge(change.level)), .td(.text(change.hour)),
                        .td(.text(change.document)), .td(.class("small"), .text(change.note)), .td(.text(change.by)))
                }),
            .h2(.text("应急管控告知书")),
            .p(
                .text("已发送 \(model.ordersSent) 份，已送达 \(model.ordersDelivered) 份，企业已签收 \(model.ordersAcknowledged) 份。"),
                .a(.href(SiteURL.emergencyOrders(warning: model.id, county: nil)), .text("查看、打印"))),
            .if(
                model.mayChange,
                .form(
                    .class("filters"), .method(.post), .action(SiteURL.emergencyOrders(warning: model.id, county: nil)),
                    Layout.csrfField(context.csrf),
                    UI.select(
                        "county", [("", "全部县区")] + model.counties.map { ($0.code, $0.name) }, selected: nil, label: "县区"
                    ),
                    .button(.type(.submit), .text("按本级别清单发送告知书")))),
            .h2(.text("督查检查")),
            .if(model.inspections.isEmpty, .p(.class("muted"), .text("尚无检查记录。"))),
            .if(
                !model.inspections.isEmpty,
                .table(
                    .tr(.th("企业"), .th("方式"), .th("结果"), .th("时间"), .th("说明"), .th("证据"), .th("检查人")),
                    .forEach(model.inspections) { row in
                        .tr(
                            .td(.text(row.enterprise)), .td(.text(row.method)),
                            .td(.attr("class", row.violated ? "errors" : ""), .text(row.result)), .td(.text(row.hour)),
                            .td(.class("small"), .text(row.note)),
                            .td(
                                .forEach(row.files) { file in .a(.attr("href", file.link.path), .text(file.name + " "))
                                }),
                            .td(.text(row.by)))
                    })),
            .if(
                model.mayInspect,
                .form(
                    .method(.post), .action(SiteURL.emergencyInspections(warning: model.id)), .enctype(.multipartData),
                    Layout.csrfField(context.csrf),
                    UI.select("enterprise", model.enterprises.map { ($0.id, $0.name) }, selected: nil, label: "企业"),
                    UI.select(
                        "method", [("onSite", "现场检查"), ("online", "在线监测"), ("electricity", "用电监控")], selected: nil,
                        label: "方式"),
                    UI.select("result", [("complied", "已落实"), ("violated", "未落实（违规）")], selected: nil, label: "结果"),
                    .label(.text("检查时间"), .input(.type(.text), .name("hour"), .attr("value", model.now))),
                    .label(.text("说明"), .input(.type(.text), .name("note"))),
                    .element(
                        named: "input",
                        nodes: [
                            .attribute(named: "type", value: "file"), .attribute(named: "name", value: "files[]"),
                            .attribute(named: "multiple", value: "multiple"), .attr("aria-label", "证据文件"),
                        ]),
                    .button(.type(.submit), .text("记录检查")))),
            .if(
                model.mayChange,
                .group(
                    .h2(.text("升级、降级、调整或解除")),
                    .form(
                        .method(.post), .action(SiteURL.emergencyWarning(id: model.id)), Layout.csrfField(context.csrf),
                        UI.select(
                            "action", [("upgrade", "升级"), ("downgrade", "降级"), ("adjust", "调整预计结束时间"), ("lift", "解除")],
                            selected: nil, label: "操作"),
                        UI.select(
                            "level", model.levels.reversed().map { ($0.rawValue, "\($0.chinese)（\($0.grade)）") },
                            selected: model.level.rawValue, label: "新级别（升级、降级时）"),
                        .label(.text("生效时间"), .input(.type(.text), .name("hour"), .attr("value", model.now))),
                        .label(
                            .text("预计结束"), .input(.type(.text), .name("expectedEnd"), .attr("value", model.expectedEnd))
                        ),
                        .label(.text("文号"), .input(.type(.text), .name("document"), .attr("value", model.document))),
                        .label(.text("说明（必填）"), .textarea(.name("note"), .attr("rows", "2"), .attr("cols", "80"))),
                        .button(.type(.submit), .text("保存变更")))))
        )
    }
}
