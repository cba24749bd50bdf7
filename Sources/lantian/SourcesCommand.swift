import ArgumentParser
import Foundation
import LantianCore
import Persistence
import Seed
import Services
import SourceMonitoring
import Spreadsheet

struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "Pollution-source monitoring (污染源监测): online-monitoring data checks.",
        subcommands: [Scan.self, Import.self, Demo.self])

    /// `lantian sources scan FILE… [--limits L.csv] [--format csv|json]` (docs/SOURCES.md).
    struct Scan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Scan online-monitoring data with the anomaly rules; stores nothing.",
            discussion: """
                FILE: (a) a table with HJ 212 field codes as columns (MN,DataTime,a21026-Avg,a21026-Flag,…) or (b) \
                raw HJ 212 packets, one a line; told apart by the first line. Minute data is made into hours (≥ 45 \
                valid minutes, HJ 75/76-2017). L.csv: mn,factor,limit[,o2_ref] (mg/m³; o2_ref in %: the limit is \
                judged on the oxygen-corrected value). Output one row per hit: mn,factor,rule,from,to,detail; rule \
                one of exceedance, constant, zero_while_running, range_limit, missing, o2_inconsistent, \
                flag_invalid; from and to as YYYY-MM-DDTHH:MM (the first hour's start, the last hour's end). A \
                packet with a wrong CRC or a bad row ends the command with exit status 1 and a message naming the \
                file and line; tolerated deviations (a wrong length field, milliseconds) are reported on standard \
                error.
                """)

        @ArgumentParser.Argument(help: "Monitoring data files.") var files: [String]
        @ArgumentParser.Option(help: "Limits CSV (mn,factor,limit[,o2_ref]).") var limits: String?
        @ArgumentParser.Option(help: "csv or json.") var format: OutputFormat = .csv

        func run() throws {
            var stderr = FileHandleOutputStream.standardError
            var records: [MonitoringRecord] = []
            for file in files {
                let text: String
                do {
                    text = try SheetFile.decodeText(try Data(contentsOf: URL(fileURLWithPath: file)))
                } catch {
                    print("\(file): not readable (\(error))", to: &stderr)
                    throw ExitCode(1)
                }
                let read = MonitoringFile.read(text)
                for warning in read.warnings { print("\(file): warning: \(warning)", to: &stderr) }
                guard read.problems.isEmpty else {
                    for problem in read.problems { print("\(file): \(problem)", to: &stderr) }
                    throw ExitCode(1)
                }
                records += read.records
            }
            var table: [String: [String: AnomalyScan.Limit]] = [:]
            if let limits {
                for row in try EmergencyCommand.table(limits, OutletRegister.limits) {
                    table[row.mn, default: [:]][row.factor] = row.rule.limit
                }
            }
            let hits = OutletSeries.build(records).flatMap { AnomalyScan.scan($0, limits: table[$0.mn] ?? [:]) }
            try format.write(
                hits.map {
                    HitRow(
                        mn: $0.mn, factor: $0.factor, rule: $0.rule.rawValue, from: $0.from.text, to: $0.to.text,
                        detail: $0.detail)
                })
        }
    }
}

extension SourcesCommand {
    /// `lantian sources import FILE…` (docs/SOURCES.md).
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import online-monitoring data into the database: all or nothing per file, corrections recorded.",
            discussion: """
                FILE in layout (a) or (b) as for `sources scan`, read streaming. Each file is one transaction: a \
                bad packet or row refuses that file (the others are imported). Importing the same file again \
                changes nothing; a different value for a stored hour replaces it and is recorded as a correction. \
                Once outlets are registered, data of a device not on the register refuses the file. Prints one line \
                a file: file,records,hours,corrections,devices,status (a refused file: 0,0,0,0,refused); exit status 1 when \
                any file was refused.
                """)

        @ArgumentParser.Argument(help: "Monitoring data files.") var files: [String]

        func run() async throws {
            var stderr = FileHandleOutputStream.standardError
            let sources = try files.map { try FileChunks(path: $0) }
            var refused = false
            try await withDatabase { db, _ in
                print("file,records,hours,corrections,devices,status")
                for source in sources {
                    let summary = try await OnlineMonitoring(db: db).importData(
                        file: (source.path as NSString).lastPathComponent, next: source.next, actor: .cli, at: Date())
                    for warning in summary.warnings { print("\(source.path): warning: \(warning)", to: &stderr) }
                    for problem in summary.problems { print("\(source.path): \(problem)", to: &stderr) }
                    refused = refused || !summary.imported
                    print(
                        CSVWriter.record([
                            source.path, "\(summary.imported ? summary.records : 0)",
                            "\(summary.imported ? summary.hours : 0)",
                            "\(summary.corrections)", "\(summary.devices.count)",
                            summary.imported ? "imported" : "refused",
                        ]))
                }
            }
            if refused { throw ExitCode(1) }
        }
    }

    /// `lantian sources demo DIR`: the demo's register, limits and simulated hours.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the demo outlets.csv, limits.csv and data.csv (simulated hours, 2022-01-01 … 03-31).",
            discussion: """
                For the demo enterprises of the emergency registry (Sources/Seed/Resources/emergency/demo): five \
                networked outlets with a daily load cycle, shut-downs and start-ups; in the week of 2022-02-14 a \
                falsified segment (140525D01001), a night cheat (140502D11001), an analyser fault (140581D10001), \
                late uploads (140581D05001) and a start-up over the limit (140524D03001). Deterministic.
                """)

        @ArgumentParser.Argument(help: "Directory to write into.") var directory: String

        func run() throws {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try SeedSources.outlets.write(toFile: directory + "/outlets.csv", atomically: true, encoding: .utf8)
            try SeedSources.limits.write(toFile: directory + "/limits.csv", atomically: true, encoding: .utf8)
            var text = PlantSimulation.header + "\n"
            for row in Self.rows() { text += row + "\n" }
            try text.write(toFile: directory + "/data.csv", atomically: true, encoding: .utf8)
        }

        /// The week of the demo's events: 2022-02-14 is hour 1,056 from 2022-01-01.
        static let week = 1_056

        static var profiles: [PlantSimulation.Profile] {
            var sinter = PlantSimulation.Profile(
                mn: "140525D01001", flow: 1_200_000, so2: 22, nox: 38, particulate: 6, o2: 15.2, o2Reference: 16)
            sinter.falsified = (week + 24)..<(week + 60)
            sinter.shutdowns = [(300, 30)]
            var coke = PlantSimulation.Profile(
                mn: "140524D03001", flow: 300_000, so2: 18, nox: 95, particulate: 7, o2: 7, o2Reference: 8)
            coke.shutdowns = [(week - 16, 24)]
            var cement = PlantSimulation.Profile(
                mn: "140581D05001", flow: 600_000, so2: 30, nox: 190, particulate: 8, o2: 9, o2Reference: 10)
            cement.late = (week + 72)..<(week + 84)
            var power = PlantSimulation.Profile(
                mn: "140502D11001", flow: 1_000_000, so2: 20, nox: 34, particulate: 4, o2: 5.5, o2Reference: 6)
            power.nightCheat = week..<(week + 168)
            var boiler = PlantSimulation.Profile(
                mn: "140581D10001", flow: 200_000, so2: 80, nox: 120, particulate: 12, o2: 8, o2Reference: 9)
            boiler.fault = (week + 48)..<(week + 60)
            return [sinter, coke, cement, power, boiler]
        }

        /// Every hour of the demo's outlets, hour by hour.
        static func rows() -> [String] {
            let start = MinuteStamp(day: CivilDate(year: 2022, month: 1, day: 1)!, hour: 0)
            var plants = profiles.enumerated().map { PlantSimulation($1, seed: 2022 + UInt64($0)) }
            var rows: [String] = []
            for hour in 0..<(90 * 24) {
                for index in plants.indices {
                    if let row = plants[index].row(hour, at: start.adding(minutes: 60 * hour)) { rows.append(row) }
                }
            }
            return rows
        }
    }
}

/// One output row of `lantian sources scan`.
struct HitRow: TableRow {
    var mn: String
    var factor: String
    var rule: String
    var from: String
    var to: String
    var detail: String

    static let header = ["mn", "factor", "rule", "from", "to", "detail"]

    var csv: [String] { [mn, factor, rule, from, to, detail] }
}
