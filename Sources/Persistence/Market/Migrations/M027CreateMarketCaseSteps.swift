import FluentKit

/// Each step of a case (立案, 责令整改 with its deadline, 行政处罚, 结案) with its note and documents' names.
struct M027CreateMarketCaseSteps: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("market_case_steps")
            .id()
            .field("case_id", .uuid, .required, .references("market_cases", "id", onDelete: .cascade))
            .field("stage", .string, .required)
            .field("day", .string, .required)
            .field("deadline", .string)
            .field("note", .string, .required)
            .field("by_username", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("market_case_steps").delete()
    }
}
