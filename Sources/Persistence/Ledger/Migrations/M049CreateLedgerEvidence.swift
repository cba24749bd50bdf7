import FluentKit
import SQLKit

/// Evidence files of a bulk status change (验收单, photos), one batch per change, and each row change's batch; an
/// index to read a row's history; each row's stamp — the `ledgers` cache version of its last write — so that a
/// process holding a ledger's rows reads only those written since.
struct M049CreateLedgerEvidence: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("ledger_evidence")
            .field("id", .uuid, .identifier(auto: false))
            .field("ledger", .string, .required)
            .field("batch_id", .uuid, .required)
            .field("file_name", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("storage_key", .string, .required)
            .field("uploaded_by", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .create()
        try await database.schema("ledger_row_changes").field("batch_id", .uuid).update()
        try await database.schema("ledger_rows").field("stamp", .int).update()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "ledger_row_changes_row").on("ledger_row_changes").column("row_id").run()
        try await sql.create(index: "ledger_evidence_batch").on("ledger_evidence").column("batch_id").run()
        try await sql.create(index: "ledger_rows_stamp").on("ledger_rows").column("ledger").column("stamp").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("ledger_evidence").delete()
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "ledger_row_changes_row").run()
        try await sql.drop(index: "ledger_rows_stamp").run()
        try await database.schema("ledger_rows").deleteField("stamp").update()
        try await database.schema("ledger_row_changes").deleteField("batch_id").update()
    }
}
