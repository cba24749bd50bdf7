import FluentKit

/// In-app notices to units: one row per unit and subject (`key`), so a reminder or an event noticed twice — by two
/// instances, or by a sweep run again — is one notice. Read by someone of the unit; sent (e-mail/SMS) once.
struct M052CreateNotices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("notices")
            .id()
            .field("unit", .string, .required)
            .field("kind", .string, .required)
            .field("key", .string, .required)
            .field("subject", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .field("read_by", .string)
            .field("sent_at", .datetime)
            .unique(on: "unit", "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("notices").delete()
    }
}
