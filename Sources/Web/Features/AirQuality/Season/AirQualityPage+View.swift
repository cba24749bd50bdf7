import AirQuality
import Campaign
import Foundation
import LantianCore
import Plot
import Services

/// 空气质量 · 秋冬季目标: the season's PM2.5 mean and heavy days against the plan's targets.
enum AirQualityPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        let f = model.figures
        return Layout.page(
            "空气质量 · 秋冬季目标", context,
            .form(
                .class("filters"), .method(.get), .action(SiteURL.air),
                .span(.class("muted"), .text("攻坚期 \(model.period) · 统计至 \(f.asOf)（含当日）")),
                .label(.text("统计至"), .input(.type(.date), .name("asOf"), .attr("value", f.asOf.description))),
                .button(.type(.submit), .class("secondary"), .text("查看"))
            ),
            targetsTable(f),
            .p(
                .class("muted small"),
                .text("城市日均值为国控站（评价点位）日均浓度的算术平均，对照点不参与；日 AQI 按 HJ 633 由城市日均浓度计算，AQI > 200 计为重度及以上污染天。无数据的日期不计入，也不补值。")),
            .p(
                .class("muted small"),
                .text("上一季同期：上一个攻坚期的相同日期（\(f.asOf.yearEarlier) 及以前），同样的计算方法。")),
            .h2(.text("图表")),
            .p(
                .class("small"),
                .text("数据下载（CSV）："),
                .a(.href(SiteURL.airCSV(.daily, asOf: f.asOf.description)), .text("逐日城市数据")),
                .text(" · "), .a(.href(SiteURL.airCSV(.months, asOf: f.asOf.description)), .text("各月")),
                .text(" · "), .a(.href(SiteURL.airCSV(.stations, asOf: f.asOf.description)), .text("点位排名"))
            ),
            AirQualityPage.charts(f, firstDay: model.firstDay, lastDay: model.lastDay),
            .h2(.text("点位排名（攻坚期至统计日）")),
            .table(
                .tr(
                    .th(.class("num"), .text("名次")), .th("点位"), .th("类型"), .th(.class("num"), .text("PM2.5")),
                    .th(.class("num"), .text("PM10")), .th(.class("num"), .text("综合指数")),
                    .th(.class("num"), .text("重污染天")), .th(.class("num"), .text("有效天数"))),
                .forEach(f.ranking.enumerated()) { index, rank in
                    .tr(
                        .td(.class("num"), .text("\(index + 1)")),
                        .td(.text("\(rank.station.name)（\(rank.station.code)）")),
                        .td(.text(rank.station.kind.chinese)),
                        .td(
                            .class("num"),
                            .text(rank.summary.statistics[.pm25].map { String(format: "%.1f", $0) } ?? "—")),
                        .td(
                            .class("num"),
                            .text(rank.summary.statistics[.pm10].map { String(format: "%.1f", $0) } ?? "—")),
                        .td(
                            .class("num"), .text(rank.summary.compositeIndex.map { String(format: "%.2f", $0) } ?? "—")),
                        .td(.class("num"), .text("\(rank.summary.heavyDays)")),
                        .td(.class("num"), .text("\(rank.summary.validDays[.pm25] ?? 0)"))
                    )
                }
            ),
            .p(
                .class("muted small"),
                .text("PM2.5、PM10 为有效日均值的平均；综合指数按 HJ 663 以 CO 日均值第 95 百分位、O3 日最大 8 小时第 90 百分位计算，六项任一缺失则不计。")),
            .h2(.text("沙尘天气过程")),
            .if(f.sandDust.isEmpty, .p(.class("muted"), .text("未认定沙尘天气过程。"))),
            .if(
                !f.sandDust.isEmpty,
                .table(
                    .tr(.th("起"), .th("止"), .th("说明"), .th("认定人")),
                    .forEach(f.sandDust) { p in
                        .tr(.td(.text(p.firstDay)), .td(.text(p.lastDay)), .td(.text(p.note)), .td(.text(p.declaredBy)))
                    }
                )),
            .if(model.canDeclare, declareForm(model, context)),
            .h2(.text("逐日城市数据")),
            .table(
                .tr(
                    .th("日期"), .th(.class("num"), .text("PM2.5")), .th(.class("num"), .text("PM10")),
                    .th(.class("num"), .text("AQI")),
                    .th("类别"), .th("首要污染物")),
                .forEach(f.days.reversed()) { day in
                    let result = AQIStandard.hj633.dailyAQI(day.concentrations)
                    return .tr(
                        .td(.text(day.date + (f.sandDustDays.contains(day.dayNumber) ? " 沙尘" : ""))),
                        .td(.class("num"), .text(day.means[.pm25].map { String(format: "%.0f", $0) } ?? "—")),
                        .td(.class("num"), .text(day.means[.pm10].map { String(format: "%.0f", $0) } ?? "—")),
                        .td(.class("num"), .text(result.aqi.map(String.init) ?? "—")),
                        .td(
                            .unwrap(result.category) { category in
                                .span(
                                    .attr("class", "badge aqi-\(category.rawValue)"),
                                    .text(category.chinese))
                            }),
                        .td(.class("small"), .text(result.primaryText))
                    )
                }
            ),
            .h2(.text("监测点位")),
            .if(
                model.canDeclare,
                .p(
                    .class("small"), .a(.href(SiteURL.airImport), .text("监测数据导入")),
                    .text("：上传点位小时数据（CNEMC、按日宽表、长表、PRSA），新点位可随导入登记；查看数值更正记录。"))),
            .table(
                .tr(.th("代码"), .th("名称"), .th("类型"), .th("区县")),
                .forEach(model.stations) { station in
                    .tr(
                        .td(.text(station.code)), .td(.text(station.name)), .td(.text(station.kind.chinese)),
                        .td(.text(station.county)))
                }
            )
        )
    }

    /// The season's four charts: daily PM2.5 with the target and budget lines, the AQI calendar, category days and
    /// PM2.5 by month against the previous season.
    static func charts(_ f: SeasonFigures, firstDay: Int, lastDay: Int) -> BodyNode {
        .group(
            .div(.class("chart wide"), .raw(SeasonCharts.dailyPM25(f, firstDay: firstDay, lastDay: lastDay))),
            .div(.class("chart wide"), .raw(SeasonCharts.calendar(f, firstDay: firstDay, lastDay: lastDay))),
            .div(
                .class("charts"),
                .div(.class("chart"), .raw(SeasonCharts.categoryStack(f.months))),
                .div(.class("chart"), .raw(SeasonCharts.monthlyComparison(f.months, target: f.pm25Target?.value)))
            )
        )
    }

    /// The plan's two targets, the figures so far, the previous season over the same dates and the change.
    static func targetsTable(_ f: SeasonFigures) -> BodyNode {
        let s = f.status
        let pm25Target = f.pm25Target.map { "≤ \(NumberText.display($0.value)) µg/m³" } ?? "—"
        let pm25Now = s.pm25Mean.map { String(format: "%.1f µg/m³", $0) } ?? "无有效数据"
        let pm25Before = f.previous?.pm25Mean.map { String(format: "%.1f µg/m³", $0) } ?? "无数据"
        let pm25Note: String =
            "有效天数 \(s.pm25Days) / 已过 \(s.elapsedDays) 天" + (s.meetsPM25SoFar == false ? "；目前超过目标" : "")
            + sandDustText(f)
        let heavyTarget = f.heavyTarget.map { "≤ \(NumberText.display($0.value)) 天" } ?? "—"
        let heavyBefore = f.previous.map { "\($0.heavyDays) 天" } ?? "无数据"
        let heavyChange: String =
            f.previous.map { previous in
                let delta = s.heavyDays - previous.heavyDays
                return delta > 0 ? "+\(delta) 天" : "\(delta) 天"
            } ?? "—"
        let projection = String(format: "%.1f", s.projectedHeavyDays)
        let heavyNote =
            s.heavyDaysLeft >= 0
            ? "尚余 \(s.heavyDaysLeft) 天；按目前节奏全季约 \(projection) 天" : "已超过目标 \(-s.heavyDaysLeft) 天"
        let budgetNote = "剩余 \(s.remainingDays) 天的 PM2.5 平均浓度上限（按目标保留一位小数比较，假定剩余天数均有效）"
        return .table(
            .class("targets"),
            .tr(
                .th("指标"), .th(.class("num"), .text("目标")), .th(.class("num"), .text("至今")),
                .th(.class("num"), .text("上一季同期")), .th(.class("num"), .text("变化")), .th("说明")),
            .tr(
                .td("PM2.5 平均浓度"), .td(.class("num"), .text(pm25Target)), .td(.class("num"), .text(pm25Now)),
                .td(.class("num"), .text(pm25Before)),
                .td(.class("num"), .text(change(s.pm25Mean, f.previous?.pm25Mean))), .td(.text(pm25Note))),
            .tr(
                .td("剩余天数须控制在"), .td(.class("num")),
                .td(.attr("class", s.outOfReach ? "num late" : "num"), .text(budgetText(s))), .td(.class("num")),
                .td(.class("num")), .td(.text(budgetNote))),
            .tr(
                .td("重度及以上污染天数"), .td(.class("num"), .text(heavyTarget)),
                .td(.attr("class", s.heavyDaysLeft < 0 ? "num late" : "num"), .text("\(s.heavyDays) 天")),
                .td(.class("num"), .text(heavyBefore)), .td(.class("num"), .text(heavyChange)), .td(.text(heavyNote)))
        )
    }

    /// "−3.2 µg/m³（−5.0%）" against the previous season.
    static func change(_ now: Double?, _ before: Double?) -> String {
        guard let now, let before, before > 0 else { return "—" }
        let delta = now - before
        return String(format: "%+.1f µg/m³（%+.1f%%）", delta, delta / before * 100)
    }

    /// "；已扣除沙尘日，含沙尘为 61.3 µg/m³" when sand-dust days were left out.
    private static func sandDustText(_ f: SeasonFigures) -> String {
        guard !f.sandDustDays.isEmpty else { return "" }
        return "；已扣除沙尘日，含沙尘为 " + (f.status.pm25MeanWithSandDust.map { String(format: "%.1f µg/m³", $0) } ?? "—")
    }

    private static func declareForm(_ model: Model, _ context: PageContext) -> BodyNode {
        .form(
            .class("filters"), .method(.post), .action(SiteURL.sandDust),
            Layout.csrfField(context.csrf),
            .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
            .label(.text("起始日"), .input(.type(.date), .name("firstDay"), .required(true))),
            .label(.text("结束日"), .input(.type(.date), .name("lastDay"), .required(true))),
            .label(.text("依据 / 说明"), .input(.type(.text), .name("note"), .required(true))),
            .button(.type(.submit), .text("认定沙尘天气过程"))
        )
    }

    static func budgetText(_ s: SeasonStatus) -> String {
        guard let budget = s.remainingBudget else { return "—" }
        if budget < 0 { return "已无法达标" }
        return String(format: "≤ %.1f µg/m³", budget) + (s.outOfReach ? "（实际难以达到）" : "")
    }
}
