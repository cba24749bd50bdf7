/// Splits one CSV line into fields (RFC 4180 quoting: `"a,b"` is one field, `""` inside quotes is `"`).
public enum CSVLine {
    public static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    // A doubled quote inside a quoted field is a literal quote.
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            if next == "," {
                                fields.append(field)
                                field = ""
                            } else {
                                field.append(next)
                            }
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "," {
                fields.append(field)
                field = ""
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else if character != "\r" {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
