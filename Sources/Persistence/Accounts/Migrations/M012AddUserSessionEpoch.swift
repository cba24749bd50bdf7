import FluentKit
import FluentSQL

/// A counter on each account that every session carries: raising it (password change, reset, deactivation)
/// ends all of the account's sessions on every instance at once.
struct M012AddUserSessionEpoch: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .field("session_epoch", .int, .required, .sql(.default(0)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("session_epoch").update()
    }
}
