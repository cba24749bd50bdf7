import Emergency
import Foundation
import Plot

/// 重污染应急: the warning in force, the forecast and proposed level, issuing, the rule edition, the history.
enum EmergencyPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "重污染天气应急", context,
            .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
            .unwrap(model.outcome) { UI.importOutcome($0, kind: "预报") },
            .div(
                .class("panel"),
                .h2(.text("当前预警")),
                .unwrap(
                    model.inForce,
                    { warning in
                        .p(
                            levelBadge(warning.level),
                            .text(" 自 \(warning.starts)起执行，\(warning.end)；文号 \(warning.document)。"),
                            .a(.href(SiteURL.emergencyWarning(id: warning.id)), .text("预警详情、调整与解除")), .text("　"),
                            .a(.href(SiteURL.emergencyList(level: warning.level)), .text("减排清单")))
                    }, else: .p(.text("当前没有执行中的重污染天气预警。")))),
            .h2(.text("预报与建议级别")),
            .p(
                .class("muted"),
                .text(
                    "按 \(model.rules.title)（\(model.rules.document)）：预报滚动 24 小时 AQI > \(model.rules.episodeAbove) 的小时计入，"
                        + "沙尘时段不计；两段之间不足 \(model.rules.liftHours) 小时的回落不解除，按一次过程计。")),
            .unwrap(
                model.forecast,
                { .p(.text("最新预报：\($0)。")) }, else: .p(.class("muted"), .text("尚未录入预报。"))),
            .if(
                !model.episodes.isEmpty,
                .table(
                    .tr(
                        .th("范围"), .th("时段"), .th(.class("num"), .text("AQI>\(model.rules.episodeAbove) 小时")),
                        .th(.class("num"), .text("AQI>300 小时")), .th(.class("num"), .text("最高 AQI")), .th("建议"),
                        .th("理由")),
                    .forEach(model.episodes) { row in
                        .tr(
                            .td(.text(row.county)), .td(.text(row.span)),
                            .td(.class("num"), .text("\(row.hoursAbove)")),
                            .td(.class("num"), .text("\(row.hoursAboveSevere)")),
                            .td(.class("num"), .text("\(row.maxAQI)")),
                            .td(levelBadge(row.level)), .td(.class("small"), .text(row.reason)))
                    })),
            .if(
                model.forecast != nil && model.episodes.isEmpty,
                .p(.text("预报期内 AQI 均未超过 \(model.rules.episodeAbove)（沙尘时段不计），不需启动预警。"))),
            .if(
                model.mayForecast,
                .group(
                    .p(
                        .class("muted"),
                        .text(
                            "上传预报（CSV 或 .xlsx）：逐小时 time,aqi（time 写作 2022-01-24T21:00，为该小时结束时刻）或逐日 date,aqi"
                                + "（每行计 24 小时），可选 sand_dust（1 为沙尘）和 county（分县预报）。")),
                    UI.uploadForm(.emergencyForecasts, kind: "forecast", label: "上传预报", csrf: context.csrf))),
            .if(
                model.mayIssue && model.inForce == nil,
                .group(
                    .h2(.text("发布预警")),
                    .form(
                        .method(.post), .action(SiteURL.emergencyWarnings), Layout.csrfField(context.csrf),
                        UI.select(
                            "level", model.rules.levels.reversed().map { ($0.rawValue, "\($0.chinese)（\($0.grade)）") },
                            selected: model.proposed == .none ? nil : model.proposed.rawValue, label: "级别"),
                        .label(
                            .text("开始（北京时间）"),
                            .input(.type(.text), .name("starts"), .attr("value", model.defaultStart))),
                        .label(
                            .text("预计结束"), .input(.type(.text), .name("expectedEnd"), .attr("value", model.defaultEnd))),
                        .label(
                            .text("文号"),
                            .input(.type(.text), .name("document"), .attr("placeholder", "晋市气防办函〔2023〕24号"))),
                        .label(
                            .text("依据"),
                            .textarea(
                                .name("reason"), .attr("rows", "3"), .attr("cols", "80"), .text(model.proposedReason))),
                        .button(.type(.submit), .text("发布预警"))))),
            .h2(.text("预警分级标准")),
            .p(
                .text(
                    "现行：\(model.rules.title)（\(model.rules.document)）"
                        + (model.rules.verified ? "" : "，待与文件原文核实") + "。"),
                .forEach(model.rules.triggers) { trigger in
                    .span(.class("small"), .text(" \(trigger.level.chinese)：\(trigger.chinese)。"))
                }),
            .if(
                model.mayChooseRules,
                .form(
                    .class("filters"), .method(.post), .action(SiteURL.emergencyRules), Layout.csrfField(context.csrf),
                    UI.select(
                        "rules", model.editions.map { ($0.code, $0.title) }, selected: model.rules.code, label: "分级标准"),
                    .button(.type(.submit), .text("改用此标准")))),
            .h2(.text("企业名录与减排清单")),
            .p(
                .text("应急减排清单企业 \(model.enterprises) 家；" + (model.hasInventory ? "已录入全社会排放总量。" : "尚未录入全社会排放总量。")),
                .a(.href(SiteURL.emergencyRegistry), .text("企业名录")), .text("　"),
                .a(.href(SiteURL.emergencyMeasures(version: nil)), .text("措施表")), .text("　"),
                .forEach(model.rules.levels.filter { $0 != .blue }) { level in
                    .a(.href(SiteURL.emergencyList(level: level)), .text("\(level.chinese)清单 "))
                }),
            .h2(.text("执法清单（预警期间未落实减排措施）")),
            .if(model.violations.isEmpty, .p(.class("muted"), .text("尚无。"))),
            .if(
                !model.violations.isEmpty,
                .table(
                    .tr(.th("企业"), .th("预警"), .th("检查时间"), .th("说明")),
                    .forEach(model.violations) { row in
                        .tr(
                            .td(.text(row.enterprise)),
                            .td(.a(.href(SiteURL.emergencyWarning(id: row.warning)), .text(row.document))),
                            .td(.text(row.hour)), .td(.class("small"), .text(row.note)))
                    })),
            .h2(.text("历史预警")),
            .if(model.warnings.isEmpty, .p(.class("muted"), .text("尚无。"))),
            .if(
                !model.warnings.isEmpty,
                .table(
                    .tr(.th("级别"), .th("开始"), .th("结束"), .th("文号"), .th("状态")),
                    .forEach(model.warnings) { row in
                        .tr(
                            .td(levelBadge(row.level)), .td(.text(row.starts)), .td(.text(row.end)),
                            .td(.a(.href(SiteURL.emergencyWarning(id: row.id)), .text(row.document))),
                            .td(.text(row.state)))
                    }))
        )
    }

    /// A level's badge in its colour (classes: the Content-Security-Policy allows no inline styles).
    static func levelBadge(_ level: WarningLevel) -> Node<HTML.BodyContext> {
        .span(
            .attr("class", "badge level-\(level.rawValue)"),
            .text(level == .none ? "不启动" : "\(level.chinese)预警（\(level.grade)）"))
    }
}
