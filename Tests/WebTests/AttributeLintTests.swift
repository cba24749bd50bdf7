import Foundation
import Testing

/// Plot writes attribute values raw, so the pages may put text into an attribute only through `AttributeText`
/// (`.attr`, `.href(SiteURL)`, `.action(SiteURL)`). This reads the Web module's source and fails on any other
/// attribute written with anything but a plain string literal — so a new page cannot slip past the escaping.
@Suite struct AttributeLintTests {
    /// Plot's attribute modifiers (and `.raw`, which bypasses escaping altogether).
    static let modifiers: Set<String> = [
        "href", "action", "value", "title", "content", "placeholder", "src", "style", "class", "id", "for", "name",
        "alt", "download", "rel", "target", "attribute", "raw", "formaction", "data",
    ]

    @Test func attributesTakeOnlyLiteralsOrTheEscapingHelper() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Web")
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter {
                $0.pathExtension == "swift" && $0.lastPathComponent != "AttributeText.swift"
            }
        #expect(files.count > 20)
        var violations: [String] = []
        for file in files {
            violations += Self.violations(in: try String(contentsOf: file, encoding: .utf8)).map {
                "\(file.lastPathComponent):\($0)"
            }
        }
        #expect(violations.isEmpty, "attributes written around AttributeText:\n\(violations.joined(separator: "\n"))")
    }

    @Test func theLintSeesWhatItMustSee() {
        #expect(Self.violations(in: #".input(.value(model.username))"#).count == 1)
        #expect(Self.violations(in: #".a(.href(SiteURL.task(code: c).path))"#).count == 1)
        #expect(Self.violations(in: #".span(.class("badge s-\(status.rawValue)"))"#).count == 1)
        #expect(Self.violations(in: #".div(.attribute(named: "title", value: text))"#).count == 1)
        #expect(Self.violations(in: ".raw(markup)").count == 1)
        #expect(Self.violations(in: #".a(.href(SiteURL.home), .class("brand"), .attr("title", text))"#).isEmpty)
        #expect(Self.violations(in: #".meta(.attribute(named: "name", value: "viewport"))"#).isEmpty)
        #expect(Self.violations(in: "let content = try revision.content()").isEmpty)
    }

    /// `line: .modifier(argument)` for each attribute modifier whose argument is neither a string literal
    /// without interpolation nor, for links and form targets, a `SiteURL` value.
    static func violations(in source: String) -> [String] {
        let text = Array(source)
        var found: [String] = []
        var index = 0
        while index < text.count {
            guard text[index] == ".", index == 0 || !(text[index - 1].isLetter || text[index - 1].isNumber) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < text.count, text[end].isLetter { end += 1 }
            let name = String(text[(index + 1)..<end])
            guard end < text.count, text[end] == "(", modifiers.contains(name) else {
                index = end
                continue
            }
            let (argument, close) = Self.argument(text, from: end + 1)
            let flat = argument.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !Self.allowed(name, flat) {
                let line = text[..<index].filter { $0 == "\n" }.count + 1
                found.append("\(line): .\(name)(\(flat.prefix(80)))")
            }
            index = close
        }
        return found
    }

    private static func allowed(_ name: String, _ argument: String) -> Bool {
        // Every attribute modifier takes a value: `revision.content()` is a method, not an attribute.
        if argument.isEmpty || isPlainLiteral(argument) { return true }
        if name == "href" || name == "action" {
            return argument.hasPrefix("SiteURL.") && !argument.hasSuffix(".path")
        }
        // The charts are SVG markup from `SVG`, which passes every text through `AttributeText.escape`.
        if name == "raw" {
            return ["SeasonCharts.", "HitChart.", "MeasurementChart."].contains { argument.hasPrefix($0) }
        }
        if name == "attribute", argument.hasPrefix("named: ") {
            let parts = argument.dropFirst("named: ".count).components(separatedBy: ", value: ")
            return parts.count == 2 && parts.allSatisfy(isPlainLiteral)
        }
        return false
    }

    private static func isPlainLiteral(_ text: String) -> Bool {
        text.count >= 2 && text.first == "\"" && text.last == "\""
            && !text.dropFirst().dropLast().contains { $0 == "\"" || $0 == "\\" }
    }

    /// The text inside the parentheses that open before `start`, and the index after the closing one.
    private static func argument(_ text: [Character], from start: Int) -> (String, Int) {
        var depth = 1
        var index = start
        var inString = false
        while index < text.count {
            let character = text[index]
            if inString {
                if character == "\\" {
                    index += 2
                    continue
                }
                if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if character == "(" {
                depth += 1
            } else if character == ")" {
                depth -= 1
                if depth == 0 { return (String(text[start..<index]), index + 1) }
            }
            index += 1
        }
        return (String(text[start...]), text.count)
    }
}
