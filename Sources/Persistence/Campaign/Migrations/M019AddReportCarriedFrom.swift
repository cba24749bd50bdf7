import FluentKit

/// The month a report's content was carried forward from (与上月相同), until the unit edits it.
struct M019AddReportCarriedFrom: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("reports").field("carried_from", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("reports").deleteField("carried_from").update()
    }
}
