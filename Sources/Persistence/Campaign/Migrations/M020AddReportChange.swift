import FluentKit
import SQLKit

/// Which write last changed each report: the `reports` version of `cache_versions` its transaction counted
/// (`change_seq`). Report writes take turns on that version's row, so a cache that holds every change up to N reads
/// exactly the reports changed after it — no clock, no margin. Reports written before this column are 0.
struct M020AddReportChange: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("reports").field("change_seq", .int64, .required, .sql(.default(0))).update()
        try await (database as! any SQLDatabase).create(index: "reports_by_change").on("reports").column("change_seq")
            .run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "reports_by_change").run()
        try await database.schema("reports").deleteField("change_seq").update()
    }
}
