import AirQuality
import LantianCore
import Testing

/// The import's station-hour and station-day rules, without a database.
@Suite struct StationHourRulesTests {
    private static let day = CivilCalendar.dayNumber(year: 2022, month: 1, day: 10)

    /// Two lines of one station-hour: the later value wins, a value only the earlier one has is kept.
    @Test func laterLinesLayTheirValuesOverEarlierOnes() {
        let a = StationHourKey(station: 1, hour: 100)
        let b = StationHourKey(station: 2, hour: 100)
        let (order, merged) = StationHours.merge(
            keys: [a, b, a],
            values: [PollutantValues(pm25: 40), PollutantValues(pm25: 10), PollutantValues(so2: 7, pm25: 42)])
        #expect(order == [a, b])
        #expect(merged == [PollutantValues(so2: 7, pm25: 42), PollutantValues(pm25: 10)])
    }

    /// A missing value never erases a stored one; a different value replaces it and is a correction with its
    /// old value; a value where none was stored is a correction from nothing.
    @Test func correctionsNameEachReplacedValue() {
        let stored = PollutantValues(so2: 5, pm10: 80, pm25: 40)
        #expect(StationHours.outcome(of: PollutantValues(pm25: 40), over: stored) == .unchanged(stored))
        #expect(StationHours.outcome(of: PollutantValues(), over: stored) == .unchanged(stored))
        #expect(StationHours.outcome(of: PollutantValues(pm25: 41), over: nil) == .insert(PollutantValues(pm25: 41)))
        let outcome = StationHours.outcome(of: PollutantValues(no2: 30, pm25: 44), over: stored)
        #expect(
            outcome
                == .update(
                    PollutantValues(so2: 5, no2: 30, pm10: 80, pm25: 44),
                    corrections: [
                        .init(pollutant: .no2, old: nil, new: 30), .init(pollutant: .pm25, old: 40, new: 44),
                    ]))
    }

    /// A day whose 24 hours are held is computed once touched, and let go; an untouched complete day is only let
    /// go; an incomplete day stays listed as touched for the read-back at the end.
    @Test func completeDaysAreComputedFromHeldHours() {
        var days = StationDayAssembler()
        for hour in 1...24 {
            days.hold(
                station: 1, hour: HourStamp(dayNumber: Self.day, hour: hour),
                values: PollutantValues(pm25: Double(hour)),
                changed: hour == 7)
            days.hold(
                station: 2, hour: HourStamp(dayNumber: Self.day, hour: hour), values: PollutantValues(pm25: 30),
                changed: false)
        }
        days.hold(
            station: 3, hour: HourStamp(dayNumber: Self.day, hour: 1), values: PollutantValues(pm25: 9), changed: true)
        let complete = Set(days.completeHeldDays().map(\.station))
        #expect(complete == [1, 2])
        let computed = days.takeComputed()
        #expect(computed.count == 1)
        // PM2.5 1 … 24: the mean of the day's 24 hours is 12.5 µg/m³.
        #expect(computed[.init(station: 1, day: Self.day)]?.means[.pm25] == 12.5)
        #expect(days.touched[1] == nil)
        #expect(days.touched[3] == [Self.day])
        #expect(days.takeComputed().isEmpty)
    }

    /// HJ 663-2013: 20 valid hours make a daily mean; with 19 the feed's own daily values of the closing row
    /// stand; with neither there is no day.
    @Test func theDayRuleNeedsTwentyHoursOrTheClosingRow() {
        let closing = DailyStatistics(dayNumber: Self.day, means: [.pm25: 55], o3Max1h: nil, o3Max8h: nil)
        let twenty = (1...24).map { $0 <= 20 ? PollutantValues(pm25: 10) : nil }
        let nineteen = (1...24).map { $0 <= 19 ? PollutantValues(pm25: 10) : nil }
        #expect(StationDayAssembler.day(Self.day, storedHours: twenty, closing: closing)?.means[.pm25] == 10)
        #expect(StationDayAssembler.day(Self.day, storedHours: nineteen, closing: closing) == closing)
        #expect(StationDayAssembler.day(Self.day, storedHours: nineteen, closing: nil) == nil)
    }

    /// Incomplete days beyond the bound are dropped from memory (they stay listed as touched).
    @Test func heldDaysAreBounded() {
        var days = StationDayAssembler(maxHeldDays: 10)
        for station in 1...11 {
            days.hold(
                station: station, hour: HourStamp(dayNumber: Self.day, hour: 3), values: PollutantValues(pm25: 1),
                changed: true)
        }
        _ = days.completeHeldDays()
        for hour in 1...24 where hour != 3 {
            days.hold(
                station: 1, hour: HourStamp(dayNumber: Self.day, hour: hour), values: PollutantValues(pm25: 1),
                changed: false)
        }
        // Hour 3 of station 1 was let go with the rest, so its day is 23 hours held: not complete.
        #expect(days.completeHeldDays().isEmpty)
        #expect(days.touched.count == 11)
    }
}
