import AirQuality
import Campaign
import Foundation
import LantianCore
import Services

/// The season page's pictures, from the same figures as its tables and CSV.
enum SeasonCharts {
    static let noData = "#e5e7eb"

    /// Daily city PM2.5 as bars in the day's AQI category colour, the season mean so far, the target line and —
    /// over the days still to come — the budget line the remaining days must stay under.
    static func dailyPM25(_ f: SeasonFigures, firstDay: Int, lastDay: Int) -> String {
        let width = 900.0
        let height = 280.0
        let left = 44.0
        let right = 12.0
        let top = 28.0
        let bottom = 36.0
        var svg = SVG(width: width, height: height, title: "城市 PM2.5 日均浓度、目标线与剩余天数控制线")
        let days = f.days.filter { $0.dayNumber >= firstDay && $0.dayNumber <= lastDay }
        let target = f.pm25Target?.value
        let highest =
            ([target ?? 0, f.status.remainingBudget ?? 0] + days.compactMap { $0.means[.pm25] }).max() ?? 100
        let top10 = max(50, (highest / 50).rounded(.up) * 50)
        let count = Double(lastDay - firstDay + 1)
        let step = (width - left - right) / count
        func x(_ day: Int) -> Double { left + Double(day - firstDay) * step }
        func y(_ value: Double) -> Double { top + (height - top - bottom) * (1 - value / top10) }
        for tick in stride(from: 0.0, through: top10, by: top10 > 200 ? 100 : 50) {
            svg.line(x1: left, y1: y(tick), x2: width - right, y2: y(tick), stroke: "#ddd", width: 0.5)
            svg.text(SVG.n(tick).replacingOccurrences(of: ".0", with: ""), x: left - 4, y: y(tick) + 4, anchor: "end")
        }
        svg.text("µg/m³", x: 4, y: 16, size: 10)
        for day in days {
            guard let value = day.means[.pm25] else { continue }
            let colour =
                AQIStandard.hj633.dailyAQI(day.concentrations).category?.colour ?? noData
            let sand = f.sandDustDays.contains(day.dayNumber)
            svg.rect(
                x: x(day.dayNumber) + step * 0.1, y: y(value), width: step * 0.8, height: y(0) - y(value),
                fill: sand ? "#c8b48a" : colour, stroke: "#888",
                tooltip: "\(day.date) PM2.5 \(String(format: "%.0f", value)) µg/m³" + (sand ? "（沙尘）" : ""))
        }
        var running: [(Double, Double)] = []
        var sum = 0.0
        var n = 0.0
        for day in days where !f.sandDustDays.contains(day.dayNumber) {
            guard let value = day.means[.pm25] else { continue }
            sum += value
            n += 1
            running.append((x(day.dayNumber) + step / 2, y(sum / n)))
        }
        svg.polyline(running, stroke: "#1f2937", width: 2)
        if let target {
            svg.line(
                x1: left, y1: y(target), x2: width - right, y2: y(target), stroke: "#dc2626", width: 1.5, dashed: true)
            svg.text(
                "目标 \(NumberText.display(target))", x: width - right - 2, y: y(target) - 4, anchor: "end",
                fill: "#dc2626")
        }
        let asOf = f.asOf.dayNumber
        if let remaining = f.status.remainingBudget, asOf < lastDay {
            let from = x(max(asOf + 1, firstDay))
            if remaining >= 0 {
                svg.line(x1: from, y1: y(remaining), x2: width - right, y2: y(remaining), stroke: "#2563eb", width: 2)
                svg.text(
                    "剩余天数上限 " + String(format: "%.1f", remaining), x: width - right - 2,
                    y: y(remaining) + (remaining > (target ?? 0) ? -4 : 14), anchor: "end", fill: "#2563eb")
            } else {
                svg.text("剩余天数上限低于 0：已无法达标", x: width - right - 2, y: top + 12, anchor: "end", fill: "#2563eb")
            }
        }
        if asOf >= firstDay && asOf <= lastDay {
            svg.line(x1: x(asOf + 1), y1: top, x2: x(asOf + 1), y2: y(0), stroke: "#9ca3af", width: 1, dashed: true)
        }
        var day = firstDay
        while day <= lastDay {
            let date = CivilDate(dayNumber: day)
            if date.day == 1 || day == firstDay {
                svg.line(x1: x(day), y1: y(0), x2: x(day), y2: y(0) + 4, stroke: "#555")
                svg.text("\(date.month)月", x: x(day) + 2, y: y(0) + 16)
            }
            day += 1
        }
        svg.line(x1: left, y1: y(0), x2: width - right, y2: y(0), stroke: "#555")
        svg.text("柱：日均值（按当日 AQI 类别着色，沙尘日为棕色）  黑线：季均值累计（不含沙尘日）  红虚线：目标  蓝线：剩余天数上限", x: left, y: height - 6, size: 10)
        return svg.markup
    }

    /// A calendar of daily city AQI: one row per month, one cell per day, in the HJ 633 category colours.
    static func calendar(_ f: SeasonFigures, firstDay: Int, lastDay: Int) -> String {
        let cell = 24.0
        let left = 78.0
        let top = 24.0
        var months: [(year: Int, month: Int)] = []
        var day = firstDay
        while day <= lastDay {
            let date = CivilDate(dayNumber: day)
            if months.last.map({ $0 != (date.year, date.month) }) ?? true { months.append((date.year, date.month)) }
            day += 1
        }
        let height = top + Double(months.count) * cell + 40
        var svg = SVG(width: left + 31 * cell + 10, height: height, title: "城市日 AQI 日历")
        let byDay = Dictionary(f.days.map { ($0.dayNumber, $0) }, uniquingKeysWith: { a, _ in a })
        for d in 1...31 {
            svg.text("\(d)", x: left + Double(d - 1) * cell + cell / 2, y: top - 6, anchor: "middle", size: 9)
        }
        for (row, month) in months.enumerated() {
            let y = top + Double(row) * cell
            svg.text("\(month.year)年\(month.month)月", x: left - 6, y: y + cell * 0.65, anchor: "end")
            for d in 1...CivilDate.daysIn(year: month.year, month: month.month) {
                let number = CivilDate(year: month.year, month: month.month, day: d)!.dayNumber
                guard number >= firstDay && number <= lastDay else { continue }
                let x = left + Double(d - 1) * cell
                let result = byDay[number].map { AQIStandard.hj633.dailyAQI($0.concentrations) }
                let future = number > f.asOf.dayNumber
                svg.rect(
                    x: x + 1, y: y + 1, width: cell - 2, height: cell - 2,
                    fill: future ? "#fff" : result?.category?.colour ?? noData, stroke: "#bbb",
                    tooltip: CivilDate(dayNumber: number).description
                        + (result?.aqi.map { " AQI \($0) \(result?.category?.chinese ?? "")" }
                            ?? (future ? "" : " 无有效数据")))
                if let aqi = result?.aqi, !future {
                    svg.text(
                        "\(aqi)", x: x + cell / 2, y: y + cell * 0.65, anchor: "middle", size: 8,
                        fill: (result?.category?.rawValue ?? 0) >= 4 ? "#fff" : "#000")
                }
            }
        }
        legend(&svg, x: left, y: height - 14)
        return svg.markup
    }

    /// Days per AQI category in each month, stacked.
    static func categoryStack(_ months: [SeasonFigures.Month]) -> String {
        let bar = 56.0
        let gap = 30.0
        let left = 40.0
        let top = 16.0
        let plot = 200.0
        let width = left + Double(months.count) * (bar + gap) + 20
        var svg = SVG(width: max(width, 520), height: top + plot + 60, title: "各月空气质量类别天数")
        func y(_ days: Double) -> Double { top + plot * (1 - days / 31) }
        for tick in stride(from: 0.0, through: 30, by: 10) {
            svg.line(x1: left, y1: y(tick), x2: width - 10, y2: y(tick), stroke: "#ddd", width: 0.5)
            svg.text("\(Int(tick))", x: left - 4, y: y(tick) + 4, anchor: "end")
        }
        for (i, month) in months.enumerated() {
            let x = left + gap / 2 + Double(i) * (bar + gap)
            var stacked = 0.0
            for category in AQICategory.allCases {
                let days = Double(month.categoryDays[category] ?? 0)
                guard days > 0 else { continue }
                svg.rect(
                    x: x, y: y(stacked + days), width: bar, height: y(stacked) - y(stacked + days),
                    fill: category.colour, stroke: "#666", tooltip: "\(month.label) \(category.chinese) \(Int(days)) 天")
                if days >= 2 {
                    svg.text(
                        "\(Int(days))", x: x + bar / 2, y: y(stacked + days / 2) + 4, anchor: "middle", size: 10,
                        fill: category.rawValue >= 4 ? "#fff" : "#000")
                }
                stacked += days
            }
            if month.daysWithoutAQI > 0 {
                let days = Double(month.daysWithoutAQI)
                svg.rect(
                    x: x, y: y(stacked + days), width: bar, height: y(stacked) - y(stacked + days), fill: noData,
                    stroke: "#666", tooltip: "\(month.label) 无有效数据 \(month.daysWithoutAQI) 天")
            }
            svg.text("\(month.month)月", x: x + bar / 2, y: y(0) + 16, anchor: "middle")
        }
        legend(&svg, x: left, y: top + plot + 46)
        return svg.markup
    }

    /// Monthly PM2.5 means beside the same month of the previous season.
    static func monthlyComparison(_ months: [SeasonFigures.Month], target: Double?) -> String {
        let group = 90.0
        let left = 44.0
        let top = 20.0
        let plot = 200.0
        let width = max(520, left + Double(months.count) * group + 20)
        var svg = SVG(width: width, height: top + plot + 50, title: "各月 PM2.5 平均浓度与上一季同月比较")
        let highest = months.flatMap { [$0.pm25Mean ?? 0, $0.previousPM25Mean ?? 0] }.max() ?? 0
        let scale = max(50, (max(highest, target ?? 0) / 50).rounded(.up) * 50)
        func y(_ value: Double) -> Double { top + plot * (1 - value / scale) }
        for tick in stride(from: 0.0, through: scale, by: 50) {
            svg.line(x1: left, y1: y(tick), x2: width - 10, y2: y(tick), stroke: "#ddd", width: 0.5)
            svg.text("\(Int(tick))", x: left - 4, y: y(tick) + 4, anchor: "end")
        }
        for (i, month) in months.enumerated() {
            let x = left + 12 + Double(i) * group
            for (offset, value, valid, colour, name) in [
                (0.0, month.previousPM25Mean, month.previousValid, "#9ca3af", "上一季"),
                (34.0, month.pm25Mean, month.valid, "#2563eb", "本季"),
            ] {
                if let value {
                    svg.rect(
                        x: x + offset, y: y(value), width: 30, height: y(0) - y(value),
                        fill: valid ? colour : "#fff", stroke: colour,
                        tooltip: "\(month.label) \(name) \(String(format: "%.1f", value)) µg/m³"
                            + (valid ? "" : "（有效天数不足）"))
                    svg.text(
                        String(format: "%.0f", value), x: x + offset + 15, y: y(value) - 3, anchor: "middle", size: 9)
                } else {
                    svg.text("无", x: x + offset + 15, y: y(0) - 4, anchor: "middle", size: 9, fill: "#888")
                }
            }
            svg.text("\(month.month)月", x: x + 32, y: y(0) + 16, anchor: "middle")
        }
        if let target {
            svg.line(
                x1: left, y1: y(target), x2: width - 10, y2: y(target), stroke: "#dc2626", width: 1.5, dashed: true)
            svg.text(
                "目标 \(NumberText.display(target))", x: width - 12, y: y(target) - 4, anchor: "end", fill: "#dc2626")
        }
        svg.rect(x: left, y: top + plot + 30, width: 12, height: 12, fill: "#9ca3af")
        svg.text("上一季同月", x: left + 16, y: top + plot + 40)
        svg.rect(x: left + 100, y: top + plot + 30, width: 12, height: 12, fill: "#2563eb")
        svg.text("本季（空心：有效天数不足，仅供参考）", x: left + 116, y: top + plot + 40)
        return svg.markup
    }

    private static func legend(_ svg: inout SVG, x: Double, y: Double) {
        var at = x
        for category in AQICategory.allCases {
            svg.rect(x: at, y: y - 10, width: 12, height: 12, fill: category.colour, stroke: "#666")
            svg.text(category.chinese, x: at + 16, y: y)
            at += 30 + Double(category.chinese.count) * 12
        }
        svg.rect(x: at, y: y - 10, width: 12, height: 12, fill: noData, stroke: "#666")
        svg.text("无有效数据", x: at + 16, y: y)
    }
}
