import FluentKit

/// Control orders sent during a warning: one per enterprise and level, its text frozen as sent, the digest of its
/// one-time acknowledgement token (the token itself is never stored), delivery marked by the office and the
/// enterprise's acknowledgement.
struct M038CreateEmergencyOrders: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("emergency_orders")
            .field("id", .uuid, .identifier(auto: false))
            .field("warning_id", .uuid, .required, .references("emergency_warnings", "id"))
            .field("enterprise", .string, .required)
            .field("enterprise_name", .string, .required)
            .field("county", .string, .required)
            .field("level", .string, .required)
            .field("paragraphs", .string, .required)
            .field("token_digest", .string, .required)
            .field("issued_by", .string, .required)
            .field("issued_at", .datetime, .required)
            .field("delivered_by", .string)
            .field("delivered_at", .datetime)
            .field("acknowledged_by", .string)
            .field("acknowledged_at", .datetime)
            .unique(on: "token_digest")
            .unique(on: "warning_id", "enterprise", "level")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("emergency_orders").delete()
    }
}
