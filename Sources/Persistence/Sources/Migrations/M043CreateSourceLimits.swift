import FluentKit

/// Emission limits by outlet and factor (mg/m³), with the reference O2 (%) where the standard corrects to one and
/// the standard (and edition) the value is from.
struct M043CreateSourceLimits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("source_limits")
            .field("mn", .string, .required)
            .field("factor", .string, .required)
            .field("limit_value", .double, .required)
            .field("o2_ref", .double)
            .field("standard", .string, .required)
            .unique(on: "mn", "factor")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("source_limits").delete()
    }
}
