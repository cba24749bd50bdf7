import Plot

/// The one place text becomes an HTML attribute value.
///
/// Plot escapes text nodes but writes attribute values exactly as given, so a value holding `"` ends the
/// attribute and whatever follows becomes markup. Every attribute the site writes with anything but a string
/// literal goes through ``escape(_:)`` — via ``Plot/Node/attr(_:_:)``, ``Plot/Node/href(_:)`` or
/// ``Plot/Node/action(_:)`` — and `AttributeLintTests` fails on any other way in.
enum AttributeText {
    /// `value` with `&`, `<`, `>`, `"` and `'` replaced by character references: safe inside a quoted attribute,
    /// and read back by the browser as exactly `value`.
    static func escape(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        else { return value }
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count + 16)
        for character in value.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}

extension Node {
    /// `name="value"`, the value escaped: the way request, stored or file text enters an attribute.
    static func attr(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: AttributeText.escape(value))
    }

    /// A link to one of the site's pages, escaped.
    static func href(_ url: SiteURL) -> Node {
        attr("href", url.path)
    }

    /// A form's target, escaped.
    static func action(_ url: SiteURL) -> Node {
        attr("action", url.path)
    }
}

extension Attribute {
    /// `name="value"`, the value escaped, for elements that take attributes only (`<input>`).
    static func attr(_ name: String, _ value: String) -> Attribute {
        .attribute(named: name, value: AttributeText.escape(value))
    }
}
