import FluentKit
import SQLKit

/// What lets a station-data import run in short transactions and still leave nothing behind when it fails:
/// each import's state in `air_imports` (`running` until its last transaction commits, then `done`, or
/// `rolledBack`), the stored hours it overwrote in `station_hour_undo` (kept until it is done), and the import a
/// recorded correction belongs to.
struct M017CreateStationHourUndo: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE air_imports ADD COLUMN state TEXT NOT NULL DEFAULT 'done'").run()
        try await sql.raw("ALTER TABLE station_hour_changes ADD COLUMN import_id BIGINT").run()
        let withoutRowID = sql.dialect.name == "sqlite" ? " WITHOUT ROWID" : ""
        try await sql.raw(
            """
            CREATE TABLE station_hour_undo (
                import_id BIGINT NOT NULL, station BIGINT NOT NULL, hour BIGINT NOT NULL, existed BOOLEAN NOT NULL,
                so2 DOUBLE PRECISION, no2 DOUBLE PRECISION, pm10 DOUBLE PRECISION, co DOUBLE PRECISION,
                o3 DOUBLE PRECISION, pm25 DOUBLE PRECISION, source TEXT,
                PRIMARY KEY (import_id, station, hour))\(unsafeRaw: withoutRowID)
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("station_hour_undo").delete()
        try await database.schema("station_hour_changes").deleteField("import_id").update()
        try await database.schema("air_imports").deleteField("state").update()
    }
}
