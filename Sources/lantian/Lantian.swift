import ArgumentParser
import Foundation
import Vapor
import Web

/// `lantian`: run the server and administer the campaign from the command line.
@main
struct Lantian: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lantian",
        abstract: "蓝天 Lantian — the autumn–winter air-pollution campaign platform.",
        subcommands: [Serve.self, Migrate.self, PlanCommand.self, UserCommand.self, AQCommand.self, Bench.self],
        defaultSubcommand: Serve.self)
}

/// Builds an application from the environment's configuration, runs `body`, and shuts it down.
func withApplication<T>(
    firstStart: Bool, arguments: [String] = ["lantian"], configuration: AppConfiguration? = nil,
    _ body: (Application, FirstStart?) async throws -> T
) async throws -> T {
    let configuration = try configuration ?? AppConfiguration.fromEnvironment()
    var environment = try Environment.detect(arguments: arguments)
    environment.arguments = arguments
    let app = try await Application.make(environment)
    // One-shot commands print their own results; migration chatter would bury them.
    if !firstStart { app.logger.logLevel = .warning }
    do {
        let first = try await configure(app, configuration, firstStart: firstStart)
        let result = try await body(app, first)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}
