import FluentKit

/// What a case found in an action records besides its stage: the action, the place, the day found, the fuel
/// seized (litres, as written), the handling and whether it went to the police.
struct M030AddCaseFindFields: AsyncMigration {
    // One column a statement: SQLite's ALTER TABLE adds one at a time.
    func prepare(on database: any Database) async throws {
        let cases = { database.schema("market_cases") }
        try await cases().field("action_id", .uuid, .references("market_actions", "id")).update()
        try await cases().field("place", .string, .required, .sql(.default(""))).update()
        try await cases().field("volume", .string).update()
        try await cases().field("handling", .string, .required, .sql(.default(""))).update()
        try await cases().field("police", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        for field in ["police", "handling", "volume", "place", "action_id"] {
            try await database.schema("market_cases").deleteField(.key(.string(field))).update()
        }
    }
}
