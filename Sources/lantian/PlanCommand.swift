import ArgumentParser
import Campaign
import Foundation
import Persistence
import Services

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Check or import plan files (docs/PLAN-FORMAT.md).",
        subcommands: [Check.self, Import.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a plan file without storing anything.")
        @ArgumentParser.Argument(help: "A lantian-plan/1 file, YAML or JSON.") var file: String

        func run() async throws {
            let text = try readPlanFile(file)
            do {
                let plan = try PlanFile.read(text)
                print("\(file): OK — \(plan.code), \(plan.tasks.count) tasks, \(plan.units.count) units")
                var stderr = FileHandleOutputStream.standardError
                for task in plan.tasks where task.explicitTitle == nil {
                    print("\(file): warning: task \(task.code) has no title; lists show \"\(task.title)\"", to: &stderr)
                }
                let repeated = Dictionary(grouping: plan.tasks, by: \.title).filter { $0.value.count > 1 }
                for (title, tasks) in repeated.sorted(by: { $0.key < $1.key }) {
                    print(
                        "\(file): warning: tasks \(tasks.map(\.code).joined(separator: ", ")) share the title \"\(title)\"",
                        to: &stderr)
                }
            } catch {
                printIssues(error.issues.map(\.description), file: file)
                throw ExitCode(1)
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a plan file into the database: all of it, or nothing when it has any problem.")
        @ArgumentParser.Argument(help: "A lantian-plan/1 file, YAML or JSON.") var file: String

        func run() async throws {
            let text = try readPlanFile(file)
            let outcome = try await withDatabase { db, configuration in
                try await PlanImport.run(text: text, on: db, actor: .init(userID: nil, username: "cli"), at: Date())
            }
            switch outcome {
            case .imported(let code, let tasks, let indicators):
                print("\(file): imported plan \(code) — \(tasks) tasks, \(indicators) indicators")
            case .rejected(let problems):
                printIssues(problems, file: file)
                throw ExitCode(1)
            }
        }
    }
}

func readPlanFile(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ArgumentParser.ValidationError("\(path): cannot read the file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw ArgumentParser.ValidationError("\(path): not UTF-8 text")
    }
    return text
}

func printIssues(_ issues: [String], file: String) {
    var stderr = FileHandleOutputStream.standardError
    print("\(file): rejected, nothing was stored. \(issues.count) problem(s):", to: &stderr)
    for issue in issues { print("  \(file): \(issue)", to: &stderr) }
}

struct FileHandleOutputStream: TextOutputStream {
    let handle: FileHandle
    static var standardError: FileHandleOutputStream { FileHandleOutputStream(handle: .standardError) }
    mutating func write(_ string: String) { handle.write(Data(string.utf8)) }
}
