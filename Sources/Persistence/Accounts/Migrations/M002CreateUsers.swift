import FluentKit

struct M002CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("active", .bool, .required)
            .field("must_change_password", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
        try await database.schema("user_tokens")
            .id()
            .field("digest", .string, .required)
            .field("name", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("created_at", .datetime)
            .field("expires_at", .datetime)
            .unique(on: "digest")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_tokens").delete()
        try await database.schema("users").delete()
    }
}
