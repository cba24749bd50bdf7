import FluentKit
import SQLKit

/// Delivery records between registered (or outside) nodes of the fuel supply chain, for 追根溯源.
struct M022CreateMarketDeliveries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("market_deliveries")
            .id()
            .field("from_code", .string, .required)
            .field("to_code", .string, .required)
            .field("day", .string, .required)
            .field("product", .string, .required)
            .field("volume", .string)
            .field("document", .string, .required)
            .unique(on: "from_code", "to_code", "day", "product", "document")
            .create()
        try await (database as! any SQLDatabase).create(index: "market_deliveries_by_product").on("market_deliveries")
            .column("product").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("market_deliveries").delete()
    }
}
