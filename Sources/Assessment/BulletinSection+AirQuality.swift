import AirQuality
import LantianCore

extension BulletinSection {
    /// 空气质量情况: the month's and the season's city PM2.5 against the target, heavy days against theirs, the
    /// remaining-days budget, the year-on-year change, the days by category, and the station and county
    /// rankings by composite index (lower is better; equal values at two places share a rank) and by its
    /// year-on-year change rate (improvement).
    public static func airQuality(_ facts: AirQualityFacts) -> BulletinSection {
        let month = facts.month
        var figures: [BulletinFigure] = []
        func add(_ key: String, _ label: String, _ text: String) {
            figures.append(BulletinFigure(key: key, label: label, text: text))
        }
        add("month-pm25", "\(month.month)月城市PM2.5平均浓度", concentration(facts.monthPM25))
        add("month-pm25-days", "\(month.month)月PM2.5有效天数", "\(facts.monthPM25Days)天")
        add("month-pm25-yoy", "\(month.month)月PM2.5同比", change(facts.monthPM25, facts.previousMonthPM25))
        add("season-pm25", "攻坚期以来PM2.5平均浓度", concentration(facts.seasonPM25))
        add("season-pm25-target", "攻坚期PM2.5目标", concentration(facts.pm25Target))
        add("season-pm25-yoy", "攻坚期以来PM2.5同比", change(facts.seasonPM25, facts.previousSeasonPM25))
        add("month-heavy", "\(month.month)月重污染天数", "\(facts.monthHeavyDays)天")
        add("season-heavy", "攻坚期以来重污染天数", "\(facts.seasonHeavyDays)天")
        add("season-heavy-target", "重污染天数目标", facts.heavyTarget.map { "≤\($0)天" } ?? "—")
        if let target = facts.heavyTarget {
            add("season-heavy-left", "剩余可用重污染天数", "\(max(0, target - facts.seasonHeavyDays))天")
        }
        add(
            "remaining-budget", "剩余\(facts.remainingDays)天PM2.5日均控制值",
            facts.remainingBudget.map { concentration($0) + (facts.outOfReach ? "（实际难以达到）" : "") } ?? "—")

        let period = "\(facts.seasonStart.chineseDay)至\(facts.asOf.chineseDay)"
        var sentences: [String] = []
        if let pm25 = facts.monthPM25 {
            sentences.append(
                "\(month.chinese)，全市PM2.5平均浓度为\(concentration(pm25))"
                    + (facts.previousMonthPM25.map { "，同比\(changeSentence(pm25, $0))" } ?? "，上年同期无数据") + "。")
        } else {
            sentences.append("\(month.chinese)，全市PM2.5无有效监测数据。")
        }
        if let season = facts.seasonPM25 {
            var text = "攻坚期以来（\(period)，有效监测\(facts.seasonPM25Days)天），PM2.5平均浓度为\(concentration(season))"
            if let target = facts.pm25Target {
                text += season <= target ? "，达到攻坚目标（\(concentration(target))）" : "，高于攻坚目标（\(concentration(target))）"
            }
            sentences.append(text + "。")
        }
        var heavy = "\(month.month)月重污染天数\(facts.monthHeavyDays)天，攻坚期以来累计\(facts.seasonHeavyDays)天"
        if let target = facts.heavyTarget {
            heavy +=
                facts.seasonHeavyDays > target
                ? "，已超过目标（≤\(target)天）\(facts.seasonHeavyDays - target)天"
                : "，目标≤\(target)天，剩余可用\(target - facts.seasonHeavyDays)天"
        }
        sentences.append(heavy + "。")
        if let budget = facts.remainingBudget, facts.remainingDays > 0 {
            sentences.append(
                "攻坚期剩余\(facts.remainingDays)天，PM2.5日均浓度需控制在\(concentration(budget))以内"
                    + (facts.outOfReach ? "（实际难以达到）" : "") + "方能完成目标。")
        }

        let categories = BulletinTable(
            key: "categories", caption: "\(month.month)月空气质量级别天数",
            columns: ["级别", "天数"],
            rows: AQICategory.allCases.map {
                BulletinTable.Row(key: "\($0.rawValue)", cells: [$0.chinese, "\(facts.categoryDays[$0] ?? 0)"])
            } + [BulletinTable.Row(key: "none", cells: ["无有效AQI", "\(facts.daysWithoutAQI)"])])

        return BulletinSection(
            key: "air", heading: "空气质量情况",
            blocks: [
                .paragraph(sentences.joined()), .figures(figures), .table(categories),
                .table(areaTable(facts.stations, key: "stations", caption: "国控点位综合指数排名", label: "点位", month: month)),
                .table(
                    areaTable(facts.counties, key: "counties", caption: "县（市、区）综合指数排名", label: "县（市、区）", month: month)),
            ])
    }

    private static func areaTable(
        _ areas: [AirQualityFacts.Area], key: String, caption: String, label: String, month: ReportMonth
    ) -> BulletinTable {
        let monthRank = Ranking(areas.map { ($0.code, $0.monthComposite) }, places: 2)
        let seasonRank = Ranking(areas.map { ($0.code, $0.seasonComposite) }, places: 2)
        let improvement = Ranking(areas.map { ($0.code, $0.compositeChange) }, places: 3)
        let rows = monthRank.entries.compactMap { entry -> BulletinTable.Row? in
            guard let area = areas.first(where: { $0.code == entry.key }) else { return nil }
            return BulletinTable.Row(
                key: area.code,
                cells: [
                    area.name, area.monthComposite.map { NumberText.fixed($0, places: 2) } ?? "—",
                    Ranking.rankText(entry), concentrationNumber(area.monthPM25),
                    area.seasonComposite.map { NumberText.fixed($0, places: 2) } ?? "—",
                    seasonRank.entry(area.code).map(Ranking.rankText) ?? "—",
                    area.compositeChange.map { percentChange($0) } ?? "—",
                    improvement.entry(area.code).map(Ranking.rankText) ?? "—",
                ])
        }
        return BulletinTable(
            key: key, caption: caption,
            columns: [
                label, "\(month.month)月综合指数", "排名", "\(month.month)月PM2.5（µg/m³）", "攻坚期综合指数", "排名",
                "综合指数同比", "改善排名",
            ], rows: rows, empty: "无监测数据")
    }

    static func concentration(_ value: Double?) -> String {
        value.map { NumberText.fixed($0, places: 1) + " µg/m³" } ?? "—"
    }

    static func concentrationNumber(_ value: Double?) -> String {
        value.map { NumberText.fixed($0, places: 1) } ?? "—"
    }

    /// `-12.3%` or `+4.0%` (a change rate, one place).
    static func percentChange(_ rate: Double) -> String {
        (rate > 0 ? "+" : "") + NumberText.fixed(rate * 100, places: 1) + "%"
    }

    private static func change(_ now: Double?, _ before: Double?) -> String {
        guard let now, let before, before > 0 else { return "上年同期无数据" }
        return percentChange((now - before) / before)
    }

    private static func changeSentence(_ now: Double, _ before: Double) -> String {
        guard before > 0 else { return "上年同期无数据" }
        let rate = (now - before) / before
        let word = rate < 0 ? "下降" : (rate > 0 ? "上升" : "持平")
        return rate == 0
            ? "持平" : "\(word)\(NumberText.fixed(abs(rate) * 100, places: 1))%（上年同期\(concentration(before))）"
    }
}
