import FluentKit

/// 双随机 draws: the inputs as published files and their SHA-256, fixed before the seed is known; the seed and the
/// result once drawn; the day by which the result must be public and the day it was.
struct M028CreateMarketDraws: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("market_draws")
            .id()
            .field("title", .string, .required)
            .field("object_kind", .string, .required)
            .field("size", .string, .required)
            .field("per_object", .int, .required)
            .field("stratify", .bool, .required)
            .field("objects_csv", .string, .required)
            .field("inspectors_csv", .string, .required)
            .field("inputs_hash", .string, .required)
            .field("seed_source", .string, .required)
            .field("seed", .string)
            .field("result_csv", .string)
            .field("drawn_on", .string)
            .field("publish_by", .string)
            .field("published_on", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("market_draws").delete()
    }
}
