import Foundation
import LantianCore

/// A table read row by row by column name, through ``LantianCore/SheetTable``: the header must name the `required`
/// columns (`optional` ones are read when present); blank rows are skipped; the first problem a row reports stops
/// the reading. The command-line readers use it on CSV text, the web on uploaded rows (CSV or .xlsx).
enum CSVTable {
    /// Calls `row` with each data row's fields by name and its line; returns the first problem.
    static func read(
        _ text: String, required: [String], optional: [String] = [],
        _ row: (_ field: (String) -> String, _ line: Int) -> ImportIssue?
    ) -> ImportIssue? {
        read(rows: SheetRow.csv(text), required: required, optional: optional, row)
    }

    static func read(
        rows: [SheetRow], required: [String], optional: [String] = [],
        _ row: (_ field: (String) -> String, _ line: Int) -> ImportIssue?
    ) -> ImportIssue? {
        let columns = required.map { SheetTable.Column($0, required: true) } + optional.map { SheetTable.Column($0) }
        switch SheetTable.read(rows, columns: columns) {
        case .failure(let issue): return issue
        case .success(let table):
            for data in table.rows {
                if let problem = row({ table.value($0, in: data) }, data.line) { return problem }
            }
            return nil
        }
    }
}
