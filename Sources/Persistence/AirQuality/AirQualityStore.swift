import AirQuality
import Campaign
import FluentKit
import Foundation
import LantianCore
import SQLKit

/// Stores the station registry and stations' daily statistics, and reads back the city's daily series.
public struct AirQualityStore: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    /// Adds stations and updates the ones already registered (matched by code); a new station gets the next
    /// station number (the key of its hourly rows).
    public func upsertStations(_ stations: [Station]) async throws {
        guard !stations.isEmpty else { return }
        try await database.writeTransaction(touching: [.airData]) { db in
            let sql = db as! any SQLDatabase
            var numbers = try await Self.stationNumbers(sql)
            for station in stations {
                let number = numbers[station.code] ?? Self.nextNumber(&numbers, for: station.code)
                try await sql.insert(into: "stations")
                    .columns("id", "code", "name", "kind", "county", "longitude", "latitude", "number")
                    .values(
                        SQLBind(UUID()), SQLBind(station.code), SQLBind(station.name), SQLBind(station.kind.rawValue),
                        SQLBind(station.county), SQLBind(station.longitude), SQLBind(station.latitude), SQLBind(number)
                    )
                    .onConflict(with: ["code"]) {
                        $0.set(excludedValueOf: "name").set(excludedValueOf: "kind").set(excludedValueOf: "county")
                            .set(excludedValueOf: "longitude").set(excludedValueOf: "latitude")
                    }
                    .run()
            }
        }
    }

    /// Every registered station's number, by code.
    static func stationNumbers(_ sql: any SQLDatabase) async throws -> [String: Int] {
        Dictionary(
            try await sql.select().columns("code", "number").from("stations").all(decoding: StationNumberRow.self)
                .map { ($0.code, $0.number ?? 0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Records and returns the next free station number for `code`.
    static func nextNumber(_ numbers: inout [String: Int], for code: String) -> Int {
        let next = (numbers.values.max() ?? 0) + 1
        numbers[code] = next
        return next
    }

    public func stations() async throws -> [Station] {
        try await sql.select().columns("code", "name", "kind", "county", "longitude", "latitude").from("stations")
            .orderBy("code").all(decoding: StationRow.self).map {
                Station(
                    code: $0.code, name: $0.name, kind: Station.Kind(rawValue: $0.kind) ?? .provincial,
                    county: $0.county, longitude: $0.longitude, latitude: $0.latitude)
            }
    }

    /// Stores station days, replacing a stored day of the same station (re-importing the same data changes
    /// nothing). Every station code must be registered; otherwise nothing is stored.
    public func upsertDays(_ days: [(station: String, statistics: DailyStatistics)], source: String) async throws {
        try await database.writeTransaction(touching: [.airData]) { db in
            let sql = db as! any SQLDatabase
            let ids = Dictionary(
                try await sql.select().columns("id", "code").from("stations").all(decoding: StationID.self)
                    .map { ($0.code, $0.id) }, uniquingKeysWith: { a, _ in a })
            let unknown = Set(days.map(\.station)).subtracting(ids.keys)
            if !unknown.isEmpty {
                throw UnknownStations(codes: unknown.sorted())
            }
            // 2,000 days (22,000 bound values) a statement: below SQLite's and PostgreSQL's limits on parameters.
            for chunk in stride(from: 0, to: days.count, by: 2_000).map({
                Array(days[$0..<min($0 + 2_000, days.count)])
            }) {
                var insert = sql.insert(into: "station_days")
                    .columns(
                        "id", "station_id", "day", "pm25", "pm10", "so2", "no2", "co", "o3_max_1h", "o3_max_8h",
                        "source")
                for (station, stats) in chunk {
                    insert = insert.values(
                        SQLBind(UUID()), SQLBind(ids[station]!), SQLBind(stats.date), SQLBind(stats.means[.pm25]),
                        SQLBind(stats.means[.pm10]), SQLBind(stats.means[.so2]), SQLBind(stats.means[.no2]),
                        SQLBind(stats.means[.co]), SQLBind(stats.o3Max1h), SQLBind(stats.o3Max8h), SQLBind(source))
                }
                try await insert.onConflict(with: ["station_id", "day"]) {
                    $0.set(excludedValueOf: "pm25").set(excludedValueOf: "pm10").set(excludedValueOf: "so2")
                        .set(excludedValueOf: "no2").set(excludedValueOf: "co").set(excludedValueOf: "o3_max_1h")
                        .set(excludedValueOf: "o3_max_8h").set(excludedValueOf: "source")
                }.run()
            }
        }
    }

    /// A declared sand-dust period (沙尘): its days leave the PM figures and stay in the day counts.
    public struct SandDustPeriod: Sendable, Codable {
        /// `YYYY-MM-DD`, inclusive.
        public var firstDay: String
        public var lastDay: String
        public var note: String
        public var declaredBy: String

        public init(firstDay: String, lastDay: String, note: String, declaredBy: String) {
            self.firstDay = firstDay
            self.lastDay = lastDay
            self.note = note
            self.declaredBy = declaredBy
        }
    }

    /// Records a sand-dust period, with its audit entry.
    public func declareSandDust(_ period: SandDustPeriod, actor: AuditLog.Actor, at now: Date) async throws {
        try await database.writeTransaction(touching: [.airData]) { db in
            try await (db as! any SQLDatabase).insert(into: "sand_dust_periods")
                .columns("id", "first_day", "last_day", "note", "declared_by", "declared_at")
                .values(
                    SQLBind(UUID()), SQLBind(period.firstDay), SQLBind(period.lastDay), SQLBind(period.note),
                    SQLBind(period.declaredBy), SQLBind(now)
                )
                .run()
            try await AuditLog.record(
                on: db, actor: actor, action: "sandDust.declare", entity: "sandDust",
                entityID: "\(period.firstDay)…\(period.lastDay)", before: Nothing?.none, after: period, at: now)
        }
    }

    /// Every declared sand-dust period, earliest first.
    public func sandDustPeriods() async throws -> [SandDustPeriod] {
        try await sql.select().columns("first_day", "last_day", "note", "declared_by").from("sand_dust_periods")
            .orderBy("first_day").all(decoding: SandDustPeriod.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public struct UnknownStations: Error, CustomStringConvertible {
        public var codes: [String]
        public var description: String { "unknown station code(s): " + codes.joined(separator: ", ") }
    }

    /// The city's daily statistics from `first` to `last` (`YYYY-MM-DD`, inclusive): per day, the mean over the
    /// assessment (national-control) stations with a value, clean-reference stations left out.
    public func cityDays(from first: String, to last: String) async throws -> [DailyStatistics] {
        let rows = try await stationDays(from: first, to: last, kind: .nationalControl)
        return Dictionary(grouping: rows, by: \.statistics.dayNumber).map { day, rows in
            DailyStatistics.city(rows.map(\.statistics), dayNumber: day)
        }.sorted { $0.dayNumber < $1.dayNumber }
    }

    /// Stored station days from `first` to `last` (inclusive), of one station or one kind of station, ordered by
    /// station and day.
    public func stationDays(
        from first: String, to last: String, station: String? = nil, kind: Station.Kind? = nil
    ) async throws -> [StationDay] {
        var query = sql.select()
            .columns(
                SQLColumn("code", table: "stations"), SQLColumn("day", table: "station_days"),
                SQLColumn("pm25", table: "station_days"), SQLColumn("pm10", table: "station_days"),
                SQLColumn("so2", table: "station_days"), SQLColumn("no2", table: "station_days"),
                SQLColumn("co", table: "station_days"), SQLColumn("o3_max_1h", table: "station_days"),
                SQLColumn("o3_max_8h", table: "station_days")
            )
            .from("station_days")
            .join(
                "stations", on: SQLColumn("station_id", table: "station_days"), .equal,
                SQLColumn("id", table: "stations")
            )
            .where(SQLColumn("day", table: "station_days"), .greaterThanOrEqual, SQLBind(first))
            .where(SQLColumn("day", table: "station_days"), .lessThanOrEqual, SQLBind(last))
        if let kind { query = query.where(SQLColumn("kind", table: "stations"), .equal, SQLBind(kind.rawValue)) }
        if let station { query = query.where(SQLColumn("code", table: "stations"), .equal, SQLBind(station)) }
        let rows = try await query.orderBy(SQLColumn("code", table: "stations"))
            .orderBy(SQLColumn("day", table: "station_days"))
            .all(decoding: DayRow.self)
        return rows.compactMap { row in
            guard let number = CivilDate(row.day)?.dayNumber else { return nil }
            var means: [Pollutant: Double] = [:]
            means[.pm25] = row.pm25
            means[.pm10] = row.pm10
            means[.so2] = row.so2
            means[.no2] = row.no2
            means[.co] = row.co
            return StationDay(
                station: row.code,
                statistics: DailyStatistics(
                    dayNumber: number, means: means, o3Max1h: row.o3Max1h, o3Max8h: row.o3Max8h))
        }
    }

    /// The recorded corrections of hourly values, newest first.
    public func corrections(limit: Int = 200) async throws -> [Correction] {
        try await sql.select()
            .columns(
                "station_code", "hour", "pollutant", "old_value", "new_value", "source", "changed_by", "changed_at"
            )
            .from("station_hour_changes").orderBy("changed_at", .descending).orderBy("hour").limit(limit)
            .all(decoding: Correction.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// A corrected hourly value: what it was, what it became, from which import, by whom.
    public struct Correction: Sendable, Codable {
        public var stationCode: String
        public var hour: Int
        public var pollutant: String
        public var oldValue: Double?
        public var newValue: Double?
        public var source: String
        public var changedBy: String
        public var changedAt: Date
    }
}

private struct StationRow: Decodable {
    var code: String
    var name: String
    var kind: String
    var county: String
    var longitude: Double?
    var latitude: Double?
}

private struct StationNumberRow: Decodable {
    var code: String
    var number: Int?
}

private struct StationID: Decodable {
    var id: UUID
    var code: String
}

private struct DayRow: Decodable {
    var code: String
    var day: String
    var pm25: Double?
    var pm10: Double?
    var so2: Double?
    var no2: Double?
    var co: Double?
    var o3Max1h: Double?
    var o3Max8h: Double?

    // Foundation's snake-case conversion would look for `o3Max8H`.
    enum CodingKeys: String, CodingKey {
        case code, day, pm25, pm10, so2, no2, co
        case o3Max1h = "o3_max_1h"
        case o3Max8h = "o3_max_8h"
    }
}
