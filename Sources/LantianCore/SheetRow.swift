/// One row of a table a user uploaded, whatever the file was: its cells as text and where it stands in the file.
public struct SheetRow: Hashable, Sendable {
    /// 1-based: the CSV line or the worksheet's row number, as the user's spreadsheet program shows it.
    public var line: Int
    public var cells: [String]

    public init(line: Int, cells: [String]) {
        self.line = line
        self.cells = cells
    }

    /// Whether every cell is empty or whitespace.
    public var isBlank: Bool { cells.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
}

extension SheetRow {
    /// The rows of CSV text, through the one CSV reader.
    public static func csv(_ text: String) -> [SheetRow] {
        var rows: [SheetRow] = []
        CSVScanner.rows(text) { row in
            rows.append(SheetRow(line: row.line, cells: (0..<row.fieldCount).map { row.text($0) }))
        }
        return rows
    }
}
