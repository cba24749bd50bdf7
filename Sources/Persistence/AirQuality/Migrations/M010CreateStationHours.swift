import FluentKit
import LantianCore
import SQLKit

/// Stations' hourly 1-hour concentrations, one row per station and hour (``HourStamp`` value: hours since
/// 1970-01-01 00:00 Beijing time, labelled by the end of the hour). Stations get a small integer `number` for the
/// key: (station number, hour) is the table's only index — on SQLite a `WITHOUT ROWID` table — so that millions of
/// station-hours cost one B-tree of integer keys.
struct M010CreateStationHours: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("stations").field("number", .int64).update()
        let codes = try await sql.select().column("code").from("stations").orderBy("code")
            .all(decoding: MigrationCodeRow.self)
        for (index, row) in codes.enumerated() {
            try await sql.update("stations").set("number", to: SQLBind(index + 1))
                .where("code", .equal, SQLBind(row.code)).run()
        }
        try await sql.create(index: "stations_by_number").unique().on("stations").column("number").run()
        let withoutRowID = sql.dialect.name == "sqlite" ? " WITHOUT ROWID" : ""
        try await sql.raw(
            """
            CREATE TABLE station_hours (
                station BIGINT NOT NULL, hour BIGINT NOT NULL,
                so2 DOUBLE PRECISION, no2 DOUBLE PRECISION, pm10 DOUBLE PRECISION, co DOUBLE PRECISION,
                o3 DOUBLE PRECISION, pm25 DOUBLE PRECISION, source TEXT NOT NULL,
                PRIMARY KEY (station, hour))\(unsafeRaw: withoutRowID)
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("station_hours").delete()
        try await (database as! any SQLDatabase).drop(index: "stations_by_number").run()
        try await database.schema("stations").deleteField("number").update()
    }
}

private struct MigrationCodeRow: Decodable {
    var code: String
}
