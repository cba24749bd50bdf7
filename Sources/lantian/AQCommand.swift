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
                The hourly station table (CSV) is written as the files are read, in flat memory; a file that cannot
                be read (bad header, a line over 1 MB) ends the command with exit status 1 after the rows before it.
                Bad lines are reported on standard error and also end with exit status 1.
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
            // The station-hour table streams: each chunk's rows are written as they are read, memory stays flat.
            let streaming = !daily && !city && format == .csv
            var table = HourlyAQITable()
            var out = StandardOutput()
            if streaming { out.line(CSVWriter.record(HourlyAQITable.header)) }
            for file in files {
                let source = try FileChunks(path: file)
                var reader = HourlyReader(format: layout.format(ozone: ozone))
                var bar = ProgressBar(label: file, total: source.size)
                func drain(_ reader: inout HourlyReader) {
                    let (read, closed, issues) = reader.take()
                    if streaming {
                        out.write { bytes in for observation in read { table.append(observation, to: &bytes) } }
                    } else {
                        observations += read
                        closedDays += closed
                    }
                    problems += issues.count
                    for issue in issues { print("\(file): \(issue)", to: &stderr) }
                }
                while let chunk = try source.next() {
                    chunk.withUnsafeBytes { reader.feed($0) }
                    bar.update(done: reader.bytesRead, detail: "")
                    if reader.fatal != nil { break }
                    drain(&reader)
                }
                reader.finish()
                bar.finish()
                if let fatal = reader.fatal {
                    out.flush()
                    print("\(file): \(fatal)", to: &stderr)
                    throw ExitCode(1)
                }
                drain(&reader)
                for warning in reader.warnings { print("\(file): warning: \(warning)", to: &stderr) }
                if let note = reader.ozoneNote {
                    print("\(file): \(note.warning ? "warning: " : "")ozone: \(note.text)", to: &stderr)
                }
            }
            if streaming {
                out.flush()
            } else {
                try format.write(daily ? dailyRows(observations, closedDays) : hourlyRows(observations))
            }
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
            var out = StandardOutput()
            out.line(CSVWriter.record(Row.header))
            for row in rows { out.line(CSVWriter.record(row.csv)) }
            out.flush()
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

/// One output row of `lantian aq compute`.
struct AQRow: TableRow {
    var station: String
    var time: String
    var concentrations: [Pollutant: Double]
    var result: AQIResult
    var o3Max1h: Double? = nil
    var invalid: [String] = []

    static var columns: [IAQIColumn] { HourlyAQITable.columns }

    static var header: [String] { HourlyAQITable.header }

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
