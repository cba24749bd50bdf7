import Foundation

/// The fixed parts of a .docx and the pieces of WordprocessingML the document is built from. Text reaches the
/// XML only through ``escaped(_:)``.
enum DocxParts {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// `text` as XML character data: the five special characters escaped, and the characters XML 1.0 does not
    /// allow (controls other than tab and line feed, lone surrogates cannot occur in a Swift string) left out.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func paragraph(_ text: String, style: String, alignment: WordDocument.Alignment? = nil) -> String {
        let jc = alignment.map { "<w:jc w:val=\"\($0.rawValue)\"/>" } ?? ""
        let run = text.isEmpty ? "" : "<w:r><w:t xml:space=\"preserve\">\(escaped(text))</w:t></w:r>"
        return "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/>\(jc)</w:pPr>\(run)</w:p>"
    }

    /// A table across the text width, borders on every cell, the first row a header repeated on each page.
    static func table(columns: [String], rows: [[String]]) -> String {
        let width = 8845  // A4 text width in twips at 28 + 26 mm margins: 11906 − 1587 − 1474
        let count = max(1, columns.count)
        let cellWidth = width / count
        var xml =
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"GridTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
            + "<w:tblLayout w:type=\"autofit\"/></w:tblPr><w:tblGrid>"
            + String(repeating: "<w:gridCol w:w=\"\(cellWidth)\"/>", count: count) + "</w:tblGrid>"
        func row(_ cells: [String], header: Bool) -> String {
            let padded = cells + Array(repeating: "", count: max(0, count - cells.count))
            let properties =
                header ? "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>"
            return "<w:tr>\(properties)"
                + padded.prefix(count).map { cell in
                    "<w:tc><w:tcPr><w:tcW w:w=\"\(cellWidth)\" w:type=\"dxa\"/></w:tcPr>"
                        + paragraph(cell, style: header ? "TableHeader" : "TableText") + "</w:tc>"
                }.joined() + "</w:tr>"
        }
        xml += row(columns, header: true)
        for cells in rows { xml += row(cells, header: false) }
        return xml + "</w:tbl>"
    }

    /// A4 portrait; GB/T 9704-2012 §5.2.1 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm) in twips;
    /// the footer with the page number.
    static let sectionProperties =
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>"
        + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        + "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
        + "<w:pgNumType w:start=\"1\"/><w:docGrid w:type=\"lines\" w:linePitch=\"579\"/></w:sectPr>"

    static let contentTypes =
        xmlHeader
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
        + "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
        + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
        + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        + "</Types>"

    static let packageRelationships =
        xmlHeader
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    static let documentRelationships =
        xmlHeader
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
        + "<Relationship Id=\"rIdFonts\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>"
        + "<Relationship Id=\"rIdFooter1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
        + "</Relationships>"

    static func core(title: String, author: String, created: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let stamp = formatter.string(from: created)
        return xmlHeader
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(escaped(title))</dc:title><dc:creator>\(escaped(author))</dc:creator>"
            + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:created>"
            + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:modified></cp:coreProperties>"
    }

    static let app =
        xmlHeader
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        + "<Application>Lantian</Application></Properties>"

    static let settings =
        xmlHeader
        + "<w:settings xmlns:w=\"\(w)\"><w:defaultTabStop w:val=\"420\"/>"
        + "<w:characterSpacingControl w:val=\"compressPunctuation\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" "
        + "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>"

    /// The fonts the styles name, with the names other systems know them by (WPS and Word on Windows carry
    /// 仿宋 and 黑体; 方正小标宋简体 falls back to 宋体 where missing).
    static let fontTable =
        xmlHeader
        + "<w:fonts xmlns:w=\"\(w)\">"
        + font("仿宋", alt: "FangSong") + font("黑体", alt: "SimHei") + font("楷体", alt: "KaiTi")
        + font("方正小标宋简体", alt: "宋体") + font("宋体", alt: "SimSun")
        + "<w:font w:name=\"Times New Roman\"><w:family w:val=\"roman\"/></w:font></w:fonts>"

    private static func font(_ name: String, alt: String) -> String {
        "<w:font w:name=\"\(name)\"><w:altName w:val=\"\(alt)\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/></w:font>"
    }

    /// `— 1 —`, centred, with the PAGE field (GB/T 9704-2012 §7.5: 4号半角宋体阿拉伯数字, a dash each side).
    static let footer =
        xmlHeader
        + "<w:ftr xmlns:w=\"\(w)\" xmlns:r=\"\(r)\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>"
        + "<w:r><w:t xml:space=\"preserve\">— </w:t></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        + "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>"

    /// Sizes in half-points: 二号 22 pt = 44, 三号 16 pt = 32, 四号 14 pt = 28, 五号 10.5 pt = 21.
    static let styles =
        xmlHeader
        + "<w:styles xmlns:w=\"\(w)\">"
        + "<w:docDefaults><w:rPrDefault><w:rPr>"
        + fonts(eastAsia: "仿宋")
        + "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
        + "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        + style("Normal", name: "Normal", paragraph: "", run: "", basedOn: nil, isDefault: true)
        + style("Plain", name: "Plain Text Line", paragraph: "", run: "")
        + style(
            "Title", name: "Title",
            paragraph:
                "<w:spacing w:before=\"240\" w:after=\"240\" w:line=\"700\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
            run: fonts(eastAsia: "方正小标宋简体") + "<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>")
        + style(
            "Heading1", name: "heading 1",
            paragraph: "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:outlineLvl w:val=\"1\"/>",
            run: fonts(eastAsia: "黑体"))
        + style(
            "Heading2", name: "heading 2",
            paragraph: "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:outlineLvl w:val=\"2\"/>",
            run: fonts(eastAsia: "楷体"))
        + style(
            "BodyText", name: "Body Text",
            paragraph: "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/>",
            run: "")
        + style(
            "Caption", name: "caption",
            paragraph:
                "<w:keepNext/><w:spacing w:before=\"120\" w:line=\"400\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/>",
            run: fonts(eastAsia: "黑体") + "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>")
        + style(
            "TableHeader", name: "Table Header",
            paragraph: "<w:spacing w:line=\"300\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
            run: fonts(eastAsia: "黑体") + "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>")
        + style(
            "TableText", name: "Table Text", paragraph: "<w:spacing w:line=\"300\" w:lineRule=\"auto\"/>",
            run: "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>")
        + style(
            "Footer", name: "footer", paragraph: "<w:jc w:val=\"center\"/>",
            run: fonts(eastAsia: "宋体") + "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>")
        + "<w:style w:type=\"table\" w:styleId=\"GridTable\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>"
        + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
            "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }.joined()
        + "</w:tblBorders><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        + "</w:styles>"

    private static func fonts(eastAsia: String) -> String {
        "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"\(eastAsia)\" w:cs=\"Times New Roman\"/>"
    }

    private static func style(
        _ id: String, name: String, paragraph: String, run: String, basedOn: String? = "Normal", isDefault: Bool = false
    ) -> String {
        "<w:style w:type=\"paragraph\"\(isDefault ? " w:default=\"1\"" : "") w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
            + (basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "") + "<w:qFormat/>"
            + (paragraph.isEmpty ? "" : "<w:pPr>\(paragraph)</w:pPr>") + (run.isEmpty ? "" : "<w:rPr>\(run)</w:rPr>")
            + "</w:style>"
    }
}
