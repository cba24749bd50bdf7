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

@Suite("Working days (Monday–Friday)")
struct WorkingDayTests {
    @Test("weekdays from the calendar: 2021-12-03 was a Friday, 2022-01-01 a Saturday")
    func weekdays() {
        #expect(CivilDate("2021-12-03")!.weekday == 5)
        #expect(CivilDate("2022-01-01")!.weekday == 6)
        #expect(CivilDate("1969-12-28")!.weekday == 0)
    }

    @Test("20 working days after Friday 3 December 2021 is Friday 31 December; counting back agrees")
    func twenty() {
        let day = CivilDate("2021-12-03")!
        #expect(day.addingWorkingDays(20) == CivilDate("2021-12-31"))
        #expect(day.addingWorkingDays(1) == CivilDate("2021-12-06"), "the weekend is skipped")
        #expect(day.workingDays(to: CivilDate("2021-12-31")!) == 20)
        #expect(CivilDate("2021-12-31")!.workingDays(to: day) == -20)
    }
}
