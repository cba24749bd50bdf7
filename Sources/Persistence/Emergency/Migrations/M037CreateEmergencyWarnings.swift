import FluentKit

/// Warnings issued, and every change to one (issue, upgrade, downgrade, adjust, lift) with who and when. Start
/// and end are Beijing hours written `YYYY-MM-DDTHH:00`.
struct M037CreateEmergencyWarnings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("emergency_warnings")
            .field("id", .uuid, .identifier(auto: false))
            .field("level", .string, .required)
            .field("starts", .string, .required)
            .field("expected_end", .string, .required)
            .field("document", .string, .required)
            .field("rules", .string, .required)
            .field("reason", .string, .required)
            .field("lifted", .string)
            .field("issued_by", .string, .required)
            .field("issued_at", .datetime, .required)
            .create()
        try await database.schema("emergency_warning_changes")
            .field("id", .uuid, .identifier(auto: false))
            .field("warning_id", .uuid, .required, .references("emergency_warnings", "id"))
            .field("action", .string, .required)
            .field("level", .string, .required)
            .field("document", .string, .required)
            .field("note", .string, .required)
            .field("at_hour", .string, .required)
            .field("changed_by", .string, .required)
            .field("changed_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("emergency_warning_changes").delete()
        try await database.schema("emergency_warnings").delete()
    }
}
