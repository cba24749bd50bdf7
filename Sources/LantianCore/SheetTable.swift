import Foundation

/// An uploaded table read by column name: the first non-blank row is the header, and each column the reader
/// wants is found by any of its names (the English key, or the Chinese heading an office's spreadsheet uses),
/// ignoring case, spaces and a unit in brackets (`数量（升）` is `数量`). Blank rows are skipped.
public struct SheetTable: Sendable {
    /// A column the reader wants: `key` names it in code, `names` are the headings accepted for it.
    public struct Column: Sendable {
        public var key: String
        public var names: [String]
        public var required: Bool

        public init(_ key: String, _ names: [String] = [], required: Bool = false) {
            self.key = key
            self.names = [key] + names
            self.required = required
        }
    }

    /// The data rows, blank ones left out.
    public let rows: [SheetRow]
    /// The header's line.
    public let headerLine: Int
    private let positions: [String: Int]

    /// The table, or the header's first problem (a required column missing, two columns with the same meaning).
    public static func read(_ all: [SheetRow], columns: [Column]) -> Result<SheetTable, ImportIssue> {
        guard let header = all.first(where: { !$0.isBlank }) else {
            return .failure(ImportIssue(line: 1, field: "header", reason: "the file is empty（文件为空，没有表头行）"))
        }
        var headings: [String: Int] = [:]
        for (position, text) in header.cells.enumerated() where headings[normalized(text)] == nil {
            headings[normalized(text)] = position
        }
        var positions: [String: Int] = [:]
        for column in columns {
            let found = column.names.compactMap { headings[normalized($0)] }
            if Set(found).count > 1 {
                return .failure(
                    ImportIssue(
                        line: header.line, field: column.key,
                        reason: "表头中有两列都表示 \(column.key)（\(column.names.joined(separator: "、"))），只能保留一列"))
            }
            if let position = found.first {
                positions[column.key] = position
            } else if column.required {
                return .failure(
                    ImportIssue(
                        line: header.line, field: column.key,
                        reason:
                            "header lacks the column \(column.key)（表头缺少“\(column.names.dropFirst().first ?? column.key)”列"
                            + (column.names.count > 1 ? "，也可写作 \(column.names.joined(separator: "、"))" : "") + "）"
                    ))
            }
        }
        let rows = all.filter { $0.line > header.line && !$0.isBlank }
        return .success(SheetTable(rows: rows, headerLine: header.line, positions: positions))
    }

    /// Whether the header has the column.
    public func has(_ key: String) -> Bool { positions[key] != nil }

    /// The row's cell in the column, trimmed; empty when the column is absent or the row short.
    public func value(_ key: String, in row: SheetRow) -> String {
        guard let position = positions[key], position < row.cells.count else { return "" }
        return Self.trimmed(row.cells[position])
    }

    /// `text` without leading and trailing white space (as `trimmingCharacters(in: .whitespacesAndNewlines)`,
    /// without its round trip through NSString, which costs more than the rest of reading a cell).
    public static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return text }
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }

    static func normalized(_ heading: String) -> String {
        var text = heading.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        for (open, close) in [("（", "）"), ("(", ")")] {
            if let start = text.range(of: open), text.hasSuffix(close), start.lowerBound > text.startIndex {
                text = String(text[..<start.lowerBound])
            }
        }
        return text.filter { !$0.isWhitespace }
    }
}
