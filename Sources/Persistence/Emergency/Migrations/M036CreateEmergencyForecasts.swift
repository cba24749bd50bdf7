import FluentKit

/// Forecasts as the monitoring centre entered or imported them: each upload one row, its series (city and
/// counties) as JSON.
struct M036CreateEmergencyForecasts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("emergency_forecasts")
            .field("id", .uuid, .identifier(auto: false))
            .field("file", .string, .required)
            .field("series", .string, .required)
            .field("entered_by", .string, .required)
            .field("entered_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("emergency_forecasts").delete()
    }
}
