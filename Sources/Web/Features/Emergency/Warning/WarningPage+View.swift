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
            .p(.a(.href(SiteURL.emergencyList(level: model.level)), .text("本级别减排清单"))),
            .h2(.text("发布与变更记录")),
            .table(
                .tr(.th("操作"), .th("级别"), .th("生效时间"), .th("文号"), .th("说明"), .th("操作人")),
                .forEach(model.changes) { change in
                    .tr(
                        .td(.text(change.action)), .td(EmergencyPage.levelBadge(change.level)), .td(.text(change.hour)),
                        .td(.text(change.document)), .td(.class("small"), .text(change.note)), .td(.text(change.by)))
                }),
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
