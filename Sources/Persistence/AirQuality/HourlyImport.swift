import AirQuality
import FluentKit
import Foundation
import LantianCore
import NIOCore
import PostgresNIO
import SQLKit
import Synchronization

/// Imports hourly station data into `station_hours`, streaming, in one transaction: all of it or — on a fatal
/// error (an unusable header, an unknown station) — nothing.
///
/// Re-importing the same data changes nothing; a value that differs from the stored one replaces it and the old
/// value is kept in `station_hour_changes`; a value missing from the file never erases a stored one. Bad lines
/// are skipped and reported. The days touched are then recomputed per HJ 663 into `station_days`.
public struct HourlyImport: Sendable {
    public struct Options: Sendable {
        public var format: HourlyFormat?
        /// Register unknown station codes as this kind; nil makes an unknown code fatal.
        public var registerUnknownAs: Station.Kind?
        /// Names the data's origin in the stored rows (`cnemc-import`, the file name …).
        public var source: String
        public var actor: AuditLog.Actor
        /// Station-hours written per statement batch.
        public var batchSize: Int

        public init(
            format: HourlyFormat? = nil, registerUnknownAs: Station.Kind? = nil, source: String,
            actor: AuditLog.Actor, batchSize: Int = 20_000
        ) {
            self.format = format
            self.registerUnknownAs = registerUnknownAs
            self.source = source
            self.actor = actor
            self.batchSize = batchSize
        }
    }

    /// What an import did.
    public struct Summary: Sendable, Codable {
        /// The import's number in `air_imports` (its station-hours say `import:<n>`).
        public var importID = 0
        public var format: String = ""
        /// CNEMC files: how the ozone columns were read and why (told from the rows unless requested).
        public var ozone: String = ""
        /// The ozone note is a warning: rows contradict each other, or the requested layout.
        public var ozoneWarning = false
        /// Values accepted but doubted (`N/A` read as missing, implausible values kept, repeated station-hours, a
        /// file without rows), one line per field and kind, with its first line.
        public var warnings: [String] = []
        public var lines = 0
        public var stationHours = 0
        public var inserted = 0
        public var updated = 0
        public var unchanged = 0
        /// Values replaced (one per pollutant), each kept in `station_hour_changes`.
        public var correctedValues = 0
        public var stationDays = 0
        public var registeredStations: [String] = []
        public var badLines = 0
        /// The first bad lines, with their reasons.
        public var issues: [String] = []
    }

    /// Where it stands, for a progress bar.
    public struct Progress: Sendable {
        public var bytesRead: Int
        public var stationHours: Int
    }

    public enum Failure: Error, CustomStringConvertible {
        case fatal(ImportIssue)
        case unknownStations([String])

        public var description: String {
            switch self {
            case .fatal(let issue): "\(issue) — nothing imported"
            case .unknownStations(let codes):
                "unknown station(s) \(codes.joined(separator: ", ")) — nothing imported; register them first"
            }
        }
    }

    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Reads chunks from `next` until it returns nil and stores what they hold.
    ///
    /// Each batch is stored in its own short write transaction, so that report saves and other writes do not wait
    /// behind a long upload; what the import overwrites is kept in `station_hour_undo`, and a failure at any step
    /// rolls the whole import back (``rollBack(importID:on:)``): nothing of it is left behind. The
    /// station-days are written in the last transaction. Inside a caller's transaction the import is simply part
    /// of it.
    public func run(
        options: Options, at now: Date, next: @escaping @Sendable () throws -> [UInt8]?,
        progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async throws -> Summary {
        if database.inTransaction {
            var state = ImportState(db: database, options: options, now: now, bounded: false)
            try await state.recordImport()
            try await state.loadStations()
            try await Self.stream(&state, next: next, progress: progress) { state, body in try await body(&state) }
            try await state.finalize()
            return state.summary
        }
        return try await finalize([try await storeBounded(options: options, at: now, next: next, progress: progress)])[
            0]
    }

    /// Imports several files as one: each stored in its own short transactions, then all finished together in
    /// one last step; when one fails, the ones before it are undone too (``rollBack(importID:on:)``), so that the
    /// files are stored all or none.
    public func runAll(
        _ files: [(options: Options, next: @Sendable () throws -> [UInt8]?)], at now: Date,
        progress: @escaping @Sendable (Int, Progress) -> Void = { _, _ in }
    ) async throws -> [Summary] {
        var stored: [ImportState] = []
        do {
            for (index, file) in files.enumerated() {
                stored.append(
                    try await storeBounded(options: file.options, at: now, next: file.next) { progress(index, $0) })
            }
        } catch {
            for state in stored.reversed() { try? await Self.rollBack(importID: state.importID, on: database) }
            throw error
        }
        return try await finalize(stored)
    }

    /// Stores a file's station-hours batch by batch, each batch in its own write transaction, and leaves the
    /// import `running` with its undo record; undone whole when anything fails.
    private func storeBounded(
        options: Options, at now: Date, next: @escaping @Sendable () throws -> [UInt8]?,
        progress: @escaping @Sendable (Progress) -> Void
    ) async throws -> ImportState {
        try await Self.rollBackStale(on: database, at: now)
        let initial = ImportState(db: database, options: options, now: now, bounded: true)
        var state = try await database.writeTransaction(touching: [.airData]) { tx in
            var state = initial.on(tx)
            try await state.recordImport()
            try await state.loadStations()
            return state.on(initial.db)
        }
        let database = database
        let importID = state.importID
        do {
            try await Self.stream(&state, next: next, progress: progress) { state, body in
                state = try await database.writeTransaction(touching: [.airData]) { [state] tx in
                    var inTransaction = state.on(tx)
                    try await body(&inTransaction)
                    return inTransaction.on(database)
                }
            }
            return state
        } catch {
            try? await Self.rollBack(importID: importID, on: database)
            throw error
        }
    }

    /// The last step of bounded imports, in one transaction: their days, audit entries and ends; undone whole
    /// when it fails.
    private func finalize(_ states: [ImportState]) async throws -> [Summary] {
        let database = database
        do {
            return try await database.writeTransaction(touching: [.airData]) { tx in
                var summaries: [Summary] = []
                for state in states {
                    var inTransaction = state.on(tx)
                    try await inTransaction.finalize()
                    summaries.append(inTransaction.summary)
                }
                return summaries
            }
        } catch {
            for state in states.reversed() { try? await Self.rollBack(importID: state.importID, on: database) }
            throw error
        }
    }

    /// Parses batch after batch and stores each through `transact`.
    private static func stream(
        _ state: inout ImportState, next: @escaping @Sendable () throws -> [UInt8]?,
        progress: @escaping @Sendable (Progress) -> Void,
        transact: (inout ImportState, @escaping @Sendable (inout ImportState) async throws -> Void) async throws -> Void
    ) async throws {
        // Reading and parsing the next batch (one core) overlaps storing this one (the database's thread).
        let parsing = BatchParser(format: state.options.format, batchSize: state.options.batchSize, next: next)
        var upcoming = Task { try parsing.nextBatch() }
        do {
            while true {
                let batch = try await upcoming.value
                if let fatal = batch.fatal { throw Failure.fatal(fatal) }
                state.note(issues: batch.issues, closed: batch.closedDays)
                if !batch.isLast { upcoming = Task { try parsing.nextBatch() } }
                let observations = batch.observations
                try await transact(&state) { try await $0.store(observations) }
                progress(Progress(bytesRead: batch.bytesRead, stationHours: state.summary.stationHours))
                guard !batch.isLast else {
                    state.summary.format = batch.format.map(String.init(describing:)) ?? ""
                    state.summary.ozone = batch.ozoneNote?.text ?? ""
                    state.summary.ozoneWarning = batch.ozoneNote?.warning ?? false
                    state.summary.warnings = batch.warnings.map(\.description)
                    state.summary.lines = batch.lines
                    break
                }
            }
        } catch {
            // Let the parser finish the chunk it is on before the caller's files are closed.
            _ = try? await upcoming.value
            throw error
        }
    }
}

/// Reads and parses a file batch by batch. Used by one task at a time: each batch is asked for only after the
/// previous one has been handed over.
private final class BatchParser: @unchecked Sendable {
    struct Batch: Sendable {
        var observations: [HourlyObservation] = []
        var closedDays: [StationDay] = []
        var issues: [ImportIssue] = []
        var fatal: ImportIssue?
        var isLast = false
        var bytesRead = 0
        var lines = 0
        var format: HourlyFormat?
        var ozoneNote: (text: String, warning: Bool)?
        var warnings: [ImportIssue] = []
    }

    private var reader: HourlyReader
    private let batchSize: Int
    private let next: @Sendable () throws -> [UInt8]?

    init(format: HourlyFormat?, batchSize: Int, next: @escaping @Sendable () throws -> [UInt8]?) {
        reader = HourlyReader(format: format)
        self.batchSize = batchSize
        self.next = next
    }

    /// At least `batchSize` observations, or the rest of the file.
    func nextBatch() throws -> Batch {
        var batch = Batch()
        while batch.observations.count < batchSize {
            guard let chunk = try next() else {
                reader.finish()
                batch.isLast = true
                break
            }
            chunk.withUnsafeBytes { reader.feed($0) }
            if reader.fatal != nil { break }
            let (observations, closed, issues) = reader.take()
            batch.observations += observations
            batch.closedDays += closed
            batch.issues += issues
        }
        let (observations, closed, issues) = reader.take()
        batch.observations += observations
        batch.closedDays += closed
        batch.issues += issues
        batch.fatal = reader.fatal
        batch.bytesRead = reader.bytesRead
        batch.lines = reader.lineNumber
        batch.format = reader.format
        batch.ozoneNote = reader.ozoneNote
        batch.warnings = reader.warnings
        return batch
    }
}

/// The work of one import, inside its transaction.
private struct ImportState: Sendable {
    private(set) var db: any Database
    let options: HourlyImport.Options
    let now: Date
    /// Stored in several transactions, undo kept (``HourlyImport/run(options:at:next:progress:)``); days are
    /// then written only at the end.
    let bounded: Bool
    /// This import's number in `air_imports`.
    private(set) var importID = 0
    var summary = HourlyImport.Summary()
    /// Registered stations' numbers by code, and codes by number.
    var known: [String: Int] = [:]
    var codes: [Int: String] = [:]
    /// The feed's own daily values from closing rows, by station code and day.
    var closedDays: [String: [Int: DailyStatistics]] = [:]
    /// Which days to compute, by station number (the domain's rules; flat memory).
    var days = StationDayAssembler()

    /// What each station-hour row of this import says it came from: `import:<id>` of its `air_imports` row.
    var sourceKey = ""

    var sql: any SQLDatabase { db as! any SQLDatabase }

    init(db: any Database, options: HourlyImport.Options, now: Date, bounded: Bool) {
        self.db = db
        self.options = options
        self.now = now
        self.bounded = bounded
    }

    /// The same state working on `database` (the transaction of the step at hand).
    func on(_ database: any Database) -> ImportState {
        var state = self
        state.db = database
        return state
    }

    /// Records the import (file, user, time) and takes its number.
    mutating func recordImport() async throws {
        struct Row: Decodable { var id: Int }
        let row = try await sql.insert(into: "air_imports").columns("source", "imported_by", "imported_at", "state")
            .values(
                SQLBind(options.source), SQLBind(options.actor.username), SQLBind(now),
                SQLBind(bounded ? "running" : "done")
            )
            .returning("id").first(decoding: Row.self)
        guard let row else {
            throw HourlyImport.Failure.fatal(ImportIssue(line: 0, field: "", reason: "import not recorded"))
        }
        importID = row.id
        sourceKey = "import:\(row.id)"
    }

    mutating func loadStations() async throws {
        known = try await AirQualityStore.stationNumbers(sql)
        codes = Dictionary(known.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
    }

    mutating func note(issues: [ImportIssue], closed: [StationDay]) {
        summary.badLines += issues.count
        for issue in issues where summary.issues.count < 200 { summary.issues.append(issue.description) }
        for day in closed {
            closedDays[day.station, default: [:]][day.statistics.dayNumber] = day.statistics
        }
    }

    mutating func store(_ observations: [HourlyObservation]) async throws {
        guard !observations.isEmpty else { return }
        var numbers = observations.map { known[$0.station] }
        if numbers.contains(nil) {
            try await registerUnknown(Set(observations.map(\.station)))
            numbers = observations.map { known[$0.station] }
        }
        // One row per station-hour: later lines lay their values over earlier ones.
        let (order, merged) = StationHours.merge(
            keys: zip(observations, numbers).map { StationHourKey(station: $1!, hour: $0.hour.value) },
            values: observations.map(\.values))
        let hours = order.map(\.hour)
        let stored = try await storedRows(from: hours.min()!, to: hours.max()!, stations: Set(order.map(\.station)))
        var inserts: [(StationHourKey, PollutantValues)] = []
        var updates: [(StationHourKey, PollutantValues)] = []
        var changes: [(StationHourKey, StationHours.Correction)] = []
        for (key, values) in zip(order, merged) {
            let outcome = StationHours.outcome(of: values, over: stored.isEmpty ? nil : stored[key]?.values)
            switch outcome {
            case .insert(let values): inserts.append((key, values))
            case .unchanged: summary.unchanged += 1
            case .update(let values, let corrections):
                updates.append((key, values))
                changes += corrections.map { (key, $0) }
            }
            let changed = if case .unchanged = outcome { false } else { true }
            days.hold(station: key.station, hour: HourStamp(value: key.hour), values: outcome.values, changed: changed)
        }
        summary.stationHours += order.count
        summary.inserted += inserts.count
        summary.updated += updates.count
        summary.correctedValues += changes.count
        // 24 hours beat the feed's own daily values: a complete day's closing row is not needed any more.
        for key in days.completeHeldDays() {
            if let code = codes[key.station] { closedDays[code]?[key.day] = nil }
        }
        // Days wait for the last step of a bounded import, so that a failure leaves the stored days as they were.
        if !bounded && days.computed.count >= 5_000 { try await storeComputedDays() }
        // In key order: each insert lands next to the previous one in the (station, hour) B-tree.
        inserts.sort { ($0.0.station, $0.0.hour) < ($1.0.station, $1.0.hour) }
        try await insert(inserts)
        // What this import overwrites, as it stood before the import (the first record of an hour stands), so that
        // a failed import can be undone. Hours it inserts need none: after the undo they are the ones still
        // labelled with this import.
        if bounded && !updates.isEmpty {
            for chunk in stride(from: 0, to: updates.count, by: 2_000) {
                var builder = sql.insert(into: "station_hour_undo")
                    .columns(
                        "import_id", "station", "hour", "existed", "so2", "no2", "pm10", "co", "o3", "pm25", "source")
                for (key, _) in updates[chunk..<min(chunk + 2_000, updates.count)] {
                    let old = stored[key]!
                    builder = builder.values(
                        SQLBind(importID), SQLBind(key.station), SQLBind(key.hour), SQLBind(true),
                        SQLBind(old.values.so2), SQLBind(old.values.no2), SQLBind(old.values.pm10),
                        SQLBind(old.values.co), SQLBind(old.values.o3), SQLBind(old.values.pm25), SQLBind(old.source))
                }
                try await builder.ignoringConflicts(with: ["import_id", "station", "hour"]).run()
            }
        }
        for (key, values) in updates {
            try await sql.update("station_hours")
                .set("so2", to: SQLBind(values.so2)).set("no2", to: SQLBind(values.no2))
                .set("pm10", to: SQLBind(values.pm10)).set("co", to: SQLBind(values.co))
                .set("o3", to: SQLBind(values.o3)).set("pm25", to: SQLBind(values.pm25))
                .set("source", to: SQLBind(sourceKey))
                .where("station", .equal, SQLBind(key.station)).where("hour", .equal, SQLBind(key.hour))
                .run()
        }
        for chunk in stride(from: 0, to: changes.count, by: 500) {
            var builder = sql.insert(into: "station_hour_changes")
                .columns(
                    "id", "station_code", "hour", "pollutant", "old_value", "new_value", "source", "changed_by",
                    "changed_at", "import_id")
            for (key, change) in changes[chunk..<min(chunk + 500, changes.count)] {
                builder = builder.values(
                    SQLBind(UUID()), SQLBind(codes[key.station] ?? ""), SQLBind(key.hour),
                    SQLBind(change.pollutant.rawValue), SQLBind(change.old), SQLBind(change.new),
                    SQLBind(options.source), SQLBind(options.actor.username),
                    SQLBind(now), SQLBind(importID))
            }
            try await builder.run()
        }
    }

    private mutating func registerUnknown(_ stations: Set<String>) async throws {
        let unknown = stations.filter { known[$0] == nil }
        guard !unknown.isEmpty else { return }
        guard let kind = options.registerUnknownAs else {
            throw HourlyImport.Failure.unknownStations(unknown.sorted())
        }
        for code in unknown.sorted() {
            let number = AirQualityStore.nextNumber(&known, for: code)
            codes[number] = code
            try await sql.insert(into: "stations")
                .columns("id", "code", "name", "kind", "county", "longitude", "latitude", "number")
                .values(
                    SQLBind(UUID()), SQLBind(code), SQLBind(code), SQLBind(kind.rawValue), SQLBind(""),
                    SQLBind(Double?.none), SQLBind(Double?.none), SQLBind(number)
                )
                .run()
            // A station registered by a bounded import goes again if the import is undone (hour −1 marks it).
            if bounded {
                try await sql.insert(into: "station_hour_undo").columns("import_id", "station", "hour", "existed")
                    .values(SQLBind(importID), SQLBind(number), SQLBind(-1), SQLBind(false)).run()
            }
        }
        summary.registeredStations += unknown.sorted()
    }

    /// Multi-row inserts written as SQL text: binding nine values a row through the driver costs more than the
    /// database's own work. Everything in the text is written by Swift from integers and doubles (shortest exact
    /// form, never text from the file); the source is the import's number (``recordImport()``).
    private func insert(_ rows: [(StationHourKey, PollutantValues)]) async throws {
        guard !rows.isEmpty else { return }
        if sql.dialect.name == "postgresql", let postgres = db as? any PostgresDatabase {
            try await copy(rows, into: postgres)
            return
        }
        let source = "'" + sourceKey + "'"
        for start in stride(from: 0, to: rows.count, by: 5_000) {
            var text = "INSERT INTO station_hours (station, hour, so2, no2, pm10, co, o3, pm25, source) VALUES "
            text.reserveCapacity(100 * 5_000)
            for (index, (key, v)) in rows[start..<min(start + 5_000, rows.count)].enumerated() {
                if index > 0 { text += "," }
                text += "(" + String(key.station) + "," + String(key.hour)
                for value in [v.so2, v.no2, v.pm10, v.co, v.o3, v.pm25] {
                    text += ","
                    text += value.map(Self.number) ?? "NULL"
                }
                text += "," + source + ")"
            }
            try await sql.raw(SQLQueryString(stringLiteral: text)).run()
        }
    }

    /// PostgreSQL: the rows streamed with `COPY … FROM STDIN` (text format) on the transaction's connection, in
    /// blocks of about 1 MB — several times faster than multi-row inserts.
    private func copy(_ rows: [(StationHourKey, PollutantValues)], into postgres: any PostgresDatabase) async throws {
        let source = Array(sourceKey.utf8)
        let logger = db.logger
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.copyFrom(
                    table: "station_hours",
                    columns: ["station", "hour", "so2", "no2", "pm10", "co", "o3", "pm25", "source"], logger: logger
                ) { writer in
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity(1 << 20)
                    for (key, v) in rows {
                        Self.writeDigits(key.station, to: &buffer)
                        buffer.writeInteger(UInt8(9))
                        Self.writeDigits(key.hour, to: &buffer)
                        for value in [v.so2, v.no2, v.pm10, v.co, v.o3, v.pm25] {
                            buffer.writeInteger(UInt8(9))
                            if let value, value.isFinite {
                                // Whole numbers (most concentrations) without a string; the rest exactly.
                                if value == value.rounded(), abs(value) < 1e15 {
                                    Self.writeDigits(Int(value), to: &buffer)
                                } else {
                                    buffer.writeString(NumberText.exact(value))
                                }
                            } else {
                                buffer.writeString("\\N")
                            }
                        }
                        buffer.writeInteger(UInt8(9))
                        buffer.writeBytes(source)
                        buffer.writeInteger(UInt8(10))
                        if buffer.readableBytes >= 1 << 20 {
                            try await writer.write(buffer)
                            buffer.clear()
                        }
                    }
                    if buffer.readableBytes > 0 { try await writer.write(buffer) }
                }
            }
        }.get()
    }

    /// Writes `n` in decimal digits.
    private static func writeDigits(_ n: Int, to buffer: inout ByteBuffer) {
        if n < 0 { buffer.writeInteger(UInt8(45)) }
        var magnitude = n.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { bytes in
            repeat {
                bytes[19 - count] = UInt8(48 + magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[(20 - count)...]))
        }
    }

    /// A concentration as SQL: exact, whole numbers (most of them) without Double's slower shortest-form printing.
    static func number(_ value: Double) -> String { value.isFinite ? NumberText.exact(value) : "NULL" }

    /// The stored rows of these stations between two hours, by the table's key (station, hour), with the import
    /// (or source) each came from.
    private func storedRows(
        from first: Int, to last: Int, stations: Set<Int>
    ) async throws -> [StationHourKey: (values: PollutantValues, source: String)] {
        var result: [StationHourKey: (values: PollutantValues, source: String)] = [:]
        let numbers = stations.sorted()
        for start in stride(from: 0, to: numbers.count, by: 500) {
            let rows = try await sql.select()
                .columns("station", "hour", "so2", "no2", "pm10", "co", "o3", "pm25", "source").from("station_hours")
                .where("station", .in, SQLBind.group(Array(numbers[start..<min(start + 500, numbers.count)])))
                .where("hour", .greaterThanOrEqual, SQLBind(first)).where("hour", .lessThanOrEqual, SQLBind(last))
                .all(decoding: HourRow.self)
            for row in rows {
                result[StationHourKey(station: row.station, hour: row.hour)] = (row.values, row.source ?? "")
            }
        }
        return result
    }

    /// The import's last step: the touched days recomputed, the audit entry, and — for a bounded import — its
    /// end (state `done`, the undo record dropped).
    mutating func finalize() async throws {
        try await recomputeDays()
        summary.importID = importID
        try await AuditLog.record(
            on: db, actor: options.actor, action: "airData.import", entity: "airData", entityID: options.source,
            before: Nothing?.none, after: summary, at: now)
        try await finish()
    }

    /// The end of a bounded import: it is done, its undo record goes.
    private func finish() async throws {
        guard bounded else { return }
        try await sql.update("air_imports").set("state", to: SQLBind("done")).where("id", .equal, SQLBind(importID))
            .run()
        try await sql.delete(from: "station_hour_undo").where("import_id", .equal, SQLBind(importID)).run()
    }

    /// Stores the days computed so far, so that they do not pile up in memory.
    private mutating func storeComputedDays() async throws {
        let computed = days.takeComputed().map { (station: codes[$0.key.station] ?? "", statistics: $0.value) }
        summary.stationDays += computed.count
        try await AirQualityStore(database: db).upsertDays(computed, source: options.source)
    }

    /// Recomputes every touched station-day from its stored hours (≥ 20 hours), else from the closing row of
    /// the feed, and stores the days that have either.
    mutating func recomputeDays() async throws {
        try await storeComputedDays()
        var recomputed: [(station: String, statistics: DailyStatistics)] = []
        let touchedCodes = Dictionary(
            days.touched.filter { !$0.value.isEmpty }.compactMap { entry in codes[entry.key].map { ($0, entry.value) }
            },
            uniquingKeysWith: { a, _ in a })
        let stations = Set(touchedCodes.keys).union(closedDays.keys).sorted()
        for start in stride(from: 0, to: stations.count, by: 500) {
            let group = Array(stations[start..<min(start + 500, stations.count)])
            let wanted = Dictionary(
                uniqueKeysWithValues: group.map {
                    ($0, (touchedCodes[$0] ?? []).union(closedDays[$0]?.keys ?? [:].keys))
                })
            let allDays = wanted.values.flatMap { $0 }
            guard let first = allDays.min(), let last = allDays.max() else { continue }
            var hours: [String: [Int: [PollutantValues?]]] = [:]
            let rows = try await sql.select()
                .columns("station", "hour", "so2", "no2", "pm10", "co", "o3", "pm25").from("station_hours")
                .where("station", .in, SQLBind.group(group.compactMap { known[$0] }))
                .where("hour", .greaterThanOrEqual, SQLBind(first * 24 + 1))
                .where("hour", .lessThanOrEqual, SQLBind(last * 24 + 24))
                .all(decoding: HourRow.self)
            for row in rows {
                let stamp = HourStamp(value: row.hour)
                guard let code = codes[row.station], wanted[code]?.contains(stamp.dayNumber) == true else { continue }
                hours[code, default: [:]][stamp.dayNumber, default: Array(repeating: nil, count: 24)][
                    stamp.endHour - 1] = row.values
            }
            for station in group {
                for day in (wanted[station] ?? []).sorted() {
                    if let statistics = StationDayAssembler.day(
                        day, storedHours: hours[station]?[day] ?? [], closing: closedDays[station]?[day])
                    {
                        recomputed.append((station, statistics))
                    }
                }
            }
        }
        summary.stationDays += recomputed.count
        try await AirQualityStore(database: db).upsertDays(recomputed, source: options.source)
    }
}

/// A stored station-hour; `source` only where the query asks for it.
private struct HourRow: Decodable {
    var station: Int
    var hour: Int
    var so2: Double?
    var no2: Double?
    var pm10: Double?
    var co: Double?
    var o3: Double?
    var pm25: Double?
    var source: String?

    var values: PollutantValues { PollutantValues(so2: so2, no2: no2, pm10: pm10, co: co, o3: o3, pm25: pm25) }
}

extension HourlyImport {
    /// Undoes import `importID` whole, in one transaction: the hours it overwrote get their values back, the
    /// hours it added go, its recorded corrections go, and the stations it registered go. Days are untouched: a
    /// bounded import writes them only in its last step, with the rest.
    public static func rollBack(importID: Int, on database: any Database) async throws {
        guard importID > 0 else { return }
        try await database.writeTransaction(touching: [.airData]) { db in
            let sql = db as! any SQLDatabase
            let id = SQLBind(importID)
            for pollutant in ["so2", "no2", "pm10", "co", "o3", "pm25", "source"] {
                try await sql.raw(
                    """
                    UPDATE station_hours SET \(ident: pollutant) = (
                        SELECT u.\(ident: pollutant) FROM station_hour_undo u
                        WHERE u.import_id = \(id) AND u.station = station_hours.station AND u.hour = station_hours.hour)
                    WHERE EXISTS (
                        SELECT 1 FROM station_hour_undo u
                        WHERE u.import_id = \(id) AND u.station = station_hours.station AND u.hour = station_hours.hour)
                    """
                ).run()
            }
            try await sql.delete(from: "station_hours").where("source", .equal, SQLBind("import:\(importID)")).run()
            try await sql.raw(
                """
                DELETE FROM stations WHERE number IN (
                    SELECT station FROM station_hour_undo WHERE import_id = \(id) AND hour = -1)
                """
            ).run()
            try await sql.delete(from: "station_hour_changes").where("import_id", .equal, id).run()
            try await sql.delete(from: "station_hour_undo").where("import_id", .equal, id).run()
            try await sql.update("air_imports").set("state", to: SQLBind("rolledBack")).where("id", .equal, id).run()
        }
    }

    /// Imports still `running` an hour after they began were cut off (the process ended mid-way): undone, so
    /// that their partial data does not stand. No import runs for an hour (that would be half a billion
    /// station-hours).
    static func rollBackStale(on database: any Database, at now: Date) async throws {
        struct Row: Decodable { var id: Int }
        let stale = try await (database as! any SQLDatabase).select().column("id").from("air_imports")
            .where("state", .equal, SQLBind("running"))
            .where("imported_at", .lessThan, SQLBind(now.addingTimeInterval(-3600)))
            .all(decoding: Row.self)
        for row in stale { try await rollBack(importID: row.id, on: database) }
    }

    /// Imports a whole text held in memory (an upload, the bundled data).
    public func run(options: Options, at now: Date, bytes: [UInt8]) async throws -> Summary {
        let remaining = Mutex<[UInt8]?>(bytes)
        return try await run(options: options, at: now) {
            remaining.withLock { chunk in
                defer { chunk = nil }
                return chunk
            }
        }
    }
}
