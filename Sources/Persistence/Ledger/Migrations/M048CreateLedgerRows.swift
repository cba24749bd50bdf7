import FluentKit

/// Ledger rows, one per ledger and key (the type's key fields joined): the owning county or unit, the status and
/// the day it last changed, the values as a JSON object, a version counted up by every change; and every change
/// with the values before and after, who, when and from what (a file's name, or the browser).
struct M048CreateLedgerRows: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("ledger_rows")
            .field("id", .uuid, .identifier(auto: false))
            .field("ledger", .string, .required)
            .field("row_key", .string, .required)
            .field("owner", .string, .required)
            .field("status", .string, .required)
            .field("status_changed", .string)
            .field("row_values", .string, .required)
            .field("version", .int, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "ledger", "row_key")
            .create()
        try await database.schema("ledger_row_changes")
            .field("row_id", .uuid, .required, .references("ledger_rows", "id"))
            .field("version", .int, .required)
            .field("before", .string)
            .field("after", .string, .required)
            .field("source", .string, .required)
            .field("changed_by", .string, .required)
            .field("changed_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("ledger_row_changes").delete()
        try await database.schema("ledger_rows").delete()
    }
}
