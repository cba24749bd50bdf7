import FluentKit

/// Failed sign-ins, for throttling per account and per address across every instance.
struct M013CreateLoginFailures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("login_failures")
            .id()
            .field("username", .string, .required)
            .field("address", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("login_failures").delete()
    }
}
