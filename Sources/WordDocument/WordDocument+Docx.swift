import Foundation
import ZIPFoundation

extension WordDocument {
    /// The .docx bytes: `[Content_Types].xml`, the package and document relationships, the document, its styles,
    /// settings, font table and footer, and the core and app properties — every part well-formed XML, every
    /// relationship pointing at a part that exists.
    public func docx(created: Date) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts(created: created) {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return bytes
    }

    /// The package's parts by path, in the order they are written ([Content_Types].xml first, as readers expect).
    public func parts(created: Date) -> [(path: String, text: String)] {
        [
            ("[Content_Types].xml", DocxParts.contentTypes),
            ("_rels/.rels", DocxParts.packageRelationships),
            ("docProps/core.xml", DocxParts.core(title: title, author: author, created: created)),
            ("docProps/app.xml", DocxParts.app),
            ("word/_rels/document.xml.rels", DocxParts.documentRelationships),
            ("word/document.xml", documentXML()),
            ("word/styles.xml", DocxParts.styles),
            ("word/settings.xml", DocxParts.settings),
            ("word/fontTable.xml", DocxParts.fontTable),
            ("word/footer1.xml", DocxParts.footer),
        ]
    }

    func documentXML() -> String {
        var body = ""
        for block in blocks {
            switch block {
            case .title(let text): body += DocxParts.paragraph(text, style: "Title")
            case .line(let text, let alignment): body += DocxParts.paragraph(text, style: "Plain", alignment: alignment)
            case .heading(let level, let text):
                body += DocxParts.paragraph(text, style: level <= 1 ? "Heading1" : "Heading2")
            case .paragraph(let text): body += DocxParts.paragraph(text, style: "BodyText")
            case .table(let caption, let columns, let rows):
                body += DocxParts.paragraph(caption, style: "Caption")
                body += DocxParts.table(columns: columns, rows: rows)
                body += DocxParts.paragraph("", style: "Plain")
            }
        }
        return DocxParts.xmlHeader
            + "<w:document xmlns:w=\"\(DocxParts.w)\" xmlns:r=\"\(DocxParts.r)\"><w:body>" + body
            + DocxParts.sectionProperties + "</w:body></w:document>"
    }
}
