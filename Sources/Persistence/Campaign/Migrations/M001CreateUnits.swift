import FluentKit

struct M001CreateUnits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("units")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("parent_id", .uuid, .references("units", "id"))
            .field("aliases", .string, .required)
            .unique(on: "code")
            .unique(on: "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("units").delete()
    }
}
