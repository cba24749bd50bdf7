import Foundation
import LantianCore
import SourceMonitoring

/// A hit's surrounding data as a server-rendered SVG: above, the factor's hourly values (the reported corrected
/// value dashed, the limit as a red line, invalid-flagged hours as grey ticks); below, the flue-gas flow that
/// says whether the plant ran. The hit's hours are shaded in both.
enum HitChart {
    static let width = 900.0
    static let top = 260.0
    static let bottom = 110.0
    static let left = 78.0
    static let right = 16.0

    /// The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `value`, so that quarter ticks fall on round numbers.
    static func nice(_ value: Double) -> Double {
        let power = pow(10, (log10(value)).rounded(.down))
        for step in [1.0, 2, 2.5, 5, 10] where step * power >= value { return step * power }
        return 10 * power
    }

    static func svg(
        _ series: OutletSeries, factor: String, limit: Double?, hit: Range<MinuteStamp>, title: String
    ) -> String {
        var svg = SVG(width: width, height: top + bottom + 60, title: title)
        guard series.count > 1 else {
            svg.text("这段时间没有数据", x: width / 2, y: 60, anchor: "middle")
            return svg.markup
        }
        let plotWidth = width - left - right
        func x(_ index: Int) -> Double { left + plotWidth * Double(index) / Double(series.count - 1) }
        let values = series.factors[factor] ?? []
        let flow = series.factors[Factor.flow] ?? []
        func panel(
            _ slots: [OutletSeries.Hour?], y0: Double, height: Double, unit: String, color: String,
            corrected: Bool, limit: Double?
        ) {
            let numbers =
                slots.compactMap { $0?.isValid == true ? $0?.value : nil }
                + (corrected ? slots.compactMap { $0?.isValid == true ? $0?.corrected : nil } : [])
            let maximum = nice(max((numbers.max() ?? 1) * 1.05, (limit ?? 0) * 1.1, 1e-9))
            func y(_ value: Double) -> Double { y0 + height - height * min(value, maximum) / maximum }
            svg.rect(x: left, y: y0, width: plotWidth, height: height, fill: "#fafafa", stroke: "#ccc")
            if let first = series.index(of: hit.lowerBound) ?? (hit.lowerBound < series.start ? 0 : nil) {
                let last = series.index(of: hit.upperBound.adding(minutes: -60)) ?? series.count - 1
                svg.rect(
                    x: x(first), y: y0, width: max(2, x(last) - x(first)), height: height, fill: "#fde2c4",
                    tooltip: "命中时段")
            }
            for step in 0...4 {
                let value = maximum * Double(step) / 4
                svg.line(x1: left - 4, y1: y(value), x2: left, y2: y(value), stroke: "#888")
                svg.text(NumberText.display(value), x: left - 6, y: y(value) + 4, anchor: "end", size: 10)
            }
            svg.text(unit, x: left + 4, y: y0 + 12, size: 10, fill: "#555")
            if let limit {
                svg.line(x1: left, y1: y(limit), x2: left + plotWidth, y2: y(limit), stroke: "#c62828", dashed: true)
                svg.text(
                    "限值 \(NumberText.csv(limit))", x: left + plotWidth - 4, y: y(limit) - 4, anchor: "end", size: 10,
                    fill: "#c62828")
            }
            func lines(_ pick: (OutletSeries.Hour) -> Double?, stroke: String, width: Double) {
                var run: [(Double, Double)] = []
                for index in 0..<series.count {
                    if index < slots.count, let hour = slots[index], hour.isValid, let value = pick(hour) {
                        run.append((x(index), y(value)))
                    } else {
                        svg.polyline(run, stroke: stroke, width: width)
                        run = []
                    }
                }
                svg.polyline(run, stroke: stroke, width: width)
            }
            lines({ $0.value }, stroke: color, width: 1.5)
            if corrected { lines({ $0.corrected }, stroke: "#7b1fa2", width: 1) }
            for index in 0..<min(series.count, slots.count) {
                if let hour = slots[index], !hour.isValid {
                    svg.line(
                        x1: x(index), y1: y0 + height - 8, x2: x(index), y2: y0 + height, stroke: "#9e9e9e", width: 2)
                }
            }
        }
        panel(
            values, y0: 10, height: top - 20, unit: factor == Factor.oxygen ? "%" : "mg/m³", color: "#1565c0",
            corrected: values.contains { $0?.corrected != nil }, limit: limit)
        panel(flow, y0: top + 10, height: bottom - 20, unit: "m³/h", color: "#2e7d32", corrected: false, limit: nil)
        // Day marks along the bottom.
        let firstDay = Int((Double(series.start.value) / 1440).rounded(.up))
        let lastDay = Int((Double(series.time(series.count - 1).value) / 1440).rounded(.down))
        let every = max(1, (lastDay - firstDay + 1) / 10)
        for day in stride(from: firstDay, through: lastDay, by: every) {
            guard let index = series.index(of: MinuteStamp(value: day * 1440)) else { continue }
            svg.line(x1: x(index), y1: top + bottom - 10, x2: x(index), y2: top + bottom - 4, stroke: "#888")
            svg.text(
                String(CivilDate(dayNumber: day).description.dropFirst(5)), x: x(index), y: top + bottom + 8,
                anchor: "middle", size: 10)
        }
        svg.text(
            "蓝线：\(Factor.name(factor)) 实测值　紫线：报送折算值　绿线：烟气流量　灰色短线：无效标记　橙色：命中时段", x: left,
            y: top + bottom + 30, size: 11, fill: "#444")
        return svg.markup
    }
}
