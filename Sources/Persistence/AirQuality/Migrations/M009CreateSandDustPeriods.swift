import FluentKit

struct M009CreateSandDustPeriods: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sand_dust_periods")
            .id()
            .field("first_day", .string, .required)
            .field("last_day", .string, .required)
            .field("note", .string, .required)
            .field("declared_by", .string, .required)
            .field("declared_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sand_dust_periods").delete()
    }
}
