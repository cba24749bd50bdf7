import Campaign
import Foundation
import LantianCore
import Testing

/// "各县（市、区）、市直各相关单位于每月 5 日前报送进展情况" — due on the 5th, 23:59 Asia/Shanghai (UTC+8).
@Suite struct ReportingCalendarTests {
    let calendar = ReportingCalendar(
        timeZone: "Asia/Shanghai", rule: ReportingRule(dueDay: 5, dueHour: 23, dueMinute: 59),
        periodStart: CivilDate(year: 2021, month: 10, day: 1)!, periodEnd: CivilDate(year: 2022, month: 3, day: 31)!)!
    let october = ReportMonth(year: 2021, month: 10)!

    func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func octoberReportIsDueOnTheFifthOfNovember() {
        #expect(calendar.lateFrom(october) == at("2021-11-05T16:00:00Z"))  // 2021-11-06 00:00 +08:00
    }

    @Test(arguments: [
        ("2021-11-05T23:58:59+08:00", false),
        ("2021-11-05T23:59:00+08:00", false),
        ("2021-11-05T23:59:59+08:00", false),
        ("2021-11-06T00:00:00+08:00", true),
        ("2021-11-05T16:00:00Z", true),
        ("2021-11-05T15:59:59Z", false),
    ])
    func lateness(submitted: String, late: Bool) {
        #expect(calendar.isLate(submittedAt: at(submitted), for: october) == late)
    }

    @Test func decemberReportIsDueInJanuaryOfTheNextYear() {
        #expect(calendar.lateFrom(ReportMonth(year: 2021, month: 12)!) == at("2022-01-06T00:00:00+08:00"))
    }

    @Test func reportMonthsRunFromThePeriodStartToTheDeadline() {
        let months = calendar.reportMonths(until: CivilDate(year: 2021, month: 12, day: 31)!).map(\.description)
        #expect(months == ["2021-10", "2021-11", "2021-12"])
        #expect(calendar.reportMonths(until: CivilDate(year: 2023, month: 1, day: 1)!).count == 6)
    }

    @Test func latestDueMonthChangesAtMidnightAfterTheFifth() {
        let deadline = CivilDate(year: 2022, month: 3, day: 31)!
        #expect(calendar.latestDueMonth(asOf: at("2021-11-05T23:59:59+08:00"), until: deadline) == nil)
        #expect(calendar.latestDueMonth(asOf: at("2021-11-06T00:00:00+08:00"), until: deadline) == october)
        #expect(
            calendar.latestDueMonth(asOf: at("2022-01-06T00:00:00+08:00"), until: deadline)
                == ReportMonth(year: 2021, month: 12))
    }

    @Test func deadlineDayIsInclusive() {
        let deadline = CivilDate(year: 2021, month: 12, day: 31)!
        #expect(calendar.endOfDay(deadline) == at("2022-01-01T00:00:00+08:00"))
        #expect(calendar.elapsedShare(asOf: at("2021-10-01T00:00:00+08:00"), until: deadline) == 0)
        #expect(calendar.elapsedShare(asOf: at("2022-01-01T00:00:00+08:00"), until: deadline) == 1)
        // 2021-10-01 … 2021-12-31 is 92 days; 46 days in is half way.
        #expect(calendar.elapsedShare(asOf: at("2021-11-16T00:00:00+08:00"), until: deadline) == 0.5)
    }

    @Test func civilDatesRoundTrip() {
        let date = CivilDate(year: 2024, month: 2, day: 29)!
        #expect(CivilDate(dayNumber: date.dayNumber) == date)
        #expect(date.adding(days: 1) == CivilDate(year: 2024, month: 3, day: 1))
        #expect(CivilDate("2022-02-29") == nil)
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
    }
}
