import Foundation
import LantianCore
import XMLCoder
import ZIPFoundation

/// Reads the first worksheet of an .xlsx workbook (Office Open XML, as Excel and WPS save it) into rows of text,
/// with ZIPFoundation for the archive and XMLCoder for its parts; no converter. Shared strings, inline strings
/// and rich-text runs become their plain text; numbers keep the text the file stores (Excel writes the shortest
/// text that reads back as the same double, so a typed `0.0010` arrives as `0.001`); dates arrive as the serial
/// day number Excel stores (``LantianCore/CivilDate/init(cell:)`` reads both).
enum XLSXReader {
    /// The most any one part may inflate to: a workbook of a few thousand rows is a few MiB; a ZIP bomb is not read.
    static let maxPartBytes = 64 << 20

    static func firstSheet(_ data: Data) throws(SheetFile.Unreadable) -> [SheetRow] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw SheetFile.Unreadable(reason: "不是有效的 .xlsx 文件（ZIP 结构损坏）")
        }
        let decoder = XMLDecoder()
        decoder.shouldProcessNamespaces = true
        decoder.trimValueWhitespaces = false
        let strings: [String]
        if let part = try part("xl/sharedStrings.xml", in: archive) {
            do { strings = try decoder.decode(SharedStrings.self, from: part).si?.map(\.text) ?? [] } catch {
                throw SheetFile.Unreadable(reason: "xl/sharedStrings.xml 无法读取：\(error)")
            }
        } else {
            strings = []
        }
        guard let sheetPath = try firstSheetPath(in: archive, decoder: decoder),
            let sheetData = try part(sheetPath, in: archive)
        else { throw SheetFile.Unreadable(reason: ".xlsx 文件中没有工作表") }
        let sheet: Worksheet
        do { sheet = try decoder.decode(Worksheet.self, from: sheetData) } catch {
            throw SheetFile.Unreadable(reason: "\(sheetPath) 无法读取：\(error)")
        }
        var rows: [SheetRow] = []
        var nextLine = 1
        for row in sheet.sheetData.row ?? [] {
            let line = row.r ?? nextLine
            nextLine = line + 1
            var cells: [String] = []
            var nextColumn = 0
            for cell in row.c ?? [] {
                let column = cell.r.flatMap(columnIndex) ?? nextColumn
                nextColumn = column + 1
                guard column < 16_384 else { continue }
                if cells.count <= column { cells += Array(repeating: "", count: column + 1 - cells.count) }
                cells[column] = text(of: cell, strings: strings)
            }
            rows.append(SheetRow(line: line, cells: cells))
        }
        return rows
    }

    private static func text(of cell: Cell, strings: [String]) -> String {
        switch cell.t {
        case "s": return Int(cell.v?.value ?? "").flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
        case "inlineStr": return cell.is?.text ?? ""
        case "b": return cell.v?.value == "1" ? "TRUE" : "FALSE"
        default: return cell.v?.value ?? ""
        }
    }

    /// `B12` → 1 (0-based column).
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }

    /// The workbook's first sheet, through its relationships; `xl/worksheets/sheet1.xml` when they are missing.
    private static func firstSheetPath(in archive: Archive, decoder: XMLDecoder) throws(SheetFile.Unreadable)
        -> String?
    {
        guard let workbookData = try part("xl/workbook.xml", in: archive),
            let relsData = try part("xl/_rels/workbook.xml.rels", in: archive),
            let workbook = try? decoder.decode(Workbook.self, from: workbookData),
            let rels = try? decoder.decode(Relationships.self, from: relsData),
            let first = workbook.sheets.sheet.first,
            let target = rels.relationship.first(where: { $0.id == first.id })?.target
        else { return "xl/worksheets/sheet1.xml" }
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        return "xl/" + target
    }

    private static func part(_ path: String, in archive: Archive) throws(SheetFile.Unreadable) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= UInt64(maxPartBytes) else {
            throw SheetFile.Unreadable(reason: "\(path) 解压后超过 \(maxPartBytes >> 20) MiB")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                guard data.count + chunk.count <= maxPartBytes else { throw SheetFile.Unreadable(reason: "") }
                data.append(chunk)
            }
        } catch {
            throw SheetFile.Unreadable(reason: "\(path) 解压失败（超过 \(maxPartBytes >> 20) MiB 或已损坏）")
        }
        return data
    }
}

// The parts of SpreadsheetML this reader needs (ECMA-376 Part 1, §18.3 worksheets, §18.4 shared strings).

private struct Workbook: Decodable {
    struct Sheets: Decodable { var sheet: [Sheet] }
    struct Sheet: Decodable {
        var id: String
        enum CodingKeys: String, CodingKey { case id }
    }
    var sheets: Sheets
}

private struct Relationships: Decodable {
    struct Relationship: Decodable {
        var id: String
        var target: String
        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case target = "Target"
        }
    }
    var relationship: [Relationship]
    enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
}

/// Text content of an element that may carry attributes (`<t xml:space="preserve">`).
private struct Content: Decodable {
    var value: String
    enum CodingKeys: String, CodingKey { case value = "" }
    init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: CodingKeys.self),
            let value = try? keyed.decode(String.self, forKey: .value)
        {
            self.value = value
        } else {
            value = (try? decoder.singleValueContainer().decode(String.self)) ?? ""
        }
    }
}

/// A string item: plain `<t>` or rich-text runs `<r><t>…</t></r>`; phonetic runs (`<rPh>`) are left out.
private struct StringItem: Decodable {
    struct Run: Decodable { var t: Content? }
    var t: Content?
    var r: [Run]?
    var text: String { t?.value ?? (r ?? []).map { $0.t?.value ?? "" }.joined() }
}

private struct SharedStrings: Decodable { var si: [StringItem]? }

private struct Worksheet: Decodable {
    struct SheetData: Decodable { var row: [Row]? }
    var sheetData: SheetData
}

private struct Row: Decodable {
    var r: Int?
    var c: [Cell]?
}

private struct Cell: Decodable {
    var r: String?
    var t: String?
    var v: Content?
    var `is`: StringItem?
}
