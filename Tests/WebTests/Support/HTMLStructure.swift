import Foundation

/// One attribute of a start tag, as the HTML tokenizer reads it: the name in lower case, the value as written
/// (character references are left undecoded).
struct HTMLAttributeToken: Equatable, Sendable {
    var name: String
    var value: String
}

/// One start tag as a browser's tokenizer reads it: the name in lower case, the attributes in document order with
/// later duplicates of a name dropped (browsers keep the first), and whether it ended in `/>`.
struct HTMLStartTag: Equatable, Sendable, CustomStringConvertible {
    var name: String
    var attributes: [HTMLAttributeToken]
    var selfClosing: Bool

    /// A start tag; `attributes` as the tokenizer would hand them over.
    init(name: String, attributes: [HTMLAttributeToken] = [], selfClosing: Bool = false) {
        self.name = name
        self.attributes = attributes
        self.selfClosing = selfClosing
    }

    /// The attribute names in document order.
    var attributeNames: [String] { attributes.map(\.name) }

    /// The value of the attribute `name` (lower case), if the tag has it.
    func value(of name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The tag written back, e.g. `<input value="x" required>`, for readable test failures.
    var description: String {
        let attributes = attributes.map { " \($0.name)=\"\($0.value)\"" }.joined()
        return "<\(name)\(attributes)\(selfClosing ? " /" : "")>"
    }
}

/// The element/attribute structure of an HTML page, read the way the HTML Living Standard's tokenizer reads it
/// (§13.2.5), so that whatever a browser would take for an element or an attribute is one here too.
///
/// Tests render a page with benign and with hostile strings in user-controlled fields and compare the outlines:
/// an escaping mistake shows up as an extra tag or attribute, or as a tag swallowed by an unclosed quote,
/// comment, `<title>` or `<script>`.
///
/// Read as a browser does: comments (`<!-- … -->`, including `<!-->` and `--!>`), `<!DOCTYPE …>` and bogus
/// comments (`<!…>`, `<?…>`, `</ …>`) to their end; end tags skipped, their attributes still read (so
/// `</p a=">">` ends at the second `>`); a tag cut off by the end of the input dropped; `<` not followed by a
/// letter, `/`, `!` or `?` is text. Raw text (`script` with its `<!--`/`<script>` escape states, `style`, `xmp`,
/// `iframe`, `noembed`, `noframes`, `noscript` as with scripting on), RCDATA (`title`, `textarea`) and
/// `plaintext` are not tokenized.
///
/// Inside `<svg>`/`<math>` (foreign content) none of those switch the tokenizer and `<![CDATA[…]]>` is text; the
/// tree builder's rules for leaving foreign content are followed (breakout tags such as `<b>`, `<div>`, `<img>`;
/// the HTML integration points `foreignObject`, `desc`, `title`; MathML `mi`…`mtext`). So the `<title>` of an
/// inline SVG chart is tokenized like any markup, as a browser does.
///
/// Not modelled: the rest of tree construction (implied end tags, foster parenting, `<select>`, elements the tree
/// builder adds or renames, such as reopened formatting elements or `<image>` as `<img>`) and character references
/// (values are not decoded).
enum HTMLStructure {
    /// Every start tag of `html`, in order, read as the HTML tokenizer does.
    static func startTags(_ html: String) -> [HTMLStartTag] {
        var tokenizer = HTMLTokenizer(html)
        return tokenizer.run()
    }

    /// A comparable outline: one line per start tag, "name attr1 attr2 …" with attribute names in document order
    /// (values left out).
    static func outline(_ html: String) -> [String] {
        startTags(html).map { ([$0.name] + $0.attributeNames).joined(separator: " ") }
    }
}

/// How the tokenizer reads the text after a start tag; the tree builder picks it (§13.2.6.4.7, "in body").
private enum HTMLContentModel {
    case data
    /// RCDATA or RAWTEXT: text up to `</name`; the two differ only in character references, which are not decoded.
    case text(until: String)
    case scriptData
    case plaintext
}

/// A tag as the tokenizer emits it, start or end.
private struct HTMLTagToken {
    var name: String
    var attributes: [HTMLAttributeToken]
    var selfClosing: Bool
    var isEndTag: Bool
}

/// The HTML tokenizer's states (§13.2.5) over the UTF-8 bytes of the input. Every character the states look at is
/// ASCII, so a multi-byte character is never split and names decode back to valid UTF-8.
private struct HTMLTokenizer {
    private let input: [UInt8]
    private var position = 0
    private var model = HTMLContentModel.data
    private var tree = HTMLOpenElements()
    private var tags: [HTMLStartTag] = []

    /// A tokenizer at the start of `html`.
    init(_ html: String) { input = Array(html.utf8) }

    /// Reads the whole input and returns its start tags.
    mutating func run() -> [HTMLStartTag] {
        while position < input.count {
            switch model {
            case .data: data()
            case .text(let name): text(until: name)
            case .scriptData: scriptData()
            case .plaintext: position = input.count
            }
        }
        return tags
    }

    // MARK: Characters

    private static let lessThan = UInt8(ascii: "<")
    private static let greaterThan = UInt8(ascii: ">")
    private static let slash = UInt8(ascii: "/")
    private static let bang = UInt8(ascii: "!")
    private static let question = UInt8(ascii: "?")
    private static let dash = UInt8(ascii: "-")
    private static let equals = UInt8(ascii: "=")
    private static let doubleQuote = UInt8(ascii: "\"")
    private static let singleQuote = UInt8(ascii: "'")
    /// U+FFFD, which replaces U+0000 in names and values.
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Tab, LF, FF, space, and CR (which input preprocessing turns into LF).
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D || byte == 0x20
    }

    /// An ASCII letter.
    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// ASCII upper case to lower case; every other byte as it is.
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    /// Appends `byte` to a name or value: lower-cased if asked, U+0000 as U+FFFD.
    private static func append(_ byte: UInt8, to bytes: inout [UInt8], lowercasing: Bool) {
        if byte == 0 {
            bytes += replacement
        } else {
            bytes.append(lowercasing ? lowercased(byte) : byte)
        }
    }

    /// The byte `offset` after the current position, nil past the end.
    private func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < input.count ? input[position + offset] : nil
    }

    /// Whether the input at the current position starts with `text`, ASCII case-insensitively if asked.
    private func lookingAt(_ text: String, caseInsensitive: Bool = false) -> Bool {
        let bytes = Array(text.utf8)
        guard position + bytes.count <= input.count else { return false }
        for (offset, byte) in bytes.enumerated() {
            let here = input[position + offset]
            let matches = caseInsensitive ? Self.lowercased(here) == Self.lowercased(byte) : here == byte
            if !matches { return false }
        }
        return true
    }

    /// Moves past the next `>` (or to the end of the input): the end of a DOCTYPE or a bogus comment.
    private mutating func skipPastGreaterThan() {
        while let byte = peek() {
            position += 1
            if byte == Self.greaterThan { return }
        }
    }

    // MARK: Data

    /// Data state up to and including the next markup construct.
    private mutating func data() {
        guard let start = input[position...].firstIndex(of: Self.lessThan) else {
            position = input.count
            return
        }
        position = start + 1
        tagOpen()
    }

    /// Tag open state, just after a `<` in data.
    private mutating func tagOpen() {
        guard let byte = peek() else { return }  // `<` at the end is text
        if byte == Self.bang {
            position += 1
            markupDeclarationOpen()
        } else if byte == Self.slash {
            position += 1
            endTagOpen()
        } else if byte == Self.question {
            skipPastGreaterThan()  // bogus comment, `?` included
        } else if Self.isLetter(byte) {
            if let tag = readTag(isEndTag: false) { emit(tag) }
        }
        // Anything else: the `<` was text; data goes on from this byte.
    }

    /// End tag open state, just after `</` in data.
    private mutating func endTagOpen() {
        guard let byte = peek() else { return }  // `</` at the end is text
        if Self.isLetter(byte) {
            if let tag = readTag(isEndTag: true) { emit(tag) }
        } else if byte == Self.greaterThan {
            position += 1  // `</>` is dropped
        } else {
            skipPastGreaterThan()  // bogus comment
        }
    }

    /// Markup declaration open state, just after `<!`.
    private mutating func markupDeclarationOpen() {
        if lookingAt("--") {
            position += 2
            comment()
        } else if lookingAt("DOCTYPE", caseInsensitive: true) {
            // Every DOCTYPE state, quoted identifiers included, ends the token at the first `>`.
            skipPastGreaterThan()
        } else if tree.allowsCDATA && lookingAt("[CDATA[") {
            position += 7
            while position < input.count && !lookingAt("]]>") { position += 1 }
            position = min(position + 3, input.count)
        } else {
            skipPastGreaterThan()  // bogus comment
        }
    }

    /// The comment states, just after `<!--`: `<!-->` and `<!--->` end at once; otherwise the comment ends at the
    /// first `--` (more dashes allowed) followed by `>`, or at `--!>`. The comment less-than-sign states only report
    /// nested comments and never move the end, so they are left out.
    private mutating func comment() {
        enum State { case start, startDash, comment, endDash, end, endBang }
        var state = State.start
        while let byte = peek() {
            position += 1
            switch state {
            case .start:
                if byte == Self.dash {
                    state = .startDash
                } else if byte == Self.greaterThan {
                    return
                } else {
                    state = .comment
                }
            case .startDash:
                if byte == Self.dash {
                    state = .end
                } else if byte == Self.greaterThan {
                    return
                } else {
                    state = .comment
                }
            case .comment:
                if byte == Self.dash { state = .endDash }
            case .endDash:
                state = byte == Self.dash ? .end : .comment
            case .end:
                if byte == Self.greaterThan {
                    return
                } else if byte == Self.bang {
                    state = .endBang
                } else if byte != Self.dash {
                    state = .comment
                }
            case .endBang:
                if byte == Self.greaterThan {
                    return
                } else {
                    state = byte == Self.dash ? .endDash : .comment
                }
            }
        }
    }

    // MARK: Tags

    /// The tag states from the tag name state (the current byte is the name's first, or what follows `prefix`) to
    /// the closing `>`. Nil when the input ends inside the tag: the tokenizer then drops the tag.
    private mutating func readTag(isEndTag: Bool, prefix: [UInt8] = []) -> HTMLTagToken? {
        enum State {
            case tagName, beforeAttributeName, attributeName, afterAttributeName, beforeAttributeValue
            case doubleQuotedValue, singleQuotedValue, unquotedValue, afterQuotedValue, selfClosingStartTag
        }
        var state = State.tagName
        var name = prefix
        var attributes: [HTMLAttributeToken] = []
        var attributeName: [UInt8] = []
        var attributeValue: [UInt8] = []
        var hasAttribute = false
        var selfClosing = false

        /// Adds the attribute being read, unless an earlier one has its name (the tokenizer drops duplicates).
        func finishAttribute() {
            guard hasAttribute else { return }
            let finished = String(decoding: attributeName, as: UTF8.self)
            if !attributes.contains(where: { $0.name == finished }) {
                let value = String(decoding: attributeValue, as: UTF8.self)
                attributes.append(HTMLAttributeToken(name: finished, value: value))
            }
            hasAttribute = false
        }
        /// Starts a new attribute with an empty name and value.
        func startAttribute() {
            finishAttribute()
            attributeName = []
            attributeValue = []
            hasAttribute = true
        }
        /// The finished token.
        func token() -> HTMLTagToken {
            finishAttribute()
            return HTMLTagToken(
                name: String(decoding: name, as: UTF8.self), attributes: attributes, selfClosing: selfClosing,
                isEndTag: isEndTag)
        }

        while let byte = peek() {
            position += 1
            let whitespace = Self.isWhitespace(byte)
            switch state {
            case .tagName:
                if whitespace {
                    state = .beforeAttributeName
                } else if byte == Self.slash {
                    state = .selfClosingStartTag
                } else if byte == Self.greaterThan {
                    return token()
                } else {
                    Self.append(byte, to: &name, lowercasing: true)
                }
            case .beforeAttributeName:
                if whitespace { continue }
                if byte == Self.slash || byte == Self.greaterThan {
                    position -= 1
                    state = .afterAttributeName
                } else {
                    startAttribute()
                    if byte == Self.equals {
                        attributeName.append(byte)  // `=` first is part of the name
                    } else {
                        position -= 1
                    }
                    state = .attributeName
                }
            case .attributeName:
                if whitespace || byte == Self.slash || byte == Self.greaterThan {
                    position -= 1
                    state = .afterAttributeName
                } else if byte == Self.equals {
                    state = .beforeAttributeValue
                } else {
                    Self.append(byte, to: &attributeName, lowercasing: true)  // `"`, `'` and `<` included
                }
            case .afterAttributeName:
                if whitespace { continue }
                if byte == Self.slash {
                    state = .selfClosingStartTag
                } else if byte == Self.equals {
                    state = .beforeAttributeValue
                } else if byte == Self.greaterThan {
                    return token()
                } else {
                    startAttribute()
                    position -= 1
                    state = .attributeName
                }
            case .beforeAttributeValue:
                if whitespace { continue }
                if byte == Self.doubleQuote {
                    state = .doubleQuotedValue
                } else if byte == Self.singleQuote {
                    state = .singleQuotedValue
                } else if byte == Self.greaterThan {
                    return token()  // missing value: empty
                } else {
                    position -= 1
                    state = .unquotedValue
                }
            case .doubleQuotedValue:
                if byte == Self.doubleQuote {
                    state = .afterQuotedValue
                } else {
                    Self.append(byte, to: &attributeValue, lowercasing: false)
                }
            case .singleQuotedValue:
                if byte == Self.singleQuote {
                    state = .afterQuotedValue
                } else {
                    Self.append(byte, to: &attributeValue, lowercasing: false)
                }
            case .unquotedValue:
                if whitespace {
                    state = .beforeAttributeName
                } else if byte == Self.greaterThan {
                    return token()
                } else {
                    Self.append(byte, to: &attributeValue, lowercasing: false)  // `"`, `'`, `<`, `=`, `` ` `` too
                }
            case .afterQuotedValue:
                if whitespace {
                    state = .beforeAttributeName
                } else if byte == Self.slash {
                    state = .selfClosingStartTag
                } else if byte == Self.greaterThan {
                    return token()
                } else {
                    position -= 1  // missing whitespace between attributes
                    state = .beforeAttributeName
                }
            case .selfClosingStartTag:
                if byte == Self.greaterThan {
                    selfClosing = true
                    return token()
                }
                position -= 1  // a stray `/` between attributes
                state = .beforeAttributeName
            }
        }
        return nil
    }

    /// Hands a tag from the data state to the tree builder, which may switch the content model.
    private mutating func emit(_ tag: HTMLTagToken) {
        if tag.isEndTag {
            tree.endTag(tag.name)
        } else {
            tags.append(HTMLStartTag(name: tag.name, attributes: tag.attributes, selfClosing: tag.selfClosing))
            model = tree.startTag(tag)
        }
    }

    /// Whether the input here is `</name` followed by whitespace, `/` or `>`: the appropriate end tag of RCDATA,
    /// RAWTEXT and script data (`</name` followed by anything else, or by the end, is text).
    private func atEndTag(_ name: String) -> Bool {
        guard peek() == Self.lessThan, peek(1) == Self.slash else { return false }
        let bytes = Array(name.utf8)
        for (offset, byte) in bytes.enumerated() {
            guard let here = peek(2 + offset), Self.lowercased(here) == byte else { return false }
        }
        guard let after = peek(2 + bytes.count) else { return false }
        return Self.isWhitespace(after) || after == Self.slash || after == Self.greaterThan
    }

    /// Reads the end tag `</name …>` found by `atEndTag` and goes back to the data state. The end tag closes the
    /// RCDATA/RAWTEXT/script element itself, which the tree builder never recorded, so it is not passed on.
    private mutating func closeText(_ name: String) {
        position += 2 + name.utf8.count
        if readTag(isEndTag: true, prefix: Array(name.utf8)) == nil { position = input.count }
        model = .data
    }

    // MARK: Text content

    /// RCDATA and RAWTEXT states: text up to the appropriate end tag.
    private mutating func text(until name: String) {
        while position < input.count {
            if atEndTag(name) {
                closeText(name)
                return
            }
            position += 1
        }
    }

    /// The script data states (§13.2.5.4, §13.2.5.15–33). After `<!--` the script is escaped: there a
    /// `<script` + whitespace, `/` or `>` enters the double-escaped state, in which `</script>` does not end the
    /// script but returns to escaped; `-->` leaves either.
    private mutating func scriptData() {
        enum State {
            case data, escaped, escapedDash, escapedDashDash, doubleEscaped, doubleEscapedDash
            case doubleEscapedDashDash
        }
        var state = State.data
        while let byte = peek() {
            switch state {
            case .data:
                if atEndTag("script") {
                    closeText("script")
                    return
                }
                if lookingAt("<!--") {
                    position += 4
                    state = .escapedDashDash
                    continue
                }
            case .escaped, .escapedDash, .escapedDashDash:
                if byte == Self.lessThan {
                    if atEndTag("script") {
                        closeText("script")
                        return
                    }
                    position += 1
                    if let name = letters(), name == "script", let after = peek(),
                        Self.isWhitespace(after) || after == Self.slash || after == Self.greaterThan
                    {
                        position += 1
                        state = .doubleEscaped
                    } else {
                        state = .escaped
                    }
                    continue
                } else if byte == Self.dash {
                    state = state == .escaped ? .escapedDash : .escapedDashDash
                } else if byte == Self.greaterThan && state == .escapedDashDash {
                    state = .data
                } else {
                    state = .escaped
                }
            case .doubleEscaped, .doubleEscapedDash, .doubleEscapedDashDash:
                if byte == Self.lessThan {
                    position += 1
                    if peek() == Self.slash {
                        position += 1
                        if let name = letters(), name == "script", let after = peek(),
                            Self.isWhitespace(after) || after == Self.slash || after == Self.greaterThan
                        {
                            position += 1
                            state = .escaped
                            continue
                        }
                    }
                    state = .doubleEscaped
                    continue
                } else if byte == Self.dash {
                    state = state == .doubleEscaped ? .doubleEscapedDash : .doubleEscapedDashDash
                } else if byte == Self.greaterThan && state == .doubleEscapedDashDash {
                    state = .data
                } else {
                    state = .doubleEscaped
                }
            }
            position += 1
        }
    }

    /// The ASCII letters from here, lower-cased and consumed (the temporary buffer of the script escape states);
    /// nil when there are none.
    private mutating func letters() -> String? {
        var bytes: [UInt8] = []
        while let byte = peek(), Self.isLetter(byte) {
            bytes.append(Self.lowercased(byte))
            position += 1
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}

/// The part of tree construction that changes how the tokenizer reads what follows: which start tags switch to
/// RCDATA, RAWTEXT, script data or PLAINTEXT, and whether `<![CDATA[` starts a CDATA section. Both depend on
/// whether the current node is an HTML element or one of SVG/MathML, so this keeps a stack of open elements
/// (without `html`, `head` and `body`, always at its bottom) and follows the tree construction dispatcher
/// (§13.2.6), the rules for foreign content (§13.2.6.5), and the "in body" end tag rules that close elements.
/// Implied end tags (a `<p>` closed by a `<div>`) are not modelled: an element left open too long only matters
/// when an end tag inside `<svg>`/`<math>` names it.
private struct HTMLOpenElements {
    /// The namespace an element is created in.
    enum Namespace { case html, svg, mathML }

    /// One open element: its lower-case name, namespace, and whether it is an HTML integration point.
    struct Element {
        var name: String
        var namespace: Namespace
        var htmlIntegrationPoint: Bool

        /// An element for `tag` in `namespace`; MathML `annotation-xml` is an integration point by its encoding.
        init(_ tag: HTMLTagToken, in namespace: Namespace) {
            name = tag.name
            self.namespace = namespace
            switch namespace {
            case .html:
                htmlIntegrationPoint = false
            case .svg:
                htmlIntegrationPoint = ["foreignobject", "desc", "title"].contains(tag.name)
            case .mathML:
                let encoding = tag.attributes.first { $0.name == "encoding" }?.value.lowercased()
                htmlIntegrationPoint =
                    tag.name == "annotation-xml" && ["text/html", "application/xhtml+xml"].contains(encoding)
            }
        }

        /// MathML `mi`, `mo`, `mn`, `ms`, `mtext`.
        var mathMLTextIntegrationPoint: Bool {
            namespace == .mathML && ["mi", "mo", "mn", "ms", "mtext"].contains(name)
        }

        /// An HTML element, or one where HTML content may start again: where breaking out of foreign content stops.
        var admitsHTML: Bool {
            namespace == .html || htmlIntegrationPoint || mathMLTextIntegrationPoint
        }

        /// The "special" category (§13.2.4.2), where the "any other end tag" rule stops looking.
        var special: Bool {
            switch namespace {
            case .html: HTMLOpenElements.specialHTML.contains(name)
            case .svg: htmlIntegrationPoint
            case .mathML: mathMLTextIntegrationPoint || name == "annotation-xml"
            }
        }

        /// The elements that bound "has an element in scope" (§13.2.4.2).
        var scopeBoundary: Bool {
            switch namespace {
            case .html: HTMLOpenElements.scopeHTML.contains(name)
            case .svg: htmlIntegrationPoint
            case .mathML: mathMLTextIntegrationPoint || name == "annotation-xml"
            }
        }
    }

    private var open: [Element] = []

    /// Start tags that end foreign content (§13.2.6.5); `font` only with `color`, `face` or `size`.
    private static let breakout: Set<String> = [
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre",
        "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
    ]
    /// HTML elements that never get an end tag, so are not kept open.
    private static let void: Set<String> = [
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen",
        "link", "meta", "param", "source", "track", "wbr",
    ]
    /// HTML elements in the special category.
    private static let specialHTML: Set<String> = [
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br",
        "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed",
        "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6",
        "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main",
        "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "param",
        "plaintext", "pre", "script", "search", "section", "select", "source", "style", "summary", "table", "tbody",
        "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp",
    ]
    /// `h1`…`h6`: the end tag of one closes any.
    private static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    /// HTML elements that bound the default scope.
    private static let scopeHTML: Set<String> = [
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
    ]
    /// End tags "in body" closes when the element is in scope, past other special elements.
    private static let scopedEndTags: Set<String> = [
        "address", "article", "aside", "blockquote", "button", "center", "details", "dialog", "dir", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "listing", "main", "menu", "nav", "ol",
        "pre", "search", "section", "summary", "ul", "li", "dd", "dt", "p", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "applet", "marquee", "object",
    ]

    /// Whether `<![CDATA[` starts a CDATA section: the current node is not an HTML element.
    var allowsCDATA: Bool { open.last.map { $0.namespace != .html } ?? false }

    /// Records a start tag and returns how the tokenizer reads what follows it.
    mutating func startTag(_ tag: HTMLTagToken) -> HTMLContentModel {
        guard let current = open.last, current.namespace != .html, !current.htmlIntegrationPoint else {
            return htmlStartTag(tag)
        }
        // Foreign content, apart from the dispatcher's cases that go to the HTML rules.
        if current.mathMLTextIntegrationPoint && tag.name != "mglyph" && tag.name != "malignmark" {
            return htmlStartTag(tag)
        }
        if current.namespace == .mathML && current.name == "annotation-xml" && tag.name == "svg" {
            return htmlStartTag(tag)
        }
        let font = tag.name == "font" && tag.attributes.contains { ["color", "face", "size"].contains($0.name) }
        if Self.breakout.contains(tag.name) || font {
            popToHTMLContent()
            return htmlStartTag(tag)
        }
        if !tag.selfClosing { open.append(Element(tag, in: current.namespace)) }
        return .data
    }

    /// Records an end tag read in the data state.
    mutating func endTag(_ name: String) {
        guard let current = open.last else { return }
        if current.namespace == .html {
            htmlEndTag(name)
            return
        }
        if name == "br" || name == "p" {
            popToHTMLContent()
            htmlEndTag(name)
            return
        }
        var index = open.count - 1
        while index >= 0 {
            if open[index].name == name {
                open.removeSubrange(index...)
                return
            }
            index -= 1
            if index >= 0 && open[index].namespace == .html {
                htmlEndTag(name)
                return
            }
        }
        // Nothing of that name is open: ignored.
    }

    /// A start tag by the HTML rules ("in body"): `<svg>`/`<math>` open foreign content, some elements switch the
    /// tokenizer, other non-void elements are kept open.
    private mutating func htmlStartTag(_ tag: HTMLTagToken) -> HTMLContentModel {
        switch tag.name {
        case "svg", "math":
            if !tag.selfClosing { open.append(Element(tag, in: tag.name == "svg" ? .svg : .mathML)) }
            return .data
        case "script":
            return .scriptData
        case "style", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "textarea":
            return .text(until: tag.name)  // RAWTEXT (`noscript` as with scripting on), then RCDATA
        case "plaintext":
            return .plaintext
        default:
            if !Self.void.contains(tag.name) && !["html", "head", "body"].contains(tag.name) {
                open.append(Element(tag, in: .html))
            }
            return .data
        }
    }

    /// An end tag by the HTML rules: closes the innermost open HTML element of its name (any heading for a heading)
    /// unless a special element (a scope boundary, for the end tags "in body" looks up in scope) comes first.
    private mutating func htmlEndTag(_ name: String) {
        for index in open.indices.reversed() {
            let element = open[index]
            let same = element.name == name || Self.headings.contains(name) && Self.headings.contains(element.name)
            if element.namespace == .html && same {
                open.removeSubrange(index...)
                return
            }
            if Self.scopedEndTags.contains(name) ? element.scopeBoundary : element.special { return }
        }
    }

    /// Pops foreign elements until the current node is HTML content again (or nothing recorded is left).
    private mutating func popToHTMLContent() {
        while let last = open.last, !last.admitsHTML { open.removeLast() }
    }
}
