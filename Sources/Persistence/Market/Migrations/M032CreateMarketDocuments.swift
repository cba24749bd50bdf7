import FluentKit

/// Files attached to a spot check (the lab's report, sampling forms) or to its case (立案审批表, 责令整改通知书, 处罚决定书):
/// stored on disk like report evidence, named by id, checked by SHA-256.
struct M032CreateMarketDocuments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("market_documents")
            .id()
            .field("check_id", .uuid, .required, .references("spot_checks", "id"))
            .field("case_id", .uuid, .references("market_cases", "id"))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("storage_key", .string, .required)
            .field("uploaded_by", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("market_documents").delete()
    }
}
