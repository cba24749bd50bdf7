import ArgumentParser
import Foundation
import Services
import Vapor
import Web

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the web server (SQLite under ./data unless DATABASE_URL is set).")

    @ArgumentParser.Option(help: "Address to listen on (default LANTIAN_HOST or 127.0.0.1).") var hostname: String?
    @ArgumentParser.Option(help: "Port to listen on (default LANTIAN_PORT or 8080).") var port: Int?

    func run() async throws {
        var configuration = try AppConfiguration.fromEnvironment()
        configuration.sweepsNotices = true
        let host = hostname ?? configuration.hostname
        let port = port ?? configuration.port
        try await withApplication(
            firstStart: true, arguments: ["lantian", "serve", "--hostname", host, "--port", String(port)],
            configuration: configuration
        ) { app, first in
            if let first {
                say(
                    """

                    ============================================================
                     首次启动：已创建大气办管理员账号
                       用户名：\(first.username)
                       一次性密码：\(first.oneTimePassword)
                     登录后须立即修改密码。此密码不会再次显示。
                    ============================================================

                    """)
            }
            say("Lantian 已启动：http://\(host):\(port)/")
            try await app.execute()
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database schema, then exit.")

    func run() async throws {
        try await withApplication(firstStart: false) { _, _ in say("数据库结构已是最新。") }
    }
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

/// Writes a line to standard output at once (print is buffered when output goes to a file or pipe).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
