import FluentKit

struct M006CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_log")
            .id()
            .field("at", .datetime, .required)
            .field("user_id", .uuid)
            .field("username", .string, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string)
            .field("before", .string)
            .field("after", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_log").delete()
    }
}
