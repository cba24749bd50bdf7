import ArgumentParser
import FluentKit
import Foundation
import Services

/// `lantian`: run the server and administer the campaign from the command line.
@main
struct Lantian: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lantian",
        abstract: "蓝天 Lantian — the autumn–winter air-pollution campaign platform.",
        subcommands: [
            Serve.self, Migrate.self, PlanCommand.self, UserCommand.self, AQCommand.self, MarketCommand.self,
            EmergencyCommand.self, SourcesCommand.self, LedgerCommand.self, TaskCommand.self, BulletinCommand.self,
            AssessCommand.self,
            Bench.self,
        ],
        defaultSubcommand: Serve.self)
}

/// Opens the database the environment names (no web app: the commands work through the services), runs `body`,
/// and closes it.
func withDatabase<T>(
    configuration: AppConfiguration? = nil, _ body: (any Database, AppConfiguration) async throws -> T
) async throws -> T {
    let configuration = try configuration ?? AppConfiguration.fromEnvironment()
    var logger = Logger(label: "lantian")
    // One-shot commands print their own results; migration chatter would bury them.
    logger.logLevel = .warning
    return try await LantianDatabase.with(configuration.storage, logger: logger) {
        try await body($0.db, configuration)
    }
}
