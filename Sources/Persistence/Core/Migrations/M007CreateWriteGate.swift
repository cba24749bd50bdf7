import FluentKit
import SQLKit

/// A one-row table that SQLite write transactions touch first, so that they take the write lock before they
/// read anything (see `Database.writeTransaction`).
struct M007CreateWriteGate: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("write_gate")
            .field("id", .int, .identifier(auto: false))
            .field("writes", .int, .required)
            .create()
        try await (database as! any SQLDatabase).raw("INSERT INTO write_gate (id, writes) VALUES (1, 0)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("write_gate").delete()
    }
}
