import Foundation
import LantianCore
import Spreadsheet

/// What importing an uploaded table did: its rows, how many records were new, and the problems (which stored
/// nothing) and warnings, each naming its line and field.
public struct TableImportOutcome: Sendable {
    public var file: String
    public var rows: Int
    public var added: Int
    public var problems: [ImportIssue]
    public var warnings: [ImportIssue]

    public init(file: String, rows: Int, added: Int, problems: [ImportIssue], warnings: [ImportIssue]) {
        self.file = file
        self.rows = rows
        self.added = added
        self.problems = problems
        self.warnings = warnings
    }

    /// The outcome of a file that could not be read as a table at all.
    public static func unreadable(_ file: String, _ reason: String) -> TableImportOutcome {
        TableImportOutcome(
            file: file, rows: 0, added: 0, problems: [ImportIssue(line: 1, field: "file", reason: reason)],
            warnings: [])
    }
}

extension TableImportOutcome {
    /// Reads an uploaded table with `read` and, only when it has no problems, stores its records with `store`
    /// (which returns how many were new): the one way an upload becomes records.
    public static func importing<Record: Sendable>(
        _ data: Data, file: String, read: ([SheetRow]) -> TableRead<Record>,
        store: ([Record]) async throws -> Int
    ) async throws -> TableImportOutcome {
        let rows: [SheetRow]
        do { rows = try SheetFile.rows(data) } catch { return .unreadable(file, error.reason) }
        let result = read(rows)
        guard result.problems.isEmpty else {
            return TableImportOutcome(
                file: file, rows: result.records.count, added: 0, problems: result.problems, warnings: result.warnings)
        }
        let added = try await store(result.records)
        return TableImportOutcome(
            file: file, rows: result.records.count, added: added, problems: [], warnings: result.warnings)
    }
}
