import FluentKit

/// Checks during a warning of whether an enterprise carries out its measure: how (on site, online monitoring,
/// electricity use), the finding (complied / violated), a note, and the evidence files (JSON: name, size, SHA-256,
/// storage key).
struct M039CreateEmergencyInspections: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("emergency_inspections")
            .field("id", .uuid, .identifier(auto: false))
            .field("warning_id", .uuid, .required, .references("emergency_warnings", "id"))
            .field("enterprise", .string, .required)
            .field("method", .string, .required)
            .field("result", .string, .required)
            .field("hour", .string, .required)
            .field("note", .string, .required)
            .field("files", .string, .required)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("emergency_inspections").delete()
    }
}
