import FluentKit

/// A sampling plan's quota per bureau (市局 and each county bureau), in batches.
struct M024CreateSamplingQuotas: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sampling_quotas")
            .field("plan_id", .uuid, .required, .references("sampling_plans", "id", onDelete: .cascade))
            .field("unit", .string, .required)
            .field("quota", .int, .required)
            .field("position", .int, .required)
            .unique(on: "plan_id", "unit")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sampling_quotas").delete()
    }
}
