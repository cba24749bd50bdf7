import FluentKit

/// One version number per cache topic (``CacheTopic``), replacing the one write counter of `write_gate` as what
/// caches compare: a write bumps only the topics it touches.
struct M016CreateCacheVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cache_versions")
            .field("topic", .string, .identifier(auto: false))
            .field("version", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cache_versions").delete()
    }
}
