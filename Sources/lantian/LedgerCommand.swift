import ArgumentParser
import Campaign
import Foundation
import LantianCore
import Ledger
import Persistence
import Seed
import Services

struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "Ledgers (台账): the item-level registries behind the plan's numbers.",
        subcommands: [Types.self, Import.self])

    /// `lantian ledger types` (docs/LEDGER-FORMAT.md).
    struct Types: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The ledger types, one a line: code,name,rows,indicators.",
            discussion: """
                Under a header row, one line a type: its code, its name, the rows stored, and the plan's indicators \
                it computes as TASK.INDICATOR separated by semicolons.
                """)

        func run() async throws {
            try await withDatabase { db, _ in
                let counts = try await LedgerStore(database: db).counts()
                print("code,name,rows,indicators")
                for type in Ledgers(db: db).types() {
                    print(
                        CSVWriter.record([
                            type.code, type.name, "\(counts[type.code] ?? 0)",
                            type.indicators.map { "\($0.task).\($0.indicator)" }.joined(separator: ";"),
                        ]))
                }
            }
        }
    }

    /// `lantian ledger import --type CODE FILE [--unit CODE]`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a ledger's rows from CSV (UTF-8 or GB18030) or .xlsx: all or nothing.",
            discussion: """
                Rows are matched by the type's key: a new key adds a row, a changed one changes it (versioned, the \
                change recorded), the same one leaves it. Prints file,new,changed,unchanged under a header. Any bad \
                row refuses the file: every problem on standard error as FILE: line N, FIELD: reason, exit status 1. \
                With --unit, only that county's (or unit's) rows are accepted.
                """)

        @ArgumentParser.Option(help: "The ledger type's code.") var type: String
        @ArgumentParser.Option(help: "The importing county or unit: its rows only.") var unit: String?
        @ArgumentParser.Argument(help: "The table.") var file: String

        func run() async throws {
            var stderr = FileHandleOutputStream.standardError
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                print("\(file): not readable (\(error))", to: &stderr)
                throw ExitCode(1)
            }
            let refused = try await withDatabase { db, _ -> Bool in
                let ledgers = Ledgers(db: db)
                guard let type = ledgers.type(type) else {
                    print("no ledger type \(type): see `lantian ledger types`", to: &stderr)
                    return true
                }
                let plan: Plan
                if let record = try await PlanStore(database: db).currentPlan() {
                    plan = try await PlanStore(database: db).load(record).plan
                } else {
                    plan = try PlanFile.read(try SeedPlans.jincheng20212022)
                }
                if let unit, !plan.units.contains(where: { $0.code == unit }) {
                    print("no unit \(unit) in the plan", to: &stderr)
                    return true
                }
                let calendar = ReportingCalendar(plan: plan)
                let today = calendar?.civilDate(of: Date()) ?? CivilDate(dayNumber: 0)
                let (outcome, summary) = try await ledgers.importRows(
                    data, file: (file as NSString).lastPathComponent, type: type, plan: plan, onlyOwner: unit,
                    actor: .cli, at: Date(), today: today)
                for warning in outcome.warnings { print("\(file): warning: \(warning)", to: &stderr) }
                for problem in outcome.problems { print("\(file): \(problem)", to: &stderr) }
                print("file,new,changed,unchanged")
                print(
                    CSVWriter.record([
                        file, "\(summary?.new ?? 0)", "\(summary?.changed ?? 0)", "\(summary?.unchanged ?? 0)",
                    ]))
                return summary == nil
            }
            if refused { throw ExitCode(1) }
        }
    }
}
