import ArgumentParser
import Campaign
import Foundation
import LantianCore
import Ledger
import Persistence
import Seed
import Services
import Spreadsheet

extension Bench {
    /// `lantian bench ledger`: a large 散煤治理 ledger imported, re-imported, edited, and computed.
    struct LedgerRows: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ledger",
            abstract: "Import ROWS household rows (GB18030 CSV), re-import, edit one row and many, compute t11.",
            discussion: """
                Generates ROWS households across the plan's counties (deterministic from --seed) as a GB18030 CSV, \
                as WPS writes it; then times, on a fresh SQLite database: (1) the import (decode, check every \
                field, store with each row's first change), (2) the same file again (every row unchanged), (3) a \
                file with every 10th row changed (versioned updates), (4) single-row edits as the browser makes \
                them, (5) a bulk status change of 1,000 rows, (6) t11's indicators from the whole ledger, cold and \
                cached.
                """)

        @ArgumentParser.Option(help: "Rows.") var rows = 100_000
        @ArgumentParser.Option(help: "Single-row edits to time.") var edits = 50
        @ArgumentParser.Option(help: "Random seed of the generated rows.") var seed: UInt64 = 2021
        @ArgumentParser.Option(help: "Where the database goes.")
        var directory = FileManager.default.temporaryDirectory.appendingPathComponent("lantian-bench-ledger").path

        func run() async throws {
            try? FileManager.default.removeItem(atPath: directory)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let plan = try PlanFile.read(try SeedPlans.jincheng20212022)
            let counties = plan.units.filter { $0.kind == .county }.map(\.name)
            say("bench ledger: \(rows) households across \(counties.count) counties")
            say("  machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(AQ.memoryGiB) GiB")
            var clock = Stopwatch()
            let first = try Self.file(rows: rows, counties: counties, seed: seed, changedEvery: nil)
            let second = try Self.file(rows: rows, counties: counties, seed: seed, changedEvery: 10)
            say(String(format: "  generate: %.1f MB GB18030 in %.1f s", Double(first.count) / 1e6, clock.lap()))
            let configuration = AppConfiguration(
                storage: .sqlite(path: directory + "/bench.sqlite"), filesDirectory: directory + "/files",
                seedJincheng: false)
            try await withDatabase(configuration: configuration) { db, _ in
                let cache = LedgerRowsCache()
                let ledgers = Ledgers(db: db, cache: cache)
                guard let type = ledgers.type("households") else { throw ValidationFailure("no households type") }
                let today = CivilDate(year: 2021, month: 11, day: 3)!
                func load(_ data: Data, _ name: String) async throws -> (Double, LedgerStore.ImportSummary) {
                    Memory.resetPeak()
                    var clock = Stopwatch()
                    let (outcome, summary) = try await ledgers.importRows(
                        data, file: name, type: type, plan: plan, onlyOwner: nil, actor: .cli, at: Date(),
                        today: today)
                    let seconds = clock.lap()
                    guard let summary else { throw ValidationFailure("refused: \(outcome.problems.prefix(3))") }
                    return (seconds, summary)
                }
                let (fresh, a) = try await load(first, "households.csv")
                say(
                    String(
                        format: "  import: %.2f s — %d new, %.0f rows/s (goal < 10 s; peak RSS %@)", fresh, a.new,
                        Double(a.new) / fresh, Memory.peak()))
                let (again, b) = try await load(first, "households.csv")
                say(String(format: "  the same file again: %.2f s — %d unchanged", again, b.unchanged))
                let (changed, c) = try await load(second, "households-2.csv")
                say(
                    String(
                        format: "  every 10th row changed: %.2f s — %d changed, %d unchanged (peak RSS %@)", changed,
                        c.changed, c.unchanged, Memory.peak()))

                let stored = try await ledgers.rows(type.code)
                var times: [Double] = []
                for index in 0..<min(edits, stored.count) {
                    let row = stored[(index * 7919) % stored.count]
                    var values = row.row.values
                    values["coal"] = NumberText.csv(Double(index % 9) + 0.5)
                    values["county"] = row.row["county"]
                    clock = Stopwatch()
                    let outcome = try await ledgers.editRow(
                        row.id, version: row.version, values: values, type: type, plan: plan, onlyOwner: nil,
                        actor: .cli, at: Date(), today: today)
                    _ = try await ledgers.rows(type.code)
                    times.append(clock.lap())
                    if case .refused(let problems) = outcome { throw ValidationFailure("edit refused: \(problems)") }
                }
                times.sort()
                say(
                    String(
                        format: "  edit one row and read the ledger back: median %.1f ms, slowest %.1f ms (%d edits)",
                        times[times.count / 2] * 1000, (times.last ?? 0) * 1000, times.count))

                let fresher = try await ledgers.rows(type.code)
                let pending = fresher.filter { $0.row["status"] == "已改造" }.prefix(1_000).map(\.id)
                clock = Stopwatch()
                let moved = try await ledgers.changeStatus(
                    Array(pending), to: "已验收", dateField: "accepted", date: CivilDate(year: 2021, month: 10, day: 30),
                    type: type, onlyOwner: nil, files: [], actor: .cli, at: Date(), today: today)
                if case .refused(let problems) = moved {
                    throw ValidationFailure("bulk refused: \(problems.prefix(3))")
                }
                say(String(format: "  bulk status change of %d rows: %.2f s", pending.count, clock.lap()))

                let asOf = ReportingCalendar(plan: plan)!.instant(CivilDate(year: 2021, month: 11, day: 4)!)
                let versions = try await CacheVersions.read(on: db)
                clock = Stopwatch()
                let values = try await LedgerIndicatorSource().values(
                    for: plan, asOf: asOf, on: db, versions: versions)
                let cold = clock.lap()
                let source = LedgerIndicatorSource(rows: cache)
                _ = try await source.values(for: plan, asOf: asOf, on: db, versions: versions)
                let current = clock.lap()
                _ = try await source.values(for: plan, asOf: asOf, on: db, versions: versions)
                let cached = clock.lap()
                say(
                    String(
                        format:
                            "  the plan's indicators from the ledger: %.2f s cold (rows read from the database), %.0f ms from current rows, %.3f ms cached — t11 households %@, coal %@ t",
                        cold, current * 1000, cached * 1000, NumberText.display(values["t11"]?["households"] ?? 0),
                        NumberText.display(values["t11"]?["coal-replaced"] ?? 0)))
            }
        }

        /// Households in the counties in turn, a quarter accepted on a day in October; with `changedEvery`, every
        /// such row's coal is half a tonne more.
        static func file(rows: Int, counties: [String], seed: UInt64, changedEvery: Int?) throws -> Data {
            var random = SplitMix64(seed: seed)
            var text = "县区,乡镇,村,户主,改造方式,替代散煤,状态,验收日期\r\n"
            text.reserveCapacity(rows * 60)
            let methods = ["气代煤", "集中供热", "电代煤"]
            let statuses = ["待改造", "已改造", "已改造", "已验收"]
            for index in 0..<rows {
                let county = counties[index % counties.count]
                let status = statuses[Int(random.next() % 4)]
                var coal = Double(random.next() % 8) / 2 + 1.5
                if let every = changedEvery, index % every == 0 { coal += 0.5 }
                let date = status == "已验收" ? "2021-10-\(10 + Int(random.next() % 21))" : ""
                text +=
                    "\(county),第\(index / 2_000 + 1)镇,第\(index / 100 + 1)村,户主\(index),\(methods[index % 3]),"
                    + "\(NumberText.csv(coal)),\(status),\(date)\r\n"
            }
            guard let data = text.data(using: SheetFile.gb18030) else {
                throw ValidationFailure("could not write GB18030")
            }
            return data
        }
    }
}
