import FluentKit

/// Monthly per-county measurements: one value per measurement, county and month (`YYYY-MM`), who last set it and
/// when; every change is in the audit log with the values before and after.
struct M050CreateMeasurements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("measurements")
            .field("code", .string, .required)
            .field("county", .string, .required)
            .field("month", .string, .required)
            .field("value", .double, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "code", "county", "month")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("measurements").delete()
    }
}
