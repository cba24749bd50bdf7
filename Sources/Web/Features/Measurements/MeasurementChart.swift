import Foundation
import LantianCore
import Ledger

/// A measurement's county × month grid as an SVG line chart: one line a county, the limit as a red dashed line,
/// values beyond it marked.
enum MeasurementChart {
    static let palette = ["#1f5fa8", "#c25b00", "#2e7d32", "#7b1fa2", "#00838f", "#ad1457", "#5d4037"]

    /// What the chart draws.
    struct Input {
        var measurement: MonthlyMeasurement
        var counties: [(code: String, name: String)]
        var months: [String]
        var values: [MonthlyMeasurement.Value]
    }

    static func svg(_ input: Input) -> String {
        svg(input.measurement, counties: input.counties, months: input.months, values: input.values)
    }

    static func svg(
        _ measurement: MonthlyMeasurement, counties: [(code: String, name: String)], months: [String],
        values: [MonthlyMeasurement.Value]
    ) -> String {
        let width = 760.0
        let height = 300.0
        let (left, right, top, bottom) = (56.0, 150.0, 20.0, 40.0)
        var svg = SVG(width: width, height: height, title: "\(measurement.name)（\(measurement.unit)）按县逐月")
        let numbers = values.map(\.value) + [measurement.limit]
        let high = HitChart.nice(max(1, (numbers.max() ?? 1) * 1.15))
        let low = min(0, numbers.min() ?? 0)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ index: Int) -> Double {
            left + (months.count > 1 ? plotWidth * Double(index) / Double(months.count - 1) : plotWidth / 2)
        }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - low) / (high - low)) }
        svg.line(x1: left, y1: top, x2: left, y2: top + plotHeight, stroke: "#888")
        svg.line(x1: left, y1: top + plotHeight, x2: left + plotWidth, y2: top + plotHeight, stroke: "#888")
        for step in 0...4 {
            let value = low + (high - low) * Double(step) / 4
            svg.text(NumberText.display(value), x: left - 6, y: y(value) + 4, anchor: "end", size: 10, fill: "#666")
        }
        for (index, month) in months.enumerated() {
            svg.text(month, x: x(index), y: top + plotHeight + 16, anchor: "middle", size: 10, fill: "#666")
        }
        svg.line(
            x1: left, y1: y(measurement.limit), x2: left + plotWidth, y2: y(measurement.limit), stroke: "#c62828",
            width: 1.5, dashed: true)
        svg.text(
            "限值 \(NumberText.display(measurement.limit))", x: left + plotWidth + 6, y: y(measurement.limit) + 4,
            size: 10, fill: "#c62828")
        for (number, county) in counties.enumerated() {
            let color = palette[number % palette.count]
            let points = months.enumerated().compactMap { index, month -> (Double, Double)? in
                values.first { $0.county == county.code && $0.month == month }.map { (x(index), y($0.value)) }
            }
            svg.polyline(points, stroke: color, width: 2)
            for (index, month) in months.enumerated() {
                guard let value = values.first(where: { $0.county == county.code && $0.month == month }) else {
                    continue
                }
                let over = !measurement.keeps(value.value)
                svg.rect(
                    x: x(index) - 3, y: y(value.value) - 3, width: 6, height: 6, fill: over ? "#c62828" : color,
                    tooltip: "\(county.name) \(month)：\(NumberText.display(value.value)) \(measurement.unit)"
                        + (over ? "（超出限值）" : ""))
            }
            svg.rect(x: width - right + 40, y: top + Double(number) * 18, width: 12, height: 3, fill: color)
            svg.text(county.name, x: width - right + 58, y: top + Double(number) * 18 + 5, size: 11)
        }
        return svg.markup
    }
}
