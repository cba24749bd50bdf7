import Fluent
import SQLKit

/// Stations' hourly 1-hour concentrations, one row per station and hour (``HourStamp`` value: hours since
/// 1970-01-01 00:00 Beijing time, labelled by the end of the hour). The key (station, hour) is the table's only
/// index — on SQLite a `WITHOUT ROWID` table, so that millions of station-hours cost one B-tree, not two.
struct M010CreateStationHours: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let withoutRowID = sql.dialect.name == "sqlite" ? " WITHOUT ROWID" : ""
        try await sql.raw(
            """
            CREATE TABLE station_hours (
                station_code TEXT NOT NULL, hour BIGINT NOT NULL,
                so2 DOUBLE PRECISION, no2 DOUBLE PRECISION, pm10 DOUBLE PRECISION, co DOUBLE PRECISION,
                o3 DOUBLE PRECISION, pm25 DOUBLE PRECISION, source TEXT NOT NULL,
                PRIMARY KEY (station_code, hour))\(unsafeRaw: withoutRowID)
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("station_hours").delete()
    }
}
