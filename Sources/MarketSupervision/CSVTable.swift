import Foundation
import LantianCore

/// A CSV file with a header row (a UTF-8 byte-order mark allowed), read row by row by column name: the header must
/// name the `required` columns; blank lines are skipped; the first problem a row reports stops the reading.
enum CSVTable {
    /// Calls `row` with each data row's fields by name and its line; returns the first problem.
    static func read(
        _ text: String, required: [String], _ row: (_ field: (String) -> String, _ line: Int) -> ImportIssue?
    ) -> ImportIssue? {
        var columns: [String: Int]?
        var problem: ImportIssue?
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        CSVScanner.rows(text) { csv in
            guard problem == nil, !csv.isBlank else { return }
            guard let header = columns else {
                var names: [String: Int] = [:]
                for (position, name) in csv.texts.enumerated() {
                    names[name.trimmingCharacters(in: .whitespaces).lowercased()] = position
                }
                for name in required where names[name] == nil {
                    problem = ImportIssue(line: csv.line, field: name, reason: "header lacks the column \(name)")
                    return
                }
                columns = names
                return
            }
            problem = row(
                { name in
                    guard let position = header[name], position < csv.fieldCount else { return "" }
                    return csv.text(position).trimmingCharacters(in: .whitespaces)
                }, csv.line)
        }
        if problem == nil && columns == nil {
            return ImportIssue(line: 1, field: "header", reason: "the file is empty")
        }
        return problem
    }
}
