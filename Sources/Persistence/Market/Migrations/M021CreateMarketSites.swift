import FluentKit
import SQLKit

/// The market-supervision registry: filling stations, clean-coal points, VOCs makers and sellers, depots,
/// wholesalers and testing agencies, by their registry code.
struct M021CreateMarketSites: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("market_sites")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("county", .string, .required)
            .field("address", .string, .required)
            .field("road", .string)
            .field("licensed", .bool, .required)
            .field("operator_name", .string, .required)
            .field("risk_class", .string)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("market_sites").delete()
    }
}
