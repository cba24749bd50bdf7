import AirQuality
import ArgumentParser
import Campaign
import Foundation
import LantianCore
import Persistence
import Services

extension AQCommand {
    /// Period statistics from the stored daily values.
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Period statistics (HJ 663) from stored data, per station or for the city.",
            discussion: """
                One row per station (or the city with --city): valid days, the period means of PM2.5, PM10, SO2 and
                NO2, CO as the 95th percentile of daily means, O3 as the 90th percentile of daily maximum 8-hour
                means, the composite index, and days per AQI category. With --daily, one row per station-day instead.
                The city is the mean of the national-control stations, clean-reference stations left out.
                """)

        @ArgumentParser.Option(help: "First day, YYYY-MM-DD.") var from: String
        @ArgumentParser.Option(help: "Last day, YYYY-MM-DD (inclusive).") var to: String
        @ArgumentParser.Option(help: "One station's code.") var station: String?
        @ArgumentParser.Flag(help: "The city series.") var city = false
        @ArgumentParser.Flag(help: "One row per day.") var daily = false
        @ArgumentParser.Option(help: "csv or json.") var format: OutputFormat = .csv

        func validate() throws {
            guard let first = CivilDate(from), let last = CivilDate(to), first <= last else {
                throw ArgumentParser.ValidationError("--from and --to must be YYYY-MM-DD, --from not after --to")
            }
            if city && station != nil {
                throw ArgumentParser.ValidationError("--city and --station exclude each other")
            }
        }

        func run() async throws {
            let series: [(String, [DailyStatistics])] = try await withDatabase { db, configuration in
                let store = AirQualityStore(database: db)
                if city { return [("city", try await store.cityDays(from: from, to: to))] }
                let days = try await store.stationDays(from: from, to: to, station: station)
                return Dictionary(grouping: days, by: \.station).sorted { $0.key < $1.key }.map {
                    ($0.key, $0.value.map(\.statistics))
                }
            }
            if daily {
                try format.write(series.flatMap { station, days in days.map { AQRow(daily: station, $0) } })
            } else {
                try format.write(
                    series.map { StatsRow(station: $0.0, from: from, to: to, summary: SeasonSummary(days: $0.1)) })
            }
        }
    }

    /// The season's target table.
    struct Season: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The plan's air targets against the season so far, with the previous season's same dates.")

        @ArgumentParser.Option(name: .customLong("as-of"), help: "Last day counted, YYYY-MM-DD (default: yesterday).")
        var asOf: String?
        @ArgumentParser.Option(help: "csv or json.") var format: OutputFormat = .csv

        func run() async throws {
            let table = try await withDatabase { db, configuration in
                try await SeasonTargetsTable.load(on: db, now: configuration.now(), asOf: asOf)
            }
            switch format {
            case .json: try OutputFormat.printJSON(table)
            case .csv: try format.write(table.rows.map { SeasonRow(table: table, row: $0) })
            }
        }
    }
}

/// One station's (or the city's) period statistics.
struct StatsRow: TableRow {
    var station: String
    var from: String
    var to: String
    var summary: SeasonSummary

    static let header =
        ["station", "from", "to", "pm25_days", "pm25", "pm10", "so2", "no2", "co_p95", "o3_8h_p90", "composite_index"]
        + AQICategory.allCases.map { "days_\($0.rawValue)_\($0.chinese)" } + ["heavy_days"]

    var csv: [String] {
        [station, from, to, String(summary.validDays[.pm25] ?? 0)]
            + [Pollutant.pm25, .pm10, .so2, .no2, .co, .o3].map { NumberText.csv(summary.statistics[$0]) }
            + [NumberText.csv(summary.compositeIndex)]
            + AQICategory.allCases.map { String(summary.categoryDays[$0] ?? 0) }
            + [String(summary.heavyDays)]
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: DynamicKey.self)
        for (index, (key, value)) in zip(Self.header, csv).enumerated() {
            if index < 3 {
                try c.encode(value, forKey: DynamicKey(key))
            } else if let number = Double(value) {
                try c.encode(number, forKey: DynamicKey(key))
            } else {
                try c.encodeNil(forKey: DynamicKey(key))
            }
        }
    }
}

/// One row of the season table.
struct SeasonRow: TableRow {
    var table: SeasonTargetsTable
    var row: SeasonTargetsTable.Row

    static let header = [
        "plan", "as_of", "metric", "name", "unit", "target", "so_far", "previous_same_dates", "change", "note",
    ]

    var csv: [String] {
        [
            table.plan, table.asOf, row.metric, row.name, row.unit, NumberText.csv(row.target),
            NumberText.csv(row.soFar),
            NumberText.csv(row.previousSameDates), NumberText.csv(row.change), row.note,
        ]
    }

    func encode(to encoder: any Encoder) throws { try row.encode(to: encoder) }
}

struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
