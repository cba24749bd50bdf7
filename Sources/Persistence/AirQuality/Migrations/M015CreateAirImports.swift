import FluentKit
import SQLKit

/// One row per station-data import — file name, who, when — so that each station-hour row names its import by
/// number (`import:<id>`) and no text from an upload is ever written into SQL text.
struct M015CreateAirImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let sqlite = sql.dialect.name == "sqlite"
        try await sql.raw(
            """
            CREATE TABLE air_imports (
                id \(unsafeRaw: sqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY"),
                source TEXT NOT NULL, imported_by TEXT NOT NULL,
                imported_at \(unsafeRaw: sqlite ? "REAL" : "TIMESTAMPTZ") NOT NULL)
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("air_imports").delete()
    }
}
