import FluentKit
import SQLKit

/// Online-monitoring hours: one row per device, factor and month, its hours packed (`HourBlock`: 11 bytes an
/// hour). A year of 500 outlets × 8 factors is 48,000 rows; the key is the table's only index (on SQLite a
/// `WITHOUT ROWID` table).
struct M045CreateSourceBlocks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let sqlite = sql.dialect.name == "sqlite"
        try await sql.raw(
            """
            CREATE TABLE source_blocks (
                mn TEXT NOT NULL, factor TEXT NOT NULL, month INTEGER NOT NULL,
                hours \(unsafeRaw: sqlite ? "BLOB" : "BYTEA") NOT NULL,
                PRIMARY KEY (mn, factor, month))\(unsafeRaw: sqlite ? " WITHOUT ROWID" : "")
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("source_blocks").delete()
    }
}
