import Foundation
import Testing
import WordDocument
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The .docx structure Word and WPS insist on: a valid ZIP whose every part is well-formed XML, every
/// relationship pointing at a part that exists, every part with a content type, `[Content_Types].xml` first.
@Suite struct DocxStructureTests {
    static let document = WordDocument(
        title: "关于2022年1月全市大气污染防治攻坚工作情况的通报", author: "办公室",
        blocks: [
            .line("晋城市大气污染防治工作领导组办公室", .center), .title("关于2022年1月的通报"),
            .heading(level: 1, "一、空气质量情况"),
            // Text that must not break the XML: markup characters, quotes, a control character, an emoji.
            .paragraph("PM2.5 <82.5> & \"引号\" 'apos' \u{0001}控制符 🌫"),
            .table(caption: "排名", columns: ["点位", "综合指数"], rows: [["自来水公司", "6.08"], ["a&b", "<1>"]]),
        ])

    static func parts(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        return parts
    }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var text = ""
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append((name, attributes))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    static func parse(_ data: Data) -> Collector? {
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }

    static func xml(_ parts: [String: Data], _ path: String) throws -> Collector {
        let bytes = try #require(parts[path], "no part \(path)")
        return try #require(parse(bytes), "\(path) is not well-formed")
    }

    @Test func everyPartIsWellFormedAndEveryRelationshipResolves() throws {
        let data = try Self.document.docx(created: Date(timeIntervalSince1970: 1_644_000_000))
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let archive = try Archive(data: data, accessMode: .read)
        #expect(Array(archive).first?.path == "[Content_Types].xml")
        let parts = try Self.parts(data)
        for (path, bytes) in parts {
            #expect(Self.parse(bytes) != nil, "\(path) is not well-formed XML")
        }
        // Content types: every part is an Override or has a Default by extension.
        let types = try Self.xml(parts, "[Content_Types].xml")
        let overrides = Set(types.elements.filter { $0.name == "Override" }.compactMap { $0.attributes["PartName"] })
        let defaults = Set(types.elements.filter { $0.name == "Default" }.compactMap { $0.attributes["Extension"] })
        for path in parts.keys where path != "[Content_Types].xml" {
            let ext = String(path.split(separator: ".").last ?? "")
            #expect(overrides.contains("/" + path) || defaults.contains(ext), "\(path) has no content type")
        }
        for name in overrides { #expect(parts[String(name.dropFirst())] != nil, "override for missing \(name)") }
        // Relationships: the package's and the document's targets exist.
        for (rels, base) in [("_rels/.rels", ""), ("word/_rels/document.xml.rels", "word/")] {
            let relationships = try Self.xml(parts, rels)
            let targets = relationships.elements.filter { $0.name == "Relationship" }.compactMap {
                $0.attributes["Target"]
            }
            #expect(!targets.isEmpty)
            for target in targets { #expect(parts[base + target] != nil, "\(rels) → missing \(target)") }
        }
        // The document's r:id references are declared in its relationships.
        let documentRels = try Self.xml(parts, "word/_rels/document.xml.rels")
        let ids = Set(documentRels.elements.compactMap { $0.attributes["Id"] })
        let body = try Self.xml(parts, "word/document.xml")
        for element in body.elements { if let id = element.attributes["r:id"] { #expect(ids.contains(id)) } }
        // The text survived escaping; the control character was dropped; A4 and the footer's page field are there.
        #expect(body.text.contains("PM2.5 <82.5> & \"引号\" 'apos' 控制符 🌫"))
        #expect(body.text.contains("a&b") && body.text.contains("<1>"))
        #expect(
            body.elements.contains {
                $0.name == "w:pgSz" && $0.attributes["w:w"] == "11906" && $0.attributes["w:h"] == "16838"
            })
        #expect(body.elements.filter { $0.name == "w:tbl" }.count == 1)
        #expect(body.elements.contains { $0.name == "w:tblHeader" })
        let footer = try Self.xml(parts, "word/footer1.xml")
        #expect(footer.text.contains(" PAGE "))
        let styles = String(decoding: parts["word/styles.xml"] ?? Data(), as: UTF8.self)
        #expect(styles.contains("w:eastAsia=\"仿宋\"") && styles.contains("w:eastAsia=\"黑体\""))
    }
}
