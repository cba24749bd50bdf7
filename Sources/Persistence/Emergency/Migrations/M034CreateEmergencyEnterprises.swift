import FluentKit

/// The emergency-control registry: one row per enterprise, in registry order (`position`), its equipment as a
/// JSON list (a handful of units an enterprise, always read with it).
struct M034CreateEmergencyEnterprises: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("emergency_enterprises")
            .field("code", .string, .identifier(auto: false))
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("credit_code", .string, .required)
            .field("county", .string, .required)
            .field("industry", .string, .required)
            .field("grade", .string, .required)
            .field("exempt_reason", .string)
            .field("exempt_approval", .string)
            .field("capacity", .string, .required)
            .field("output", .double)
            .field("so2", .double, .required)
            .field("nox", .double, .required)
            .field("pm", .double, .required)
            .field("vocs", .double, .required)
            .field("equipment", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("emergency_enterprises").delete()
    }
}
