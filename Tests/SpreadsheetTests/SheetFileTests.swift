import Foundation
import LantianCore
import Testing

@testable import Spreadsheet

@Suite("Uploaded tables: CSV in UTF-8 or GB18030, .xlsx read directly")
struct SheetFileTests {
    func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Resources/\(name)", withExtension: nil))
        return try Data(contentsOf: url)
    }

    @Test("a CSV that WPS wrote in GB18030 reads as the same Chinese text, quoted commas kept")
    func gb18030() throws {
        let rows = try SheetFile.rows(try fixture("stations-gb18030.csv"))
        #expect(
            rows.map(\.cells) == [
                ["编号", "名称", "县区"], ["JC-001", "晋城市泽州县巴公加油站", "泽州县"], ["JC-002", "高平北诗加油站,东", "高平市"],
            ])
        #expect(rows.map(\.line) == [1, 2, 3])
    }

    @Test("a UTF-8 CSV with a byte-order mark: the mark is not part of the first header")
    func utf8BOM() throws {
        let rows = try SheetFile.rows(try fixture("stations-utf8-bom.csv"))
        #expect(rows.first?.cells.first == "编号")
    }

    @Test("bytes that are neither UTF-8 nor GB18030 are refused with a reason")
    func undecodable() {
        #expect(throws: SheetFile.Unreadable.self) { try SheetFile.rows(Data([0x81, 0x20, 0xFF, 0xFF, 0x30])) }
    }

    @Test(
        "an .xlsx as openpyxl and LibreOffice write it: shared and rich strings, numbers, dates, gaps",
        arguments: [
            "stations-openpyxl.xlsx", "stations-libreoffice.xlsx",
        ])
    func xlsx(_ name: String) throws {
        let rows = try SheetFile.rows(try fixture(name))
        #expect(rows.count == 4)
        #expect(rows[0].cells == ["编号", "名称", "县区", "抽样日期", "数量"])
        #expect(rows[1].cells[0...2] == ["JC-001", "晋城市泽州县巴公加油站", "泽州县"])
        // 2021-11-03 is serial 44503 in the 1900 date system.
        #expect(CivilDate(cell: rows[1].cells[3]) == CivilDate("2021-11-03"))
        #expect(rows[1].cells[4] == "12.5")
        #expect(rows[2].cells[1] == "高平北诗加油站")
        #expect(rows[2].cells[4] == "0.001")
        // Row 4 is empty in the sheet: the next row keeps its own number, and B5 is an empty cell.
        #expect(rows[3].line == 5)
        #expect(rows[3].cells[0] == "JC-004")
        #expect(rows[3].cells[1] == "")
        #expect(rows[3].cells[2] == " 阳城县 ")
    }

    @Test("a damaged archive is a clear refusal, not a crash")
    func damaged() throws {
        var data = try fixture("stations-openpyxl.xlsx")
        data.replaceSubrange(200..<1200, with: Data(repeating: 0, count: 1000))
        #expect(throws: SheetFile.Unreadable.self) { try SheetFile.rows(data) }
    }

    @Test("column letters: A is 0, Z 25, AA 26, XFD the last of 16,384")
    func columns() {
        #expect(XLSXReader.columnIndex("A1") == 0)
        #expect(XLSXReader.columnIndex("Z9") == 25)
        #expect(XLSXReader.columnIndex("AA10") == 26)
        #expect(XLSXReader.columnIndex("XFD1") == 16_383)
    }
}
