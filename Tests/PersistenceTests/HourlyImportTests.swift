import AirQuality
import FluentKit
import Foundation
import LantianCore
import LantianTestSupport
import Persistence
import SQLKit
import Synchronization
import Testing

/// 24 CNEMC rows of 2022-04-10 for one station: PM2.5 equal to the hour's end (1 … 24), so the day's mean is
/// 12.5 µg/m³; `pm25At` overrides single hours.
private func cnemcDay(station: String = "2160A", pm25At: [Int: Int] = [:]) -> String {
    var text =
        "timepoint,stationcode,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h\n"
    for hour in 1...24 {
        let stamp = hour == 24 ? "2022-04-11T00:00:00" : "2022-04-10T\(hour < 10 ? "0" : "")\(hour):00:00"
        text += "\(stamp),\(station),,40,40,\(pm25At[hour] ?? hour),20,60,60,60,60,20,20,5,5,0.5,0.5\n"
    }
    return text
}

private func count(_ db: any Database, _ table: String) async throws -> Int {
    try await (db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)")
        .first(decoding: CountRow.self)?.n ?? -1
}

private struct CountRow: Decodable { var n: Int }

/// `text` handed over in chunks of `size` bytes, as a file is read.
private func chunks(_ text: String, size: Int) -> @Sendable () throws -> [UInt8]? {
    let remaining = Mutex(ArraySlice(Array(text.utf8)))
    return {
        remaining.withLock { rest in
            guard !rest.isEmpty else { return nil }
            let chunk = Array(rest.prefix(size))
            rest = rest.dropFirst(size)
            return chunk
        }
    }
}

private struct ChangeRow: Decodable {
    var stationCode: String
    var hour: Int
    var pollutant: String
    var oldValue: Double?
    var newValue: Double?
}

/// The station-hour importer against a real database (SQLite, or PostgreSQL with `DATABASE_URL`), without the
/// web app.
@Suite(.serialized) struct HourlyImportTests {
    /// 2022-04-12 10:00 Beijing time.
    private static let now = ISO8601DateFormatter().date(from: "2022-04-12T10:00:00+08:00")!

    /// A fresh database with station 2160A (a national-control station, so that it counts in the city series).
    private func withStation(_ body: (any Database) async throws -> Void) async throws {
        try await withTestDatabase { db in
            try await AirQualityStore(database: db).upsertStations([
                Station(
                    code: "2160A", name: "市监测站", kind: .nationalControl, county: "", longitude: nil, latitude: nil)
            ])
            try await body(db)
        }
    }

    /// The upload's file name goes into the database only as a bound value: a name built to end the SQL string
    /// is stored as it is, and each station-hour row names its import by number.
    @Test func hourlyImportKeepsTheFileNameOutOfSQLText() async throws {
        try await withStation { db in
            let name = "x'); DROP TABLE station_hours; -- 监测'数据.csv"
            let summary = try await HourlyImport(database: db).run(
                options: .init(source: name, actor: .system), at: Self.now, bytes: Array(cnemcDay().utf8))
            #expect(summary.inserted == 24)
            struct Import: Decodable {
                var id: Int
                var source: String
            }
            struct Hour: Decodable { var source: String }
            let sql = db as! any SQLDatabase
            let imports = try await sql.select().columns("id", "source").from("air_imports").orderBy("id")
                .all(decoding: Import.self)
            let last = try #require(imports.last)
            #expect(last.source == name)
            let sources = try await sql.select().distinct().column("source").from("station_hours")
                .where("hour", .greaterThan, SQLBind(HourStamp(timepoint: "2022-04-09T23:00:00")?.value ?? 0))
                .all(decoding: Hour.self)
            #expect(sources.map(\.source) == ["import:\(last.id)"])
        }
    }

    /// Re-importing the same file changes nothing; a corrected value replaces the stored one, the old value is
    /// kept, and the day is recomputed: (300 − 5 + 29) / 24 = 13.5 µg/m³.
    @Test func hourlyImportRecordsCorrections() async throws {
        try await withStation { db in
            let importer = HourlyImport(database: db)
            let options = HourlyImport.Options(source: "day.csv", actor: .system)
            let first = try await importer.run(options: options, at: Self.now, bytes: Array(cnemcDay().utf8))
            #expect(first.inserted == 24 && first.updated == 0 && first.stationDays == 1)
            let store = AirQualityStore(database: db)
            #expect(try await store.cityDays(from: "2022-04-10", to: "2022-04-10").first?.means[.pm25] == 12.5)

            let again = try await importer.run(options: options, at: Self.now, bytes: Array(cnemcDay().utf8))
            #expect(again.inserted == 0 && again.updated == 0 && again.unchanged == 24)
            #expect(try await count(db, "station_hour_changes") == 0)

            let corrected = try await importer.run(
                options: options, at: Self.now, bytes: Array(cnemcDay(pm25At: [5: 29]).utf8))
            #expect(corrected.updated == 1 && corrected.correctedValues == 1 && corrected.unchanged == 23)
            let changes = try await (db as! any SQLDatabase).select()
                .columns("station_code", "hour", "pollutant", "old_value", "new_value").from("station_hour_changes")
                .all(decoding: ChangeRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            #expect(changes.count == 1)
            #expect(changes.first?.pollutant == "pm25" && changes.first?.oldValue == 5 && changes.first?.newValue == 29)
            #expect(changes.first.map { HourStamp(value: $0.hour).timepoint } == "2022-04-10T05:00:00")
            #expect(try await store.cityDays(from: "2022-04-10", to: "2022-04-10").first?.means[.pm25] == 13.5)

            // A file of that one hour alone: the day is recomputed from the stored hours, (324 − 29 + 53) / 24.
            let oneHour = cnemcDay(pm25At: [5: 53]).split(separator: "\n").enumerated()
                .filter { $0.offset == 0 || $0.offset == 5 }.map(\.element).joined(separator: "\n")
            let single = try await importer.run(options: options, at: Self.now, bytes: Array(oneHour.utf8))
            #expect(single.updated == 1 && single.stationDays == 1)
            #expect(try await store.cityDays(from: "2022-04-10", to: "2022-04-10").first?.means[.pm25] == 14.5)
            let audit = try await (db as! any SQLDatabase).raw(
                "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'airData.import' AND entity_id = 'day.csv'"
            ).first(decoding: CountRow.self)?.n
            #expect(audit == 4)
        }
    }

    /// An unknown station anywhere in the file stores nothing at all; registering it on import stores all.
    @Test func hourlyImportIsAllOrNothing() async throws {
        try await withStation { db in
            let importer = HourlyImport(database: db)
            let hoursBefore = try await count(db, "station_hours")
            let text =
                cnemcDay() + cnemcDay(station: "9999Z").split(separator: "\n").dropFirst().joined(separator: "\n")
            await #expect(throws: HourlyImport.Failure.self) {
                _ = try await importer.run(
                    options: .init(source: "mixed.csv", actor: .system, batchSize: 10), at: Self.now,
                    bytes: Array(text.utf8))
            }
            #expect(try await count(db, "station_hours") == hoursBefore)
            await #expect(throws: HourlyImport.Failure.self) {
                _ = try await importer.run(
                    options: .init(source: "bad.csv", actor: .system), at: Self.now,
                    bytes: Array("date,hour,kind\n".utf8))
            }
            let summary = try await importer.run(
                options: .init(registerUnknownAs: .township, source: "mixed.csv", actor: .system, batchSize: 10),
                at: Self.now, bytes: Array(text.utf8))
            #expect(summary.inserted == 48 && summary.registeredStations == ["9999Z"])
            #expect(try await count(db, "station_hours") == hoursBefore + 48)
            let township = try await AirQualityStore(database: db).stations().first { $0.code == "9999Z" }
            #expect(township?.kind == .township)
        }
    }

    /// A long import stores batch by batch in short transactions (so that a report save does not wait behind
    /// it): 48 station-hours in batches of 10 take at least five transactions besides the first and the last.
    /// (The ozone layout is given: rows whose ozone columns agree are otherwise held until the layout is told.)
    @Test func aLongImportCommitsInShortTransactions() async throws {
        try await withStation { db in
            let before = try await CacheVersions.read(on: db)[.airData]
            let text =
                cnemcDay() + cnemcDay(station: "9999Z").split(separator: "\n").dropFirst().joined(separator: "\n")
            let summary = try await HourlyImport(database: db).run(
                options: .init(
                    format: .cnemc(.standard), registerUnknownAs: .township, source: "two.csv", actor: .system,
                    batchSize: 10),
                at: Self.now, next: chunks(text, size: 300))
            #expect(summary.inserted == 48)
            #expect(try await CacheVersions.read(on: db)[.airData] - before >= 7)
            #expect(try await count(db, "station_hour_undo") == 0)
        }
    }

    /// An import that fails after some of its batches were stored is undone whole: the hour it corrected has
    /// its old value again, the hours and the station it added are gone, its correction record is gone, the
    /// day is as it was (12.5 µg/m³), and the import is marked rolled back.
    @Test func aFailedImportIsUndoneWhole() async throws {
        try await withStation { db in
            let importer = HourlyImport(database: db)
            _ = try await importer.run(
                options: .init(source: "day.csv", actor: .system), at: Self.now, bytes: Array(cnemcDay().utf8))
            // Hour 5 corrected to 29, a new station's 24 hours, then a line of 2 MB: fatal, after three batches.
            let text =
                cnemcDay(pm25At: [5: 29])
                + cnemcDay(station: "9999Z").split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
                + String(repeating: "x", count: 2 << 20) + "\n"
            await #expect(throws: HourlyImport.Failure.self) {
                _ = try await importer.run(
                    options: .init(
                        format: .cnemc(.standard), registerUnknownAs: .township, source: "bad.csv", actor: .system,
                        batchSize: 10),
                    at: Self.now, next: chunks(text, size: 300))
            }
            #expect(try await count(db, "station_hours") == 24)
            #expect(try await count(db, "station_hour_changes") == 0)
            #expect(try await count(db, "station_hour_undo") == 0)
            #expect(try await AirQualityStore(database: db).stations().map(\.code) == ["2160A"])
            struct Value: Decodable { var pm25: Double? }
            let hour5 = try await (db as! any SQLDatabase).select().column("pm25").from("station_hours")
                .where("hour", .equal, SQLBind(HourStamp(timepoint: "2022-04-10T05:00:00")!.value))
                .first(decoding: Value.self)
            #expect(hour5?.pm25 == 5)
            let day = try await AirQualityStore(database: db).cityDays(from: "2022-04-10", to: "2022-04-10")
            #expect(day.first?.means[.pm25] == 12.5)
            struct State: Decodable { var state: String }
            let states = try await (db as! any SQLDatabase).select().column("state").from("air_imports")
                .orderBy("id").all(decoding: State.self).map(\.state)
            #expect(states == ["done", "rolledBack"])
        }
    }

    /// Several files are stored all or none: when the second cannot be read, the first — which corrected an
    /// hour and computed its day — is undone too.
    @Test func filesImportedTogetherAreUndoneTogether() async throws {
        try await withStation { db in
            let importer = HourlyImport(database: db)
            _ = try await importer.run(
                options: .init(source: "day.csv", actor: .system), at: Self.now, bytes: Array(cnemcDay().utf8))
            await #expect(throws: HourlyImport.Failure.self) {
                _ = try await importer.runAll(
                    [
                        (.init(source: "fix.csv", actor: .system), chunks(cnemcDay(pm25At: [5: 29]), size: 400)),
                        (.init(source: "bad.csv", actor: .system), chunks("date,hour,kind\n", size: 400)),
                    ], at: Self.now)
            }
            #expect(try await count(db, "station_hour_changes") == 0)
            #expect(try await count(db, "station_hour_undo") == 0)
            let day = try await AirQualityStore(database: db).cityDays(from: "2022-04-10", to: "2022-04-10")
            #expect(day.first?.means[.pm25] == 12.5)
            let both = try await importer.runAll(
                [
                    (.init(source: "fix.csv", actor: .system), chunks(cnemcDay(pm25At: [5: 29]), size: 400)),
                    (.init(source: "more.csv", actor: .system), chunks(cnemcDay(pm25At: [6: 30]), size: 400)),
                ], at: Self.now)
            // The second file is a whole day again, with hour 5 as first stored and hour 6 corrected: it puts hour 5
            // back (a correction too) — (300 − 6 + 30) / 24 = 13.5 µg/m³.
            #expect(both.map(\.correctedValues) == [1, 2])
            let after = try await AirQualityStore(database: db).cityDays(from: "2022-04-10", to: "2022-04-10")
            #expect(after.first?.means[.pm25] == 13.5)
        }
    }

    /// An import cut off mid-way (the process ended) is undone by the next import once it is an hour old.
    @Test func anImportCutOffIsUndoneLater() async throws {
        try await withStation { db in
            let sql = db as! any SQLDatabase
            struct ID: Decodable { var id: Int }
            let cut = try await sql.insert(into: "air_imports").columns("source", "imported_by", "imported_at", "state")
                .values(
                    SQLBind("cut.csv"), SQLBind("cli"), SQLBind(Self.now.addingTimeInterval(-7200)), SQLBind("running")
                )
                .returning("id").first(decoding: ID.self)
            let id = try #require(cut?.id)
            try await sql.raw(
                "INSERT INTO station_hours (station, hour, pm25, source) VALUES (1, 100, 7, \(bind: "import:\(id)"))"
            ).run()
            _ = try await HourlyImport(database: db).run(
                options: .init(source: "day.csv", actor: .system), at: Self.now, bytes: Array(cnemcDay().utf8))
            #expect(try await count(db, "station_hours") == 24)
        }
    }

}
