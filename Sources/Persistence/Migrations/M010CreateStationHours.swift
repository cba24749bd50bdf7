import Fluent
import SQLKit

/// Stations' hourly 1-hour concentrations, one row per station and hour (``HourStamp`` value: hours since
/// 1970-01-01 00:00 Beijing time, labelled by the end of the hour).
struct M010CreateStationHours: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("station_hours")
            .field("station_code", .string, .required)
            .field("hour", .int64, .required)
            .field("so2", .double)
            .field("no2", .double)
            .field("pm10", .double)
            .field("co", .double)
            .field("o3", .double)
            .field("pm25", .double)
            .field("source", .string, .required)
            .unique(on: "station_code", "hour")
            .create()
        try await (database as! any SQLDatabase).create(index: "station_hours_by_hour").on("station_hours")
            .column("hour").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("station_hours").delete()
    }
}
