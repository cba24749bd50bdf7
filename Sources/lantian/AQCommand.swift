import AirQuality
import ArgumentParser
import Foundation

struct AQCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aq", abstract: "Air quality (HJ 633 AQI, HJ 663 statistics).",
        subcommands: [Compute.self, Import.self])

    /// Computes from files, stores nothing: for analysts checking figures.
    struct Compute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute AQI from CNEMC hourly station files without storing anything.",
            discussion: """
                Per station-hour (default) or station-day (--daily): the concentrations used, each IAQI, the AQI, its
                category and primary pollutants. With --city, the city series instead: hourly, the mean of the
                stations' concentrations; daily, the mean of the stations' daily statistics (HJ 663), the AQI computed
                from those means. Daily statistics need ≥ 20 hourly values (ending 01:00 … 24:00 Beijing time).
                """)

        @ArgumentParser.Argument(help: "CNEMC hourly station CSV files.") var files: [String]
        @ArgumentParser.Flag(help: "Daily statistics and daily AQI instead of hourly AQI.") var daily = false
        @ArgumentParser.Flag(help: "The city series (mean of the stations) instead of each station.") var city = false
        @ArgumentParser.Option(help: "Station codes to leave out of the city series (clean-reference stations).")
        var exclude: [String] = []
        @ArgumentParser.Option(help: "csv or json.") var format: OutputFormat = .csv
        @ArgumentParser.Option(help: "standard, or swappedArchive for the public archive's swapped ozone columns.")
        var ozone: CNEMCFormat.OzoneLayout = .standard

        enum OutputFormat: String, ExpressibleByArgument {
            case csv, json
        }

        func run() async throws {
            var records: [CNEMCFormat.Record] = []
            var problems: [String] = []
            for file in files {
                guard let data = FileManager.default.contents(atPath: file),
                    let text = String(data: data, encoding: .utf8)
                else { throw ArgumentParser.ValidationError("\(file): cannot read it as UTF-8 text") }
                let (read, issues) = CNEMCFormat.read(text, ozone: ozone)
                records += read
                problems += issues.map { "\(file): \($0)" }
            }
            var stderr = FileHandleOutputStream.standardError
            for problem in problems { print(problem, to: &stderr) }
            let rows = daily ? dailyRows(records) : hourlyRows(records)
            switch format {
            case .csv:
                print(AQRow.header.joined(separator: ","))
                for row in rows { print(row.csv.joined(separator: ",")) }
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(rows), as: UTF8.self))
            }
            if !problems.isEmpty { throw ExitCode(1) }
        }

        private func hourlyRows(_ records: [CNEMCFormat.Record]) -> [AQRow] {
            if !city {
                return records.map { record in
                    AQRow(
                        station: record.station, time: record.timepoint, concentrations: record.hourly,
                        result: AQIStandard.hj633.hourlyAQI(record.concentrations))
                }
            }
            let grouped = Dictionary(grouping: records.filter { !exclude.contains($0.station) }, by: \.timepoint)
            return grouped.keys.sorted().map { time in
                let mean = meanConcentrations(grouped[time]!.map(\.hourly))
                let so2 = meanConcentrations(grouped[time]!.map(\.mean24h))[.so2]
                return AQRow(
                    station: "city", time: time, concentrations: mean,
                    result: AQIStandard.hj633.hourlyAQI(HourlyConcentrations(mean, so2Mean24h: so2)))
            }
        }

        private func dailyRows(_ records: [CNEMCFormat.Record]) -> [AQRow] {
            var hoursByStation: [String: [HourStamp: [Pollutant: Double]]] = [:]
            for record in records {
                guard let stamp = HourStamp(timepoint: record.timepoint) else { continue }
                hoursByStation[record.station, default: [:]][stamp] = record.hourly
            }
            var stationDays: [String: [Int: DailyStatistics]] = [:]
            for (station, hours) in hoursByStation {
                for day in Set(hours.keys.map(\.dayNumber)) {
                    stationDays[station, default: [:]][day] = DailyStatistics.compute(dayNumber: day, hours: hours)
                }
            }
            func row(_ station: String, _ stats: DailyStatistics) -> AQRow {
                var concentrations = stats.means
                concentrations[.o3] = stats.o3Max8h
                return AQRow(
                    station: station, time: stats.date, concentrations: concentrations,
                    result: AQIStandard.hj633.dailyAQI(stats.concentrations), o3Max1h: stats.o3Max1h,
                    invalid: stats.invalid)
            }
            if city {
                let days = Set(stationDays.filter { !exclude.contains($0.key) }.values.flatMap(\.keys)).sorted()
                return days.map { day in
                    let stations = stationDays.filter { !exclude.contains($0.key) }.compactMap { $0.value[day] }
                    return row("city", DailyStatistics.city(stations, dayNumber: day))
                }
            }
            return stationDays.keys.sorted().flatMap { station in
                stationDays[station]!.keys.sorted().map { row(station, stationDays[station]![$0]!) }
            }
        }

        private func meanConcentrations(_ values: [[Pollutant: Double]]) -> [Pollutant: Double] {
            var result: [Pollutant: Double] = [:]
            for pollutant in Pollutant.allCases {
                let present = values.compactMap { $0[pollutant] }
                if !present.isEmpty { result[pollutant] = present.reduce(0, +) / Double(present.count) }
            }
            return result
        }
    }
}

extension CNEMCFormat.OzoneLayout: ExpressibleByArgument {}

/// One output row of `lantian aq compute`.
struct AQRow: Encodable {
    var station: String
    var time: String
    var concentrations: [Pollutant: Double]
    var result: AQIResult
    var o3Max1h: Double? = nil
    var invalid: [String] = []

    static let columns: [IAQIColumn] = [
        IAQIColumn(.so2, .hour1), IAQIColumn(.so2, .hour24), IAQIColumn(.no2, .hour1), IAQIColumn(.no2, .hour24),
        IAQIColumn(.pm10, .hour24), IAQIColumn(.co, .hour1), IAQIColumn(.co, .hour24), IAQIColumn(.o3, .hour1),
        IAQIColumn(.o3, .hour8), IAQIColumn(.pm25, .hour24),
    ]

    static var header: [String] {
        ["station", "time"] + Pollutant.allCases.map(\.rawValue) + ["o3_max_1h"]
            + columns.map { "iaqi_\($0.pollutant.rawValue)_\($0.averaging.rawValue)" }
            + ["aqi", "category", "primary", "invalid"]
    }

    var csv: [String] {
        func number(_ value: Double?) -> String {
            guard let value else { return "" }
            return value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
        }
        let fields =
            [station, time] + Pollutant.allCases.map { number(concentrations[$0]) } + [number(o3Max1h)]
            + Self.columns.map { result.iaqis[$0].map(String.init) ?? "" }
            + [
                result.aqi.map(String.init) ?? "", result.category?.chinese ?? "", result.primaryText,
                invalid.joined(separator: "; "),
            ]
        return fields.map {
            $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0
        }
    }

    enum CodingKeys: String, CodingKey {
        case station, time, concentrations, o3Max1h, iaqis, aqi, category, primary, exceeding, invalid
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(station, forKey: .station)
        try c.encode(time, forKey: .time)
        try c.encode(
            Dictionary(
                uniqueKeysWithValues: concentrations.map { ($0.key.rawValue, ($0.value * 1000).rounded() / 1000) }),
            forKey: .concentrations)
        try c.encodeIfPresent(o3Max1h, forKey: .o3Max1h)
        try c.encode(
            Dictionary(
                uniqueKeysWithValues: result.iaqis.map {
                    ("\($0.key.pollutant.rawValue)_\($0.key.averaging.rawValue)", $0.value)
                }),
            forKey: .iaqis)
        try c.encodeIfPresent(result.aqi, forKey: .aqi)
        try c.encodeIfPresent(result.category?.chinese, forKey: .category)
        try c.encode(result.primary.map(\.primaryName), forKey: .primary)
        try c.encode(result.exceeding.map(\.primaryName), forKey: .exceeding)
        try c.encode(invalid, forKey: .invalid)
    }
}
