import FluentKit

struct M008CreateStations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("stations")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("county", .string, .required)
            .field("longitude", .double)
            .field("latitude", .double)
            .unique(on: "code")
            .create()
        try await database.schema("station_days")
            .id()
            .field("station_id", .uuid, .required, .references("stations", "id", onDelete: .cascade))
            .field("day", .string, .required)
            .field("pm25", .double)
            .field("pm10", .double)
            .field("so2", .double)
            .field("no2", .double)
            .field("co", .double)
            .field("o3_max_1h", .double)
            .field("o3_max_8h", .double)
            .field("source", .string, .required)
            .unique(on: "station_id", "day")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("station_days").delete()
        try await database.schema("stations").delete()
    }
}
