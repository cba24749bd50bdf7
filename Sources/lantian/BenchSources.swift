import ArgumentParser
import Foundation
import LantianCore
import Persistence
import Services
import SourceMonitoring

extension Bench {
    /// `lantian bench sources`: a year of hourly online-monitoring data imported and scanned by every rule.
    struct Sources: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sources",
            abstract:
                "Generate a year of hourly data for N outlets × 8 factors, import it and scan it with every rule.",
            discussion: """
                Generates OUTLETS simulated plants (daily load cycle, shut-downs, start-ups, calibrations, missing \
                hours; every 50th with a falsified segment, deterministic from --seed) × DAYS × 24 hours × 8 \
                factors as one layout-(a) CSV in time order, as a platform exports it; then times (1) `sources \
                import` of the file into a fresh SQLite database (streaming, one transaction), and (2) every rule \
                over every outlet's whole stored year (two tasks), limits set. Peak memory (VmHWM) is reset before \
                each stage.
                """)

        @ArgumentParser.Option(help: "Outlets.") var outlets = 500
        @ArgumentParser.Option(help: "Days, from 2021-01-01.") var days = 365
        @ArgumentParser.Option(help: "Where the generated file and the database go.")
        var directory = FileManager.default.temporaryDirectory.appendingPathComponent("lantian-bench-sources").path
        @ArgumentParser.Flag(help: "Keep the generated file.") var keep = false
        @ArgumentParser.Option(help: "Random seed of the generated data.") var seed: UInt64 = 2021

        func run() async throws {
            try? FileManager.default.removeItem(atPath: directory)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { if !keep { try? FileManager.default.removeItem(atPath: directory) } }
            let hours = days * 24
            let values = outlets * hours * PlantSimulation.factors.count
            say("bench sources: \(outlets) outlets × \(days) days × 24 h × 8 factors = \(values) values")
            say("  machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(AQ.memoryGiB) GiB")
            var clock = Stopwatch()
            let file = directory + "/cems.csv"
            let profiles = Self.profiles(outlets)
            try Self.write(profiles, hours: hours, seed: seed, to: file)
            say(String(format: "  generate: %.0f MB in %.1f s", Double(AQ.size(file)) / 1e6, clock.lap()))

            let configuration = AppConfiguration(
                storage: .sqlite(path: directory + "/bench.sqlite"), filesDirectory: directory + "/files",
                seedJincheng: false)
            try await withDatabase(configuration: configuration) { db, _ in
                let store = SourceStore(database: db)
                try await store.replaceLimits(
                    profiles.flatMap { p in
                        [(Factor.so2, 35.0), (Factor.nox, 50.0), (Factor.particulate, 10.0)].map {
                            OutletRegister.LimitRow(
                                mn: p.mn, factor: $0.0,
                                rule: .init(limit: .init(limit: $0.1, o2Reference: p.o2Reference), standard: "bench"))
                        }
                    }, file: "bench", actor: .cli, at: Date())
                Memory.resetPeak()
                clock = Stopwatch()
                let source = try FileChunks(path: file)
                let summary = try await SourceImport(database: db).run(
                    file: "cems.csv", next: source.next, actor: .cli, at: Date())
                let importSeconds = clock.lap()
                guard summary.imported else {
                    throw ValidationFailure("the generated file was refused: \(summary.problems)")
                }
                say(
                    String(
                        format:
                            "  import (SQLite): %.1f s — %d records, %d values, %.0f values/s, %d blocks (peak RSS %@)",
                        importSeconds, summary.records, summary.hours,
                        Double(summary.hours) / importSeconds, summary.blocks, Memory.peak()))

                Memory.resetPeak()
                clock = Stopwatch()
                let limits = try await store.limits().mapValues { $0.mapValues(\.limit) }
                let devices = try await store.devices().map(\.mn)
                var hits = 0
                var rules: [AnomalyScan.Rule: Int] = [:]
                // Two at a time: read one device's year while the other is scanned.
                try await withThrowingTaskGroup(of: [AnomalyScan.Hit].self) { group in
                    var next = devices.makeIterator()
                    func start() async throws {
                        guard let mn = next.next() else { return }
                        let blocks = try await store.blocks(mn: mn)
                        let table = limits[mn] ?? [:]
                        group.addTask { AnomalyScan.scan(OutletSeries(mn: mn, blocks: blocks), limits: table) }
                    }
                    try await start()
                    try await start()
                    while let found = try await group.next() {
                        hits += found.count
                        for hit in found { rules[hit.rule, default: 0] += 1 }
                        try await start()
                    }
                }
                let scanSeconds = clock.lap()
                say(
                    String(
                        format:
                            "  scan, every rule, every outlet's year (2 tasks): %.1f s, %.0f values/s, %d hits (peak RSS %@)",
                        scanSeconds, Double(summary.hours) / scanSeconds, hits, Memory.peak()))
                say(
                    "    hits by rule: "
                        + rules.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
                        .joined(separator: ", "))
                say(String(format: "  import + scan: %.1f s (goal < 30 s)", importSeconds + scanSeconds))
            }
        }

        /// Plants of four kinds in turn (power boiler, sinter machine, coke oven, industrial boiler); every 50th with
        /// a falsified day in March, every 70th a night cheat in June.
        static func profiles(_ count: Int) -> [PlantSimulation.Profile] {
            (0..<count).map { index in
                var p: PlantSimulation.Profile
                switch index % 4 {
                case 0:
                    p = .init(
                        mn: "", flow: 1_000_000, so2: 20, nox: 34, particulate: 4, o2: 5.5, o2Reference: 6)
                case 1:
                    p = .init(mn: "", flow: 1_200_000, so2: 22, nox: 38, particulate: 6, o2: 15.2, o2Reference: 16)
                case 2: p = .init(mn: "", flow: 300_000, so2: 18, nox: 95, particulate: 7, o2: 7, o2Reference: 8)
                default: p = .init(mn: "", flow: 200_000, so2: 25, nox: 40, particulate: 6, o2: 8, o2Reference: 9)
                }
                p.mn = String(format: "B%05d", index + 1)
                p.shutdowns = [(24 * (20 + index % 90), 36)]
                if index % 50 == 7 { p.falsified = (24 * 70)..<(24 * 71) }
                if index % 70 == 11 { p.nightCheat = (24 * 160)..<(24 * 167) }
                return p
            }
        }

        /// The rows hour by hour, all outlets each hour, written in 4 MB blocks.
        static func write(_ profiles: [PlantSimulation.Profile], hours: Int, seed: UInt64, to path: String) throws {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw ValidationFailure("\(path): cannot write")
            }
            defer { try? handle.close() }
            var plants = profiles.enumerated().map { PlantSimulation($1, seed: seed &+ UInt64($0)) }
            let start = MinuteStamp(day: CivilDate(year: 2021, month: 1, day: 1)!, hour: 0)
            var buffer = PlantSimulation.header + "\n"
            for hour in 0..<hours {
                let time = start.adding(minutes: 60 * hour)
                for index in plants.indices {
                    if let row = plants[index].row(hour, at: time) {
                        buffer += row
                        buffer += "\n"
                    }
                }
                if buffer.utf8.count > 4 << 20 {
                    handle.write(Data(buffer.utf8))
                    buffer = ""
                }
            }
            handle.write(Data(buffer.utf8))
        }
    }
}
