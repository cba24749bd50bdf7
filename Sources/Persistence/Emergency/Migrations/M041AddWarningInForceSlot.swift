import FluentKit
import SQLKit

/// At most one warning in force, enforced by the database: `in_force` is `city` while a warning is in force and
/// NULL once lifted, under a unique index (NULLs never collide), so two offices issuing at the same instant on
/// PostgreSQL cannot both succeed.
struct M041AddWarningInForceSlot: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("emergency_warnings").field("in_force", .string).update()
        let sql = database as! any SQLDatabase
        try await sql.raw("UPDATE emergency_warnings SET in_force = 'city' WHERE lifted IS NULL").run()
        try await sql.raw("CREATE UNIQUE INDEX emergency_warnings_one_in_force ON emergency_warnings (in_force)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP INDEX emergency_warnings_one_in_force").run()
        try await database.schema("emergency_warnings").deleteField("in_force").update()
    }
}
