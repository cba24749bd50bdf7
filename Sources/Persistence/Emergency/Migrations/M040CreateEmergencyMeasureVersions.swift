import FluentKit

/// The emergency measures as the office has edited them: every saved `lantian-measures/1` document is a new
/// version (the history), the highest is in force; with none, the shipped file is.
struct M040CreateEmergencyMeasureVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("emergency_measure_versions")
            .field("version", .int, .identifier(auto: false))
            .field("document", .string, .required)
            .field("note", .string, .required)
            .field("saved_by", .string, .required)
            .field("saved_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("emergency_measure_versions").delete()
    }
}
