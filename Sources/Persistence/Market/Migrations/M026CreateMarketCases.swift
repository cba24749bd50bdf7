import FluentKit

/// Cases (案件) on failed batches and black-station finds, with their current stage.
struct M026CreateMarketCases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("market_cases")
            .id()
            .field("kind", .string, .required)
            .field("check_id", .uuid, .references("spot_checks", "id"))
            .field("unit", .string, .required)
            .field("county", .string, .required)
            .field("title", .string, .required)
            .field("stage", .string, .required)
            .field("deadline", .string)
            .field("opened_on", .string, .required)
            .field("closed_on", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("market_cases").delete()
    }
}
