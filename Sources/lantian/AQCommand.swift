import AirQuality
import ArgumentParser
import Foundation
import LantianCore

struct AQCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aq", abstract: "Air quality (HJ 633 AQI, HJ 663 statistics).",
        subcommands: [Compute.self, Import.self, Stats.self, Season.self])

    /// Computes from files, stores nothing: for analysts checking figures.
    struct Compute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute AQI from hourly station files (CNEMC, wide, long, PRSA) without storing anything.",
            discussion: """
                Per station-hour (default) or station-day (--daily): the concentrations used, each IAQI, the AQI, its
                category and primary pollutants. With --city, the city series instead: hourly, the mean of the
                stations' concentrations; daily, the mean of the stations' daily statistics (HJ 663), the AQI computed
                from those means. Daily statistics need ≥ 20 hourly values (ending 01:00 … 24:00 Beijing time).
                """)

        @ArgumentParser.Argument(help: "Hourly station CSV files (CNEMC, wide, long or PRSA).") var files: [String]
        @ArgumentParser.Flag(help: "Daily statistics and daily AQI instead of hourly AQI.") var daily = false
        @ArgumentParser.Flag(help: "The city series (mean of the stations) instead of each station.") var city = false
        @ArgumentParser.Option(help: "Station codes to leave out of the city series (clean-reference stations).")
        var exclude: [String] = []
        @ArgumentParser.Option(help: "csv or json.") var format: OutputFormat = .csv
        @ArgumentParser.Option(help: "auto, cnemc, wide, long or prsa.") var layout: LayoutChoice = .auto
        @ArgumentParser.Option(
            help: "CNEMC only: auto (told from each file's rows), standard, or swappedArchive (the public archive).")
        var ozone: CNEMCFormat.OzoneLayout = .auto

        func run() async throws {
            var observations: [HourlyObservation] = []
            var closedDays: [StationDay] = []
            var stderr = FileHandleOutputStream.standardError
            var problems = 0
            for file in files {
                let source = try FileChunks(path: file)
                var reader = HourlyReader(format: layout.format(ozone: ozone))
                var bar = ProgressBar(label: file, total: source.size)
                while let chunk = try source.next() {
                    chunk.withUnsafeBytes { reader.feed($0) }
                    bar.update(done: reader.bytesRead, detail: "")
                    if reader.fatal != nil { break }
                }
                reader.finish()
                bar.finish()
                if let fatal = reader.fatal {
                    print("\(file): \(fatal)", to: &stderr)
                    throw ExitCode(1)
                }
                let (read, closed, issues) = reader.take()
                observations += read
                closedDays += closed
                problems += issues.count
                for issue in issues { print("\(file): \(issue)", to: &stderr) }
                for warning in reader.warnings { print("\(file): warning: \(warning)", to: &stderr) }
                if let note = reader.ozoneNote {
                    print("\(file): \(note.warning ? "warning: " : "")ozone: \(note.text)", to: &stderr)
                }
            }
            let rows = daily ? dailyRows(observations, closedDays) : hourlyRows(observations)
            try format.write(rows)
            if problems > 0 { throw ExitCode(1) }
        }

        private func hourlyRows(_ observations: [HourlyObservation]) -> [AQRow] {
            if !city {
                return observations.map { observation in
                    AQRow(
                        station: observation.station, time: observation.timepoint,
                        concentrations: observation.values.dictionary,
                        result: AQIStandard.hj633.hourlyAQI(observation.concentrations))
                }
            }
            let grouped = Dictionary(grouping: observations.filter { !exclude.contains($0.station) }, by: \.hour)
            return grouped.keys.sorted().map { hour in
                let mean = meanConcentrations(grouped[hour]!.map(\.values.dictionary))
                let so2 = meanConcentrations(grouped[hour]!.map { [.so2: $0.so2Mean24h].compactMapValues { $0 } })[.so2]
                return AQRow(
                    station: "city", time: hour.timepoint, concentrations: mean,
                    result: AQIStandard.hj633.hourlyAQI(HourlyConcentrations(mean, so2Mean24h: so2)))
            }
        }

        private func dailyRows(_ observations: [HourlyObservation], _ closedDays: [StationDay]) -> [AQRow] {
            let days = StationDay.series(observations, closedDays: closedDays, includeInvalid: true)
            if city {
                let counted = days.filter { !exclude.contains($0.station) }
                return Dictionary(grouping: counted, by: \.statistics.dayNumber).sorted { $0.key < $1.key }.map {
                    AQRow(daily: "city", DailyStatistics.city($0.value.map(\.statistics), dayNumber: $0.key))
                }
            }
            return days.map { AQRow(daily: $0.station, $0.statistics) }
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

/// How a command prints its table.
enum OutputFormat: String, ExpressibleByArgument {
    case csv, json

    /// A header row and one row per record (CSV), or a JSON array.
    func write<Row: TableRow>(_ rows: [Row]) throws {
        switch self {
        case .csv:
            print(Row.header.joined(separator: ","))
            for row in rows { print(row.csv.map(CSVField.escape).joined(separator: ",")) }
        case .json: try Self.printJSON(rows)
        }
    }

    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

/// A row of a command's table.
protocol TableRow: Encodable {
    static var header: [String] { get }
    var csv: [String] { get }
}

enum CSVField {
    static func escape(_ field: String) -> String {
        field.contains(",") || field.contains("\"") || field.contains("\n")
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}

/// One output row of `lantian aq compute`.
struct AQRow: TableRow {
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
            + columns.map { "iaqi_" + $0.key }
            + ["aqi", "category", "primary", "invalid"]
    }

    var csv: [String] {
        let number = NumberText.csv
        let fields =
            [station, time] + Pollutant.allCases.map { number(concentrations[$0]) } + [number(o3Max1h)]
            + Self.columns.map { result.iaqis[$0].map(String.init) ?? "" }
            + [
                result.aqi.map(String.init) ?? "", result.category?.chinese ?? "", result.primaryText,
                invalid.joined(separator: "; "),
            ]
        return fields
    }

    init(
        station: String, time: String, concentrations: [Pollutant: Double], result: AQIResult, o3Max1h: Double? = nil,
        invalid: [String] = []
    ) {
        self.station = station
        self.time = time
        self.concentrations = concentrations
        self.result = result
        self.o3Max1h = o3Max1h
        self.invalid = invalid
    }

    /// A day: the 24-hour means, O3 as its daily maximum 8-hour mean, the daily AQI.
    init(daily station: String, _ stats: DailyStatistics) {
        var concentrations = stats.means
        concentrations[.o3] = stats.o3Max8h
        self.init(
            station: station, time: stats.date, concentrations: concentrations,
            result: AQIStandard.hj633.dailyAQI(stats.concentrations), o3Max1h: stats.o3Max1h, invalid: stats.invalid)
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
                    ($0.key.key, $0.value)
                }),
            forKey: .iaqis)
        try c.encodeIfPresent(result.aqi, forKey: .aqi)
        try c.encodeIfPresent(result.category?.chinese, forKey: .category)
        try c.encode(result.primary.map(\.primaryName), forKey: .primary)
        try c.encode(result.exceeding.map(\.primaryName), forKey: .exceeding)
        try c.encode(invalid, forKey: .invalid)
    }
}
