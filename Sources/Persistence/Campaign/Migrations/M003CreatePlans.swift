import FluentKit

struct M003CreatePlans: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plans")
            .id()
            .field("code", .string, .required)
            .field("title", .string, .required)
            .field("period_start", .string, .required)
            .field("period_end", .string, .required)
            .field("definition", .string, .required)
            .field("active", .bool, .required)
            .field("imported_at", .datetime)
            .field("imported_by", .string)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plans").delete()
    }
}
