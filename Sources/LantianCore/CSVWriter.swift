/// The one CSV writer: RFC 4180 quoting for the fields Lantian writes (exports, command-line tables).
public enum CSVWriter {
    /// `value` as one field: quoted, with quotes doubled, when it holds a comma, a quote or a line break.
    public static func field(_ value: String) -> String {
        // Byte scan: Foundation's `contains` on strings costs a bridged search per field.
        guard value.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return value }
        var quoted = "\""
        for character in value.unicodeScalars {
            if character == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(character)
        }
        return quoted + "\""
    }

    /// `value` as a field for spreadsheets (Excel, WPS): a leading `=`, `+`, `-`, `@`, TAB or CR would be run as a
    /// formula, so such text is written with a leading `'`; numbers stay numbers.
    public static func spreadsheetField(_ value: String) -> String {
        let risky = value.utf8.first.map { [61, 43, 45, 64, 9, 13].contains($0) } ?? false
        return field(risky && Double(value) == nil ? "'" + value : value)
    }

    /// One record, fields joined by commas (no line end).
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }
}
