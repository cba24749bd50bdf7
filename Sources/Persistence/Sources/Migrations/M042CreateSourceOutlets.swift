import FluentKit

/// Key polluters' outlets (排放口): the monitoring device (HJ 212 `MN`), the enterprise (the registry's code),
/// the factors monitored (comma-separated codes), whether automatic monitoring is installed and networked with
/// the ecology bureau (and since when), in the register's order.
struct M042CreateSourceOutlets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("source_outlets")
            .field("mn", .string, .identifier(auto: false))
            .field("position", .int, .required)
            .field("enterprise", .string, .required)
            .field("name", .string, .required)
            .field("factors", .string, .required)
            .field("installed", .bool, .required)
            .field("networked", .bool, .required)
            .field("networked_on", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("source_outlets").delete()
    }
}
