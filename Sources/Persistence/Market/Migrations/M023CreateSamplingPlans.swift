import FluentKit

/// Sampling plans (抽检计划): one per product family and year.
struct M023CreateSamplingPlans: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sampling_plans")
            .id()
            .field("family", .string, .required)
            .field("year", .int, .required)
            .field("title", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "family", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sampling_plans").delete()
    }
}
