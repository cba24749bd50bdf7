import ArgumentParser
import Foundation
import Persistence
import Services
// Only for Vapor's bcrypt, the hasher every account's password is stored with.
import Web

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts.", subcommands: [Create.self, Import.self, ResetPassword.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account and print its one-time password (or set --password).")
        @ArgumentParser.Option(help: "Login name.") var username: String
        @ArgumentParser.Option(help: "Display name (姓名).") var name: String
        @ArgumentParser.Option(help: "officeAdmin, unitReporter, unitLeader or viewer.") var role: String
        @ArgumentParser.Option(help: "Unit code, e.g. zezhou or city-eeb.") var unit: String
        @ArgumentParser.Option(
            help: "A password of at least 10 characters; without it a one-time password is generated.")
        var password: String?

        func run() async throws {
            let secret = try await withDatabase { db, configuration in
                do {
                    return try await UserAccounts(db: db, hasher: .bcrypt).create(
                        username: username, displayName: name, role: role, unitCode: unit, password: password,
                        actor: .init(userID: nil, username: "cli"), at: Date())
                } catch let problems as UserAccounts.Problems {
                    throw ArgumentParser.ValidationError(problems.messages.joined(separator: "; "))
                }
            }
            print(password == nil ? "已创建 \(username)，一次性密码：\(secret)" : "已创建 \(username)。")
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create accounts from a CSV file (username,name,role,unit[,password]): all of them, or none.")
        @ArgumentParser.Argument(help: "UTF-8 CSV with a header row.") var file: String

        func run() async throws {
            let rows = try parse(try readPlanFile(file))
            let created = try await withDatabase { db, configuration in
                do {
                    return try await UserAccounts(db: db, hasher: .bcrypt).importRows(
                        rows, actor: .init(userID: nil, username: "cli"), at: Date())
                } catch let problems as UserAccounts.Problems {
                    printIssues(problems.messages, file: file)
                    throw ExitCode(1)
                }
            }
            let given = Set(rows.filter { $0.password != nil }.map(\.username))
            for (username, secret) in created {
                print(given.contains(username) ? "\(username)" : "\(username),\(secret)")
            }
            print("\(file): created \(created.count) accounts")
        }

        private func parse(_ text: String) throws -> [UserAccounts.Row] {
            do {
                return try UserAccounts.rows(csv: text)
            } catch let problems as UserAccounts.Problems {
                printIssues(problems.messages, file: file)
                throw ExitCode(1)
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give an account a new one-time password.")
        @ArgumentParser.Option(help: "Login name.") var username: String

        func run() async throws {
            let secret = try await withDatabase { db, configuration in
                try await UserAccounts(db: db, hasher: .bcrypt).resetPassword(
                    username: username, actor: .init(userID: nil, username: "cli"), at: Date())
            }
            print("\(username) 的一次性密码：\(secret)")
        }
    }
}
