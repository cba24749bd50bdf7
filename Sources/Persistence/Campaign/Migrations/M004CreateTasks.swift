import FluentKit

struct M004CreateTasks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tasks")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("position", .int, .required)
            .field("origin", .string, .required)
            .field("section", .int)
            .field("category", .string, .required)
            .field("key_work", .string)
            .field("main_task", .string)
            .field("measures", .string, .required)
            .field("deadline", .string, .required)
            .field("deadline_text", .string, .required)
            .field("subjects", .string, .required)
            .field("notes", .string)
            .field("forwarded_by", .string)
            .field("supervisor_unit_id", .uuid, .references("units", "id"))
            .unique(on: "plan_id", "code")
            .create()
        try await database.schema("task_units")
            .id()
            .field("task_id", .uuid, .required, .references("tasks", "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("role", .string, .required)
            .unique(on: "task_id", "unit_id", "role")
            .create()
        try await database.schema("indicators")
            .id()
            .field("task_id", .uuid, .required, .references("tasks", "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("position", .int, .required)
            .field("definition", .string, .required)
            .field("target", .double, .required)
            .unique(on: "task_id", "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("indicators").delete()
        try await database.schema("task_units").delete()
        try await database.schema("tasks").delete()
    }
}
