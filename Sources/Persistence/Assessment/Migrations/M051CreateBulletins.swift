import FluentKit

/// Dispatch bulletins, one per month: the office's paragraphs while a draft; once finalised, the document
/// number, the date and the whole content as it was (JSON), which later corrections do not touch.
struct M051CreateBulletins: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("bulletins")
            .field("month", .string, .identifier(auto: false))
            .field("state", .string, .required)
            .field("opening", .string, .required)
            .field("requirements", .string, .required)
            .field("number", .string)
            .field("issued_on", .string)
            .field("content", .string)
            .field("public", .bool, .required)
            .field("version", .int, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("finalised_by", .string)
            .field("finalised_at", .datetime)
            .unique(on: "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("bulletins").delete()
    }
}
