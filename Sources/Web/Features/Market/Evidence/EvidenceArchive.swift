import Foundation
import LantianCore
import Plot
import ZIPFoundation

/// “相关资料整理到位，迎接上级考核”: one ZIP per sampling plan or special action — an HTML index that opens in any
/// browser without a server, CSV tables of the records, and every attached document under `documents/`.
struct EvidenceArchive {
    struct Entry {
        var path: String
        var data: Data
    }

    /// A section of the index: a heading, a paragraph, and a table whose cells may link to files in the archive.
    struct Section {
        var title: String
        var text: String
        var header: [String]
        var rows: [[Cell]]
    }

    struct Cell {
        var text: String
        var link: String?

        init(_ text: String, link: String? = nil) {
            self.text = text
            self.link = link
        }
    }

    var title: String
    var generated: String
    var sections: [Section]
    var tables: [(name: String, header: [String], rows: [[String]])]
    var documents: [Entry]

    /// The index page, self-contained (its styles inline).
    func index() -> String {
        HTML(
            .lang(.chinese),
            .head(
                .encoding(.utf8), .element(named: "title", text: title),
                .element(
                    named: "style",
                    text:
                        "body{font-family:sans-serif;margin:24px;color:#1c2733}table{border-collapse:collapse;margin:8px 0 20px}"
                        + "th,td{border:1px solid #ccd5e0;padding:4px 8px;font-size:13px;vertical-align:top}th{background:#eef2f7}"
                )
            ),
            .body(
                .h1(.text(title)), .p(.text("生成时间：\(generated)（北京时间）。本文件夹中的表格和文件即下表所列。")),
                .ul(.forEach(tables) { table in .li(.a(.attr("href", table.name), .text(table.name))) }),
                .forEach(sections) { section in
                    .group(
                        .h2(.text(section.title)), .if(!section.text.isEmpty, .p(.text(section.text))),
                        .if(
                            !section.rows.isEmpty,
                            .table(
                                .tr(.forEach(section.header) { .th(.text($0)) }),
                                .forEach(section.rows) { row in
                                    .tr(
                                        .forEach(row) { cell in
                                            .td(
                                                cell.link.map { .a(.attr("href", $0), .text(cell.text)) }
                                                    ?? .text(cell.text))
                                        })
                                })))
                })
        ).render()
    }

    /// The archive's bytes: `index.html`, the CSV tables (UTF-8 with a byte-order mark, as Excel and WPS open
    /// them) and the documents.
    func zip() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        var entries = [Entry(path: "index.html", data: Data(index().utf8))]
        for table in tables {
            let text =
                "\u{FEFF}"
                + ([CSVWriter.record(table.header)]
                + table.rows.map { CSVWriter.record($0.map(CSVWriter.spreadsheetField)) })
                .joined(separator: "\r\n") + "\r\n"
            entries.append(Entry(path: table.name, data: Data(text.utf8)))
        }
        entries += documents
        for entry in entries {
            let data = entry.data
            try archive.addEntry(
                with: entry.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return bytes
    }

    /// A document's path in the archive: `documents/<batch>/<id>-<file name>`, slashes and dots that could climb
    /// out of the folder replaced.
    static func path(folder: String, id: UUID, fileName: String) -> String {
        func safe(_ text: String) -> String {
            String(text.map { "/\\:*?\"<>|".contains($0) ? "_" : $0 }).replacingOccurrences(of: "..", with: "_")
        }
        return "documents/\(safe(folder))/\(id.uuidString.prefix(8))-\(safe(fileName))"
    }
}
