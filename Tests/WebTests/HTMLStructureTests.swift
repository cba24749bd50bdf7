import Testing

/// The test tokenizer (`HTMLStructure`) reads markup the way a browser's HTML tokenizer does.
@Suite struct HTMLStructureTests {
    /// The hostile strings the page tests put into user-controlled fields.
    static let payloads = [
        "\"><script>alert(1)</script>",
        "' autofocus onfocus=alert(1) x='",
        "</title><script>alert(1)</script>",
        "</textarea><svg onload=alert(1)>",
        "javascript:alert(1)",
    ]

    /// Escapes text for an element or a double-quoted attribute value.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    /// A page with `text` in a title, a textarea, a double-quoted value, a single-quoted value, an SVG tooltip and a
    /// link, passed through `escape`.
    static func page(_ text: String, escape: (String) -> String) -> String {
        let value = escape(text)
        return """
            <!DOCTYPE html><html><head><title>\(value) · 蓝天</title></head><body>
            <form><input name="a" value="\(value)"><input name='b' value='\(value)'>
            <textarea name="c">\(value)</textarea></form>
            <svg viewBox="0 0 1 1"><title>\(value)</title><rect width="1"><title>\(value)</title></rect></svg>
            <a href="/search?q=\(value)">\(value)</a></body></html>
            """
    }

    @Test func attributeBreakoutStartsAScript() {
        #expect(HTMLStructure.outline(#"<input value="x"><script>alert(1)</script>">"#) == ["input value", "script"])
    }

    @Test func escapedValueStaysOneAttribute() {
        let html = #"<input value="&quot;&gt;&lt;script&gt;">"#
        #expect(
            HTMLStructure.startTags(html) == [
                HTMLStartTag(
                    name: "input", attributes: [HTMLAttributeToken(name: "value", value: "&quot;&gt;&lt;script&gt;")])
            ])
    }

    @Test func singleQuotesInsideADoubleQuotedValueAreText() {
        let html = #"<input value="' autofocus onfocus=alert(1) x='" required>"#
        #expect(HTMLStructure.outline(html) == ["input value required"])
        #expect(HTMLStructure.startTags(html).first?.value(of: "value") == "' autofocus onfocus=alert(1) x='")
        // The same string in a single-quoted value breaks out.
        let broken = "<input value='' autofocus onfocus=alert(1) x=''>"
        #expect(HTMLStructure.outline(broken) == ["input value autofocus onfocus x"])
    }

    @Test func unquotedValuesEndAtWhitespaceOrGreaterThan() {
        let tags = HTMLStructure.startTags("<a href=/x?y=1&z=2 class=big>go</a><td align=left>")
        #expect(
            tags == [
                HTMLStartTag(
                    name: "a",
                    attributes: [
                        HTMLAttributeToken(name: "href", value: "/x?y=1&z=2"),
                        HTMLAttributeToken(name: "class", value: "big"),
                    ]),
                HTMLStartTag(name: "td", attributes: [HTMLAttributeToken(name: "align", value: "left")]),
            ])
        #expect(HTMLStructure.outline("<input value=x onfocus=alert(1)>") == ["input value onfocus"])
        // Quotes, `<` and `=` are part of an unquoted value; a missing value is empty.
        #expect(
            HTMLStructure.startTags(#"<p a=b"c'd<e=f g=>"#).first?.attributes == [
                HTMLAttributeToken(name: "a", value: #"b"c'd<e=f"#), HTMLAttributeToken(name: "g", value: ""),
            ])
    }

    @Test func titleIsRCDATA() {
        #expect(HTMLStructure.outline("<title>a</title><script>alert(1)</script>") == ["title", "script"])
        #expect(HTMLStructure.outline("<title>&lt;/title&gt;&lt;script&gt;</title>") == ["title"])
        #expect(HTMLStructure.outline("<title><b>x</b></TITLE ><i>") == ["title", "i"])
        // `</titlex>` does not end it, and neither does `</title` at the very end.
        #expect(HTMLStructure.outline("<title></titlex><b></title") == ["title"])
    }

    @Test func textareaIsRCDATA() {
        #expect(HTMLStructure.outline("<textarea><b>x</b><!--</textarea><i>-->") == ["textarea", "i"])
        #expect(
            HTMLStructure.outline("<textarea>&lt;/textarea&gt;&lt;svg onload=alert(1)&gt;</textarea>") == ["textarea"])
        #expect(
            HTMLStructure.outline("<textarea></textarea><svg onload=alert(1)></textarea>") == [
                "textarea", "svg onload",
            ])
    }

    @Test func commentsEndAtTheirClose() {
        #expect(HTMLStructure.outline("<!-- <script>alert(1)</script> --><p>") == ["p"])
        #expect(HTMLStructure.outline("<!-- a -- b --->x<p class=c>") == ["p class"])
        #expect(HTMLStructure.outline("<!--><b><!---><i>") == ["b", "i"])  // abrupt empty comments
        #expect(HTMLStructure.outline("<!-- a --!><i>") == ["i"])
        #expect(HTMLStructure.outline("<!-- <b> -- > still a comment") == [])
    }

    @Test func doctypeAndBogusCommentsEndAtGreaterThan() {
        #expect(HTMLStructure.outline(#"<!DOCTYPE html><html lang="zh"><head>"#) == ["html lang", "head"])
        #expect(HTMLStructure.outline(#"<!doctype html public "a>b"><p>"#) == ["p"])  // `>` ends it even in quotes
        #expect(HTMLStructure.outline(#"<?xml version="1.0"?><p><!x><b></ x><i></><u>"#) == ["p", "b", "i", "u"])
        // Outside SVG/MathML a CDATA section is a bogus comment, ending at the first `>`.
        #expect(HTMLStructure.outline("<![CDATA[<img src=x>]]><p>") == ["p"])
    }

    @Test func scriptAndStyleAreRawText() {
        let script = #"<script>if (a<b) { x = "<b>bold</b><!-- x" }</script><p>"#
        #expect(HTMLStructure.outline(script) == ["script", "p"])
        #expect(HTMLStructure.outline("<SCRIPT type=module>a</script\t><i>") == ["script type", "i"])
        #expect(HTMLStructure.outline("<style>a<b>{}</styles></style x='>'><p>") == ["style", "p"])
        // After `<!--`, a `<script>` makes the next `</script>` part of the script.
        #expect(HTMLStructure.outline("<script><!--<script></script><b></script><i>") == ["script", "i"])
        #expect(HTMLStructure.outline("<script><!--</script><b>-->") == ["script", "b"])
        #expect(HTMLStructure.outline("<script><!--<script>--></script><i>") == ["script", "i"])
    }

    @Test func duplicateAttributesKeepTheFirst() {
        let tags = HTMLStructure.startTags(#"<input value="a" VALUE='b' onfocus=x Onfocus=y>"#)
        #expect(
            tags == [
                HTMLStartTag(
                    name: "input",
                    attributes: [
                        HTMLAttributeToken(name: "value", value: "a"), HTMLAttributeToken(name: "onfocus", value: "x"),
                    ])
            ])
    }

    @Test func slashesAndMissingSpaces() {
        let tags = HTMLStructure.startTags(#"<br/><IMG/src="x"/alt=y /><a href="x"onclick="y">"#)
        #expect(tags.map(\.description) == [#"<br />"#, #"<img src="x" alt="y" />"#, #"<a href="x" onclick="y">"#])
        #expect(HTMLStructure.outline(#"<div a<b=c "d=e>"#) == [#"div a<b "d"#])
    }

    @Test func lessThanWithoutATagIsText() {
        #expect(HTMLStructure.outline("a < b <3 <= c <- <é> <") == [])
        #expect(HTMLStructure.outline(#"<input value="x"#) == [])  // cut off by the end: dropped
        #expect(HTMLStructure.outline(#"<p></p title=">"><i>"#) == ["p", "i"])  // end-tag attributes are read
    }

    @Test func svgContentIsTokenized() {
        // An SVG `<title>` is not RCDATA: markup inside it is markup.
        #expect(HTMLStructure.outline("<svg><title><b>x</b></title></svg>") == ["svg", "title", "b"])
        #expect(
            HTMLStructure.outline("<svg><title>&lt;b&gt;</title></svg><title><i></title>") == ["svg", "title", "title"])
        #expect(
            HTMLStructure.outline("<svg><rect/><style><img src=x onerror=alert(1)></style></svg>") == [
                "svg", "rect", "style", "img src onerror",
            ])
        // Once the SVG is closed (or broken out of), `<title>` and `<textarea>` are RCDATA again.
        #expect(HTMLStructure.outline("<svg><g></g></svg><textarea><b></textarea>") == ["svg", "g", "textarea"])
        #expect(HTMLStructure.outline("<svg><g><p><title><b></title>") == ["svg", "g", "p", "title"])
        // An end tag of an element around the SVG closes it too; `<font>` breaks out only with color, face or size.
        #expect(
            HTMLStructure.outline("<div><svg><g></div><textarea><b></textarea>") == ["div", "svg", "g", "textarea"])
        #expect(HTMLStructure.outline("<h2><svg></h1><title><b></title>") == ["h2", "svg", "title"])
        #expect(HTMLStructure.outline("<svg><font color=red><title><b></title>") == ["svg", "font color", "title"])
        #expect(HTMLStructure.outline("<svg><font><title><b></title>") == ["svg", "font", "title", "b"])
        // In foreign content CDATA is text; `<svg/>` opens nothing.
        #expect(HTMLStructure.outline("<svg><![CDATA[</svg><img>]]></svg><p>") == ["svg", "p"])
        #expect(HTMLStructure.outline("<svg/><title><b></title>") == ["svg", "title"])
        // Inside `foreignObject` HTML rules apply again.
        #expect(
            HTMLStructure.outline("<svg><foreignObject><textarea><b></textarea>") == [
                "svg", "foreignobject", "textarea",
            ])
        #expect(HTMLStructure.outline("<math><mtext><style><b></style></mtext></math>") == ["math", "mtext", "style"])
    }

    @Test func escapedPagesKeepTheirStructure() {
        let benign = HTMLStructure.outline(Self.page("PM2.5 日报", escape: Self.escape))
        #expect(benign.count == 13)
        for payload in Self.payloads {
            #expect(HTMLStructure.outline(Self.page(payload, escape: Self.escape)) == benign, "\(payload)")
        }
        // Unescaped, every payload but the URL one changes the structure.
        for payload in Self.payloads.dropLast() {
            let unescaped = HTMLStructure.outline(Self.page(payload, escape: { $0 }))
            #expect(unescaped != benign, "\(payload)")
        }
    }
}
