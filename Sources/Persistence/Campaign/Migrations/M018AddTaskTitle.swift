import FluentKit

/// Tasks' short titles (`title` in the plan file), nullable: plans imported before keep their derived titles.
struct M018AddTaskTitle: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tasks").field("title", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tasks").deleteField("title").update()
    }
}
