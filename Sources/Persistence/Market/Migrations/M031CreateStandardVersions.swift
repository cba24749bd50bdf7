import FluentKit

/// The product-standards library as the office has edited it: every saved `lantian-standards/1` document is a new
/// version (the history), the highest version is in force; with none, the shipped file is.
struct M031CreateStandardVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("market_standard_versions")
            .field("version", .int, .identifier(auto: false))
            .field("document", .string, .required)
            .field("note", .string, .required)
            .field("saved_by", .string, .required)
            .field("saved_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("market_standard_versions").delete()
    }
}
