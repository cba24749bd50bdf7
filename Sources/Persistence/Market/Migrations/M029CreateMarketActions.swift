import FluentKit

/// Special actions (专项行动) such as the 30-day action against black filling stations.
struct M029CreateMarketActions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("market_actions")
            .id()
            .field("title", .string, .required)
            .field("start", .string, .required)
            .field("end", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("market_actions").delete()
    }
}
