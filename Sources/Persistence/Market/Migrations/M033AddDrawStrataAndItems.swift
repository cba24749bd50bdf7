import FluentKit
import SQLKit

/// A draw's strata by name (`county`, `class` for risk class, empty for none — `stratify` kept only the county
/// case) and its inspection items (检查事项清单), one per line, published with the draw.
struct M033AddDrawStrataAndItems: AsyncMigration {
    // One column a statement: SQLite's ALTER TABLE adds one at a time.
    func prepare(on database: any Database) async throws {
        try await database.schema("market_draws").field("strata", .string, .required, .sql(.default(""))).update()
        try await database.schema("market_draws").field("items", .string, .required, .sql(.default(""))).update()
        try await (database as! any SQLDatabase).raw("UPDATE market_draws SET strata = 'county' WHERE stratify").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("market_draws").deleteField("items").update()
        try await database.schema("market_draws").deleteField("strata").update()
    }
}
