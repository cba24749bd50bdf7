import FluentKit

/// Each import of online-monitoring data: the file, who, when, what it held; and every stored value it replaced
/// with a different one (the correction: before and after as flag and values).
struct M046CreateSourceImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("source_imports")
            .field("id", .uuid, .identifier(auto: false))
            .field("file", .string, .required)
            .field("records", .int, .required)
            .field("hours", .int, .required)
            .field("corrections", .int, .required)
            .field("warnings", .int, .required)
            .field("imported_by", .string, .required)
            .field("imported_at", .datetime, .required)
            .create()
        try await database.schema("source_corrections")
            .field("import_id", .uuid, .required, .references("source_imports", "id"))
            .field("mn", .string, .required)
            .field("factor", .string, .required)
            .field("hour", .int64, .required)
            .field("before", .string, .required)
            .field("after", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("source_corrections").delete()
        try await database.schema("source_imports").delete()
    }
}
