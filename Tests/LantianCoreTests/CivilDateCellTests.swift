import LantianCore
import Testing

@Suite("Days as spreadsheet cells hold them")
struct CivilDateCellTests {
    @Test("ISO, slashes, dots, Chinese and serial numbers all read as the same day")
    func forms() {
        let day = CivilDate("2021-11-03")
        for text in ["2021-11-03", "2021/11/3", "2021.11.3", "2021年11月3日", "44503", "44503.75", " 2021/11/03 "] {
            #expect(CivilDate(cell: text) == day, "\(text)")
        }
        // 1900-system serials: 25569 is 1970-01-01, so 44562 is 2022-01-01 (a leap-free span).
        #expect(CivilDate(cell: "44562") == CivilDate("2022-01-01"))
    }

    @Test("what is not a day stays nil: quantities, impossible dates, free text")
    func notDays() {
        for text in ["12.5", "600", "2021-02-30", "2021/13/1", "上旬", ""] {
            #expect(CivilDate(cell: text) == nil, "\(text)")
        }
    }
}
