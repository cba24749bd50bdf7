import FluentKit

/// The office's emergency settings, one row a key: the warning-rule edition in force (`rules`) and the
/// jurisdiction's inventory totals (`inventory`, JSON), each with who saved it and when.
struct M035CreateEmergencySettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("emergency_settings")
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .field("saved_by", .string, .required)
            .field("saved_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("emergency_settings").delete()
    }
}
