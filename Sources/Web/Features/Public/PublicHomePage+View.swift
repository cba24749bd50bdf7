import Foundation
import Plot

/// 公开信息 · 空气质量: the front page anyone may read — the season's PM2.5 and heavy days against the plan's
/// targets with the charts, the warning in force, the tasks' progress and the latest bulletins.
enum PublicHomePage {
    static func render(_ model: Model) -> HTML {
        let f = model.figures
        return Layout.page(
            "秋冬季空气质量与攻坚进展", .anonymous(.air),
            .p(.class("muted"), .text("攻坚期 \(model.period) · 统计至 \(f.asOf)（含当日）· 数据每日更新，以生态环境部门发布为准")),
            .div(
                .class("panel"),
                .unwrap(
                    model.warning,
                    { warning in
                        .p(
                            EmergencyPage.levelBadge(warning.level),
                            .text(" 重污染天气预警执行中：自 \(warning.starts)起，\(warning.end)。"),
                            .a(.href(SiteURL.publicWarning), .text("健康提示与历史预警")))
                    }, else: .p(.text("当前没有执行中的重污染天气预警。"), .a(.href(SiteURL.publicWarning), .text("历史预警"))))
            ),
            .h2(.text("目标与进展")),
            AirQualityPage.targetsTable(f),
            AirQualityPage.charts(f, firstDay: model.firstDay, lastDay: model.lastDay),
            .p(
                .class("muted small"),
                .text("城市日均值为国控站日均浓度的算术平均；日 AQI 按 HJ 633-2012 计算，AQI > 200 计为重度及以上污染天；经认定的沙尘天气过程日已扣除。")),
            .h2(.text("攻坚任务进展")),
            .table(
                .tr(.forEach(model.taskCounts) { .th(.class("num"), .text($0.status)) }),
                .tr(.forEach(model.taskCounts) { .td(.class("num"), .text("\($0.count) 项")) })),
            .p(.a(.href(SiteURL.publicTasks), .text("逐项查看任务与完成时限"))),
            .h2(.text("调度通报")),
            .if(model.bulletins.isEmpty, .p(.class("muted"), .text("尚无公开的调度通报。"))),
            .ul(
                .forEach(model.bulletins) { item in
                    .li(
                        .a(.href(SiteURL.publicBulletin(month: item.month)), .text(item.title)),
                        .text(" \(item.number)"))
                }),
            .p(
                .a(.href(SiteURL.publicBulletins), .text("全部公开通报")), .text(" · "),
                .a(.href(SiteURL.publicChecks), .text("产品质量抽查与随机抽查结果")), .text(" · "),
                .a(.href(SiteURL.publicMonitoring), .text("监测数据弄虚作假名单")))
        )
    }
}
