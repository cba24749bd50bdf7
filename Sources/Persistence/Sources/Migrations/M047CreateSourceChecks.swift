import FluentKit

/// Inspectors' on-site checks of an outlet's monitoring: when (the start, which also opens an inspection window
/// for the `inspection_drop` rule), the result (normal / equipment fault / data fraud confirmed), a note, the
/// operating agency and the persons responsible where fraud is confirmed (for the published list), evidence files
/// (JSON), and whether the case is published.
struct M047CreateSourceChecks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("source_checks")
            .field("id", .uuid, .identifier(auto: false))
            .field("mn", .string, .required)
            .field("checked_at", .int64, .required)
            .field("result", .string, .required)
            .field("note", .string, .required)
            .field("agency", .string, .required)
            .field("persons", .string, .required)
            .field("files", .string, .required)
            .field("published", .bool, .required)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("source_checks").delete()
    }
}
