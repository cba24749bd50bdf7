import FluentKit
import FluentSQL

/// The order of a task's units as the plan lists them (the first lead unit is the one named first): without it
/// the database returned them in index order, which differs between imports of the same file.
struct M014AddTaskUnitPosition: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("task_units")
            .field("position", .int, .required, .sql(.default(0)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("task_units").deleteField("position").update()
    }
}
