import Campaign
import Foundation
import LantianCore
import Ledger
import Services

/// What a measurement's page shows: the county × month grid (a form where the user may enter), each value against
/// the limit, each county's mean, the plan's indicators it computes, the chart, the import; and the list of
/// measurements with how many county-months are in and beyond the limit.
extension MeasurementGridPage {
    struct Model {
        struct Cell {
            var month: String
            var text: String
            var over: Bool
            var editable: Bool
        }

        struct Row {
            var county: String
            var name: String
            var cells: [Cell]
            var mean: String
            var meanOver: Bool
        }

        var code: String
        var title: String
        var unit: String
        var limitText: String
        var basis: String
        var months: [String]
        var rows: [Row]
        var computed: [String]
        var chart: MeasurementChart.Input
        var mayEnter: Bool
        var problems: [String]
        var outcome: TableImportOutcome?
        var maxMegabytes: Int
    }

    struct ListModel {
        struct Item {
            var title: String
            var path: String
            var limit: String
            var entered: Int
            var over: Int
            var tasks: String
        }

        var items: [Item]
    }
}

extension MeasurementGridPage.Model {
    init(
        measurement: MonthlyMeasurement, plan: Plan, values: [MonthlyMeasurement.Value],
        scope: LedgerRowsPage.EditScope,
        typed: [String: [String: String]]?, problems: [ImportIssue], outcome: TableImportOutcome?, maxMegabytes: Int
    ) {
        code = measurement.code
        title = measurement.name
        unit = measurement.unit
        limitText = Self.limit(measurement)
        basis = measurement.basis
        let months = Measurements.months(of: plan)
        self.months = months
        let counties = Measurements.counties(measurement, plan: plan)
        let byCell = Dictionary(values.map { ($0.county + "|" + $0.month, $0.value) }, uniquingKeysWith: { a, _ in a })
        let lastMonth = months.last ?? ""
        let means = measurement.countyMeans(values, through: lastMonth)
        rows = counties.map { county in
            Row(
                county: county.code, name: MarketBureaus.shortName(county.name),
                cells: months.map { month in
                    let stored = byCell[county.code + "|" + month]
                    return Cell(
                        month: month, text: typed?[county.code]?[month] ?? stored.map(NumberText.display) ?? "",
                        over: stored.map { !measurement.keeps($0) } ?? false, editable: scope.allows(county.code))
                }, mean: means[county.code].map(NumberText.display) ?? "—",
                meanOver: means[county.code].map { !measurement.keeps($0) } ?? false)
        }
        computed = measurement.indicators.compactMap { entry in
            guard let task = plan.tasks.first(where: { $0.code == entry.task }),
                let indicator = task.indicators.first(where: { $0.code == entry.indicator })
            else { return nil }
            let value = measurement.value(entry.aggregate, values, through: lastMonth)
            let how: String
            switch entry.aggregate {
            case .worstCountyMean: how = "各县均值中最差者"
            case .mean: how = "全部县月均值"
            case .sum: how = "合计"
            }
            return
                "\(task.code) \(indicator.name)：\(value.map { "\(NumberText.display($0)) \(indicator.unit)" } ?? "尚无数据")（\(how)，目标 \(UI.indicatorTarget(indicator))）"
        }
        chart = MeasurementChart.Input(
            measurement: measurement, counties: counties.map { ($0.code, MarketBureaus.shortName($0.name)) },
            months: months, values: values)
        mayEnter = scope != .none
        self.problems = problems.map { "第 \($0.line) 项，\($0.field)：\($0.reason)" }
        self.outcome = outcome
        self.maxMegabytes = maxMegabytes
    }

    static func limit(_ measurement: MonthlyMeasurement) -> String {
        "\(measurement.bound == .atMost ? "≤" : "≥") \(NumberText.display(measurement.limit)) \(measurement.unit)"
    }

    static func list(_ measurements: [MonthlyMeasurement], plan: Plan, stored: [String: [MonthlyMeasurement.Value]])
        -> MeasurementGridPage.ListModel
    {
        MeasurementGridPage.ListModel(
            items: measurements.map { measurement in
                let values = stored[measurement.code] ?? []
                return .init(
                    title: measurement.name, path: SiteURL.measurement(code: measurement.code).path,
                    limit: limit(measurement), entered: values.count,
                    over: values.filter { !measurement.keeps($0.value) }.count,
                    tasks: measurement.indicators.map { "\($0.task).\($0.indicator)" }.joined(separator: "、"))
            })
    }
}
