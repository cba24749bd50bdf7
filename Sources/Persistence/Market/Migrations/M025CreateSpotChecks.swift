import FluentKit
import SQLKit

/// Spot-check records (抽检批次): what was sampled where, by which bureau, the lab's results as written (JSON of
/// item → value text), and the verdict computed when the results were entered.
struct M025CreateSpotChecks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("spot_checks")
            .id()
            .field("unit", .string, .required)
            .field("product", .string, .required)
            .field("family", .string, .required)
            .field("brand", .string, .required)
            .field("specification", .string, .required)
            .field("batch", .string, .required)
            .field("produced_on", .string)
            .field("manufacturer", .string, .required)
            .field("site_code", .string)
            .field("site_name", .string, .required)
            .field("address", .string, .required)
            .field("county", .string, .required)
            .field("sampled_on", .string, .required)
            .field("testing_body", .string, .required)
            .field("standard", .string)
            .field("results", .string, .required)
            .field("verdict", .string)
            .field("failed", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "spot_checks_by_day").on("spot_checks")
            .column("sampled_on").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("spot_checks").delete()
    }
}
