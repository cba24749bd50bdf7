import AirQuality
import ArgumentParser
import Foundation
import LantianCore
import Persistence
import SQLKit
import Services

extension Bench {
    /// A national-scale season through every stage of the air-quality path.
    struct AQ: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "aq",
            abstract: "Generate a season of CNEMC hourly files and time parsing, storing and the season statistics.",
            discussion: """
                Generates STATIONS × DAYS × 24 station-hours (all six pollutants, about 1 % missing, deterministic
                from --seed) as one CNEMC file per day, then reports: (1) import into a fresh SQLite file (streaming,
                all files or none, in short transactions, as `aq import` does, days recomputed per HJ 663); (2) the same into PostgreSQL when --postgres
                names a database whose name contains "bench" (its tables are dropped first); (3) parse + validate +
                hourly AQI + an in-memory index, on two cores; (3b) the code `aq compute` runs (reading, the hourly AQI
                table as CSV bytes), on one task; (4) every station's and the city's daily series and
                season statistics. Peak memory (VmHWM) is reset before each stage.
                """)

        @ArgumentParser.Option(help: "Stations.") var stations = 2_000
        @ArgumentParser.Option(help: "Days, from 2021-10-01.") var days = 182
        @ArgumentParser.Option(help: "Where the generated files and the SQLite database go.")
        var directory = FileManager.default.temporaryDirectory.appendingPathComponent("lantian-bench-aq").path
        @ArgumentParser.Option(help: "PostgreSQL URL of a scratch database named *bench*.") var postgres: String?
        @ArgumentParser.Flag(help: "Skip the SQLite import.") var skipSQLite = false
        @ArgumentParser.Flag(help: "Keep the generated files.") var keep = false
        @ArgumentParser.Option(help: "Random seed of the generated data.") var seed: UInt64 = 2021

        func run() async throws {
            let firstDay = HourStamp.dayNumber(year: 2021, month: 10, day: 1)
            let codes = (1...stations).map { "B" + String(format: "%04d", $0) + "A" }
            let registry = codes.enumerated().map { index, code in
                Station(
                    code: code, name: "站点\(index + 1)",
                    kind: index % 20 == 19 ? .cleanReference : index % 10 == 9 ? .township : .nationalControl,
                    county: "", longitude: nil, latitude: nil)
            }
            try? FileManager.default.removeItem(atPath: directory)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { if !keep { try? FileManager.default.removeItem(atPath: directory) } }
            let stationHours = Double(stations * days * 24)
            say("bench aq: \(stations) stations × \(days) days × 24 h = \(Int(stationHours)) station-hours")
            say("  machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Self.memoryGiB) GiB")

            var clock = Stopwatch()
            let files = try SeasonGenerator(stations: codes, firstDay: firstDay, days: days, seed: seed)
                .write(into: directory)
            let bytes = files.reduce(0) { $0 + (Self.size($1)) }
            say(
                String(
                    format: "  generate: %d files, %.0f MB in %.1f s", files.count, Double(bytes) / 1e6,
                    clock.lap()))

            if !skipSQLite {
                try await importStage("SQLite", .sqlite(path: directory + "/bench.sqlite"), files, registry)
            }
            if let postgres {
                guard postgres.contains("bench") else {
                    throw ValidationFailure("--postgres must name a scratch database whose name contains \"bench\"")
                }
                try await withDatabase(
                    configuration: AppConfiguration(
                        storage: .postgres(url: postgres), filesDirectory: directory + "/files", seedJincheng: false)
                ) { db, _ in
                    let sql = db as! any SQLDatabase
                    try await sql.raw("DROP SCHEMA public CASCADE").run()
                    try await sql.raw("CREATE SCHEMA public").run()
                }
                try await importStage("PostgreSQL", .postgres(url: postgres), files, registry)
            }

            Memory.resetPeak()
            clock = Stopwatch()
            let halves = [
                Array(files.enumerated().filter { $0.offset % 2 == 0 }),
                Array(files.enumerated().filter { $0.offset % 2 == 1 }),
            ]
            let parsed = try await withThrowingTaskGroup(of: ParsedBlock.self) { group in
                for half in halves {
                    group.addTask {
                        try Self.parse(
                            half.map(\.element), dayOffsets: half.map(\.offset), codes: codes, firstDay: firstDay)
                    }
                }
                var blocks: [ParsedBlock] = []
                for try await block in group { blocks.append(block) }
                return blocks
            }
            let parseSeconds = clock.lap()
            let observations = parsed.reduce(0) { $0 + $1.observations }
            say(
                String(
                    format: "  parse + validate + AQI + index (2 tasks): %.1f s, %.0f station-hours/s, "
                        + "%d bad lines, AQI sum %d (peak RSS %@)", parseSeconds, Double(observations) / parseSeconds,
                    parsed.reduce(0) { $0 + $1.badLines }, parsed.reduce(0) { $0 + $1.aqiSum }, Memory.peak()))

            // The code `lantian aq compute FILE… --format csv` runs, on one task as the command does.
            Memory.resetPeak()
            clock = Stopwatch()
            var table = HourlyAQITable()
            var written = 0
            var out: [UInt8] = []
            for file in files {
                let source = try FileChunks(path: file)
                var reader = HourlyReader()
                func drain() {
                    for observation in reader.take().observations { table.append(observation, to: &out) }
                    written += out.count
                    out.removeAll(keepingCapacity: true)
                }
                while let chunk = try source.next() {
                    chunk.withUnsafeBytes { reader.feed($0) }
                    drain()
                }
                reader.finish()
                drain()
            }
            let tableSeconds = clock.lap()
            say(
                String(
                    format: "  aq compute's hourly table (read + AQI + CSV, 1 task): %.1f s, %.0f station-hours/s, "
                        + "%.0f MB written (peak RSS %@)", tableSeconds, stationHours / tableSeconds,
                    Double(written) / 1e6, Memory.peak()))
            clock = Stopwatch()

            let grids = parsed.flatMap(\.grids).sorted { $0.firstDay < $1.firstDay }
            let summary = await SeasonComputation.run(grids: grids, registry: registry, firstDay: firstDay, days: days)
            let computeSeconds = clock.lap()
            say(
                String(
                    format: "  daily series + season statistics: %.1f s for %d station-days and %d city days "
                        + "(peak RSS %@)", computeSeconds, summary.stationDays, summary.cityDays, Memory.peak()))
            say(
                String(
                    format: "    city: PM2.5 %.1f µg/m³, %d heavy days, composite index %.2f; "
                        + "most polluted station %@ (composite %.2f)", summary.cityPM25, summary.cityHeavyDays,
                    summary.cityComposite, summary.worstStation, summary.worstComposite))
        }

        /// Imports every file into a fresh database and prints the rate.
        private func importStage(
            _ name: String, _ storage: AppConfiguration.Storage, _ files: [String], _ registry: [Station]
        ) async throws {
            let seconds = try await importAll(
                files, registry: registry,
                configuration: AppConfiguration(
                    storage: storage, filesDirectory: directory + "/files", seedJincheng: false))
            say(
                String(
                    format: "  import %@: %.1f s, %.0f station-hours/s (peak RSS %@)", name, seconds,
                    Double(stations * days * 24) / seconds, Memory.peak()))
        }

        private func importAll(
            _ files: [String], registry: [Station], configuration: AppConfiguration
        ) async throws -> Double {
            try await withDatabase(configuration: configuration) { db, _ in
                try await AirQualityStore(database: db).upsertStations(registry)
                Memory.resetPeak()
                var clock = Stopwatch()
                // As `lantian aq import FILE…` does: all files or none, each in short transactions.
                let sources = try files.map { try FileChunks(path: $0) }
                _ = try await HourlyImport(database: db).runAll(
                    sources.map { (HourlyImport.Options(source: "bench", actor: .cli), $0.next) }, at: Date())
                return clock.lap()
            }
        }

        struct ParsedBlock: Sendable {
            var grids: [HourlyGrid]
            var observations: Int
            var badLines: Int
            var aqiSum: Int
        }

        /// Reads files streaming, computes every station-hour's AQI and indexes it in a grid per file.
        static func parse(_ files: [String], dayOffsets: [Int], codes: [String], firstDay: Int) throws -> ParsedBlock {
            var block = ParsedBlock(grids: [], observations: 0, badLines: 0, aqiSum: 0)
            for (file, offset) in zip(files, dayOffsets) {
                var grid = HourlyGrid(stations: codes, firstDay: firstDay + offset, dayCount: 1)
                let source = try FileChunks(path: file)
                var reader = HourlyReader(format: .cnemc(.standard))
                func drain() {
                    let (observations, _, issues) = reader.take()
                    block.badLines += issues.count
                    for observation in observations {
                        block.aqiSum &+=
                            AQIStandard.hj633.hourlyAQIValue(observation.values, so2Mean24h: observation.so2Mean24h)
                            ?? 0
                        grid.record(observation)
                    }
                    block.observations += observations.count
                }
                while let chunk = try source.next() {
                    chunk.withUnsafeBytes { reader.feed($0) }
                    drain()
                }
                reader.finish()
                drain()
                block.grids.append(grid)
            }
            return block
        }

        static func size(_ path: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
        }

        static var memoryGiB: Int { Int(ProcessInfo.processInfo.physicalMemory >> 30) }
    }
}
