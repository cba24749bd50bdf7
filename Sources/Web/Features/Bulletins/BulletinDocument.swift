import Assessment
import Plot

/// A bulletin's text as HTML: the issuer and number, the title, the office's opening, the numbered sections
/// with their tables, the requirements and the signature. The page shows it in its frame; ``printable(_:)``
/// makes it a document of its own (the print and HTML downloads, `lantian bulletin --format html`).
public enum BulletinDocument {
    static func body(_ bulletin: Bulletin) -> Node<HTML.BodyContext> {
        .article(
            .class("bulletin"),
            .p(.class("issuer"), .text(bulletin.issuer)),
            .p(.class("doc-number"), .text(bulletin.number?.description ?? "（草稿，未定稿）")),
            .h2(.class("doc-title"), .text(bulletin.title)),
            .forEach(BulletinParagraphs.split(bulletin.paragraphs.opening)) { .p(.text($0)) },
            .forEach(Array(bulletin.sections.enumerated())) { index, section in
                .section(
                    .attr("id", "section-\(section.key)"),
                    .h3(.text("\(Bulletin.chineseNumeral(index + 1))、\(section.heading)")),
                    .forEach(section.blocks) { block in
                        switch block {
                        case .paragraph(let text): return .p(.text(text))
                        case .figures: return .empty
                        case .table(let table): return self.table(table)
                        }
                    })
            },
            .unwrap(requirements(bulletin)) { paragraphs in
                .section(
                    .h3(.text("\(Bulletin.chineseNumeral(bulletin.sections.count + 1))、工作要求")),
                    .forEach(paragraphs) { .p(.text($0)) })
            },
            .p(.class("signature"), .text(bulletin.issuer)),
            .p(.class("signature"), .text(bulletin.issuedOn?.chineseDay ?? "（印发日期待定）"))
        )
    }

    private static func requirements(_ bulletin: Bulletin) -> [String]? {
        let paragraphs = BulletinParagraphs.split(bulletin.paragraphs.requirements)
        return paragraphs.isEmpty ? nil : paragraphs
    }

    private static func table(_ table: BulletinTable) -> Node<HTML.BodyContext> {
        .table(
            .attr("data-table", table.key),
            .caption(.text(table.caption)),
            .tr(.forEach(table.columns) { .th(.text($0)) }),
            .if(table.rows.isEmpty, .tr(.td(.attr("colspan", "\(max(1, table.columns.count))"), .text(table.empty)))),
            .forEach(table.rows) { row in
                .tr(.attr("data-key", row.key), .forEach(row.cells) { .td(.text($0)) })
            })
    }

    /// The printable document's text (`lantian bulletin --format html`): one file, its style sheet inside.
    public static func printableHTML(_ bulletin: Bulletin) -> String { printable(bulletin, linked: false).render() }

    /// The stand-alone printable document: A4, 仿宋 body and 黑体 headings, nothing of the site around it. A file
    /// carries its style sheet inside (a text node, escaped, so its font names go unquoted); the site links
    /// ``SiteURL/bulletinStylesheet`` instead, because its Content-Security-Policy allows no inline style.
    static func printable(_ bulletin: Bulletin, linked: Bool) -> HTML {
        HTML(
            .lang(.chinese),
            .head(
                .encoding(.utf8),
                .element(named: "title", text: bulletin.title),
                linked ? .stylesheet(SiteURL.bulletinStylesheet.path) : .element(named: "style", text: css)
            ),
            .body(body(bulletin))
        )
    }

    static let css = """
        @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
        body { font-family: FangSong, 仿宋, 仿宋_GB2312, STFangsong, serif; font-size: 16pt; line-height: 1.75;
          color: #000; max-width: 156mm; margin: 0 auto; }
        .bulletin .issuer { text-align: center; font-size: 22pt; color: #c00; font-family: SimSun, 宋体, serif;
          margin: 0; }
        .bulletin .doc-number { text-align: center; margin: 0 0 1em; }
        .bulletin .doc-title { text-align: center; font-size: 22pt; font-family: FZXiaoBiaoSong-B05S, 方正小标宋简体,
          SimSun, serif; font-weight: normal; }
        .bulletin h3 { font-family: SimHei, 黑体, sans-serif; font-weight: normal; font-size: 16pt;
          text-indent: 2em; margin: 0.6em 0 0.2em; }
        .bulletin p { text-indent: 2em; margin: 0; text-align: justify; }
        .bulletin p.issuer, .bulletin p.doc-number { text-indent: 0; }
        .bulletin p.signature { text-align: right; text-indent: 0; }
        .bulletin table { border-collapse: collapse; width: 100%; margin: 0.4em 0 0.8em; font-size: 10.5pt;
          line-height: 1.4; page-break-inside: auto; }
        .bulletin caption { font-family: SimHei, 黑体, sans-serif; font-size: 14pt; padding: 0.3em; }
        .bulletin th, .bulletin td { border: 1px solid #000; padding: 2px 4px; }
        .bulletin th { font-family: SimHei, 黑体, sans-serif; font-weight: normal; }
        .bulletin tr { page-break-inside: avoid; }
        """
}
