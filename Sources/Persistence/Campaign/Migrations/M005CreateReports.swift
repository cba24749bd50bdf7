import FluentKit

struct M005CreateReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("reports")
            .id()
            .field("task_id", .uuid, .required, .references("tasks", "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("month", .string, .required)
            .field("state", .string, .required)
            .field("reported_status", .string, .required)
            .field("narrative", .string, .required)
            .field("revision", .int, .required)
            .field("first_submitted_at", .datetime)
            .field("submitted_at", .datetime)
            .field("comment", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "task_id", "unit_id", "month")
            .create()
        try await database.schema("report_values")
            .id()
            .field("report_id", .uuid, .required, .references("reports", "id", onDelete: .cascade))
            .field("indicator_id", .uuid, .required, .references("indicators", "id", onDelete: .cascade))
            .field("value", .double, .required)
            .unique(on: "report_id", "indicator_id")
            .create()
        try await database.schema("report_revisions")
            .id()
            .field("report_id", .uuid, .required, .references("reports", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("action", .string, .required)
            .field("state", .string, .required)
            .field("snapshot", .string, .required)
            .field("comment", .string)
            .field("author_id", .uuid, .references("users", "id"))
            .field("author_name", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "report_id", "number")
            .create()
        try await database.schema("evidence_files")
            .id()
            .field("report_id", .uuid, .required, .references("reports", "id", onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("storage_key", .string, .required)
            .field("uploaded_by", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["evidence_files", "report_revisions", "report_values", "reports"] {
            try await database.schema(table).delete()
        }
    }
}
