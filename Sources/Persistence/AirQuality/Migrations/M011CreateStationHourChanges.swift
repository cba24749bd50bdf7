import FluentKit

/// The record of corrected hourly values: a re-import that changes a stored value leaves its old value here.
struct M011CreateStationHourChanges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("station_hour_changes")
            .id()
            .field("station_code", .string, .required)
            .field("hour", .int64, .required)
            .field("pollutant", .string, .required)
            .field("old_value", .double)
            .field("new_value", .double)
            .field("source", .string, .required)
            .field("changed_by", .string, .required)
            .field("changed_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("station_hour_changes").delete()
    }
}
