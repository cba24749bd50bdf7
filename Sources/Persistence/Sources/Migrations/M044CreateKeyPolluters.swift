import FluentKit

/// The key-polluter list (重点排污单位名录): enterprises of the registry marked, by whom and when.
struct M044CreateKeyPolluters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("source_key_polluters")
            .field("enterprise", .string, .identifier(auto: false))
            .field("listed_by", .string, .required)
            .field("listed_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("source_key_polluters").delete()
    }
}
