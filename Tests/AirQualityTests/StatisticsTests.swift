import AirQuality
import LantianCore
import Seed
import Testing

@Suite struct DailyStatisticsTests {
    let day = HourStamp.dayNumber(year: 2022, month: 1, day: 10)

    /// Hours ending 01:00 … 24:00 of the day: PM2.5 = 9 + h, O3 = 10·h.
    func hours(dropping dropped: Set<Int> = [], o3Dropped: Set<Int> = []) -> [HourStamp: [Pollutant: Double]] {
        var hours: [HourStamp: [Pollutant: Double]] = [:]
        for h in 1...24 {
            var values: [Pollutant: Double] = [:]
            if !dropped.contains(h) { values[.pm25] = Double(9 + h) }
            if !o3Dropped.contains(h) { values[.o3] = Double(10 * h) }
            hours[HourStamp(dayNumber: day, hour: h)] = values
        }
        // The next day's first hour belongs to the next day, not this one.
        hours[HourStamp(dayNumber: day + 1, hour: 1)] = [.pm25: 1000, .o3: 1000]
        return hours
    }

    @Test func dailyMeanNeedsTwentyHours() {
        // 10 … 33: mean 21.5.
        #expect(DailyStatistics.compute(dayNumber: day, hours: hours()).means[.pm25] == 21.5)
        // Dropping hours 1–4 (10 … 13) leaves 20 values 14 … 33: mean 23.5.
        #expect(DailyStatistics.compute(dayNumber: day, hours: hours(dropping: [1, 2, 3, 4])).means[.pm25] == 23.5)
        let short = DailyStatistics.compute(dayNumber: day, hours: hours(dropping: [1, 2, 3, 4, 5]))
        #expect(short.means[.pm25] == nil)
        #expect(short.invalid.contains { $0.contains("PM2.5") && $0.contains("19/20") })
    }

    /// MDA8: the window ending 24:00 holds 170 … 240, mean 205; the daily maximum 1-hour value is 240.
    @Test func ozoneMaxima() {
        let stats = DailyStatistics.compute(dayNumber: day, hours: hours())
        #expect(stats.o3Max1h == 240)
        #expect(stats.o3Max8h == 205)
    }

    /// With O3 missing at 09–12 and 17–20, only the windows ending 08, 09 and 10 keep ≥ 6 of their 8 hours
    /// (8, 7, 6 hours: means 45, 50, 55 for O3 = 10·h). Three windows are fewer than 14: no MDA8 — unless the
    /// highest of them is above 160 µg/m³: adding 200 to every hour gives 245, 250, 255, and 255 stands.
    @Test func mda8NeedsFourteenWindowsUnlessAboveTheStandard() {
        let missing: Set = [9, 10, 11, 12, 17, 18, 19, 20]
        let low = DailyStatistics.compute(dayNumber: day, hours: hours(o3Dropped: missing))
        #expect(low.o3Max8h == nil)
        #expect(low.invalid.contains { $0.contains("O3 日最大8小时") && $0.contains("3/14") })
        var high = hours(o3Dropped: missing)
        for (stamp, values) in high { if let o3 = values[.o3] { high[stamp]![.o3] = o3 + 200 } }
        #expect(DailyStatistics.compute(dayNumber: day, hours: high).o3Max8h == 255)
    }

    @Test func cityValueIsTheMeanOfItsStations() {
        let a = DailyStatistics(dayNumber: day, means: [.pm25: 40, .pm10: 80], o3Max1h: 100, o3Max8h: 90)
        let b = DailyStatistics(dayNumber: day, means: [.pm25: 50], o3Max1h: nil, o3Max8h: 70)
        let city = DailyStatistics.city([a, b], dayNumber: day)
        #expect(city.means[.pm25] == 45)
        #expect(city.means[.pm10] == 80)
        #expect(city.o3Max1h == 100)
        #expect(city.o3Max8h == 80)
    }

    @Test func hourStampsFollowTheEndOfHourConvention() {
        let closing = HourStamp(timepoint: "2022-01-11T00:00:00")!
        #expect(closing.dayNumber == day)
        #expect(closing.endHour == 24)
        #expect(HourStamp(timepoint: "2022-01-10 01:00:00")!.dayNumber == day)
        #expect(HourStamp(timepoint: "2022-02-30T01:00:00") == nil)
        #expect(HourStamp.dateText(dayNumber: day) == "2022-01-10")
    }
}

@Suite struct PeriodStatisticsTests {
    /// HJ 663 Appendix A on 1 … 10: P95 → k = 1 + 9 × 0.95 = 9.55 → 9 + 0.55 × (10 − 9) = 9.55; P90 → 9.1;
    /// P50 → k = 5.5 → 5.5.
    @Test func percentiles() {
        let values = (1...10).map(Double.init).shuffled()
        #expect(abs(Statistics.percentile(values, 95)! - 9.55) < 1e-12)
        #expect(abs(Statistics.percentile(values, 90)! - 9.1) < 1e-12)
        #expect(Statistics.percentile(values, 50) == 5.5)
        #expect(Statistics.percentile([7], 98) == 7)
        #expect(Statistics.percentile([], 98) == nil)
    }

    @Test func monthlyValidity() {
        #expect(Statistics.monthlyMean(Array(repeating: 40, count: 26), month: 1) == nil)
        #expect(Statistics.monthlyMean(Array(repeating: 40, count: 27), month: 1) == 40)
        #expect(Statistics.monthlyMean(Array(repeating: 40, count: 25), month: 2) == 40)
        #expect(Statistics.monthlyMean(Array(repeating: 40, count: 24), month: 2) == nil)
    }

    /// At exactly the grade-II limits every term is 1: the index is 6.
    @Test func compositeIndex() {
        let atLimits: [Pollutant: Double] = [.pm25: 35, .pm10: 70, .so2: 60, .no2: 40, .co: 4, .o3: 160]
        #expect(Statistics.compositeIndex(atLimits) == 6)
        #expect(Statistics.compositeIndex([.pm25: 35]) == nil)
    }
}

@Suite struct SeasonStatusTests {
    let targets = SeasonStatus.Targets(pm25Mean: 48.7, heavyDays: 7)

    func days(_ pm25: [Double], aqi: [Int: Int] = [:], sandDust: Set<Int> = []) -> [SeasonStatus.Day] {
        pm25.enumerated().map {
            SeasonStatus.Day(
                dayNumber: $0.offset, pm25: $0.element, aqi: aqi[$0.offset] ?? 80,
                sandDust: sandDust.contains($0.offset))
        }
    }

    /// A 10-day season, 5 days in: 60, 40, 50, 70, 30 → sum 250, mean 50. The mean may reach < 48.75 and still
    /// round to 48.7, so the last 5 days must average below (48.75 × 10 − 250) / 5 = 47.5.
    @Test func budgetForTheRemainingDays() {
        let status = SeasonStatus(
            days: days([60, 40, 50, 70, 30], aqi: [3: 250]), firstDay: 0, lastDay: 9, asOfDay: 4, targets: targets)
        #expect(status.elapsedDays == 5 && status.remainingDays == 5)
        #expect(status.pm25Mean == 50)
        #expect(status.remainingBudget == 47.5)
        #expect(status.heavyDays == 1 && status.heavyDaysLeft == 6)
        #expect(status.projectedHeavyDays == 2)
        #expect(status.meetsPM25SoFar == false)
        #expect(!status.outOfReach)
    }

    /// A declared sand-dust day leaves the PM figures and stays in the day counts.
    @Test func sandDustDays() {
        let status = SeasonStatus(
            days: days([60, 40, 50, 70, 30], aqi: [3: 250], sandDust: [3]), firstDay: 0, lastDay: 9, asOfDay: 4,
            targets: targets)
        #expect(status.pm25Mean == 45)  // 180 / 4
        #expect(status.pm25MeanWithSandDust == 50)
        #expect(status.remainingBudget == 51.75)  // (48.75 × 9 − 180) / 5
        #expect(status.heavyDays == 1)
    }

    @Test func outOfReach() {
        // 5 days at 100: (487.5 − 500) / 5 = −2.5.
        let hopeless = SeasonStatus(
            days: days(Array(repeating: 100, count: 5)), firstDay: 0, lastDay: 9, asOfDay: 4, targets: targets)
        #expect(hopeless.remainingBudget == -2.5)
        #expect(hopeless.outOfReach)
        // 5 days at 85: (487.5 − 425) / 5 = 12.5, below the plausible floor of 15.
        let implausible = SeasonStatus(
            days: days(Array(repeating: 85, count: 5)), firstDay: 0, lastDay: 9, asOfDay: 4, targets: targets)
        #expect(implausible.remainingBudget == 12.5)
        #expect(implausible.outOfReach)
    }

    @Test func theTargetIsComparedAtOneDecimal() {
        let meets = SeasonStatus(days: days([48.74, 48.74]), firstDay: 0, lastDay: 1, asOfDay: 1, targets: targets)
        #expect(meets.meetsPM25SoFar == true)
        #expect(!meets.outOfReach)
        let misses = SeasonStatus(days: days([48.75, 48.75]), firstDay: 0, lastDay: 1, asOfDay: 1, targets: targets)
        #expect(misses.meetsPM25SoFar == false)
        #expect(misses.outOfReach)
    }

    /// Jincheng, 2022-01-01 … 2022-03-31: the mean of the four assessment stations' daily PM2.5 (the `pm2_5_24h`
    /// of each next-day T00 row; 白马寺 2165A is the clean-reference station and stays out) is 61.325 µg/m³ over
    /// 90 days (worked out from the CSV independently of this code).
    @Test func jinchengFirstQuarter2022() throws {
        let reading = HourlyReader.read(try SeedAirData.jinchengT00Rows2022, format: .cnemc(.swappedArchive))
        var stations: [Int: [DailyStatistics]] = [:]
        for day in reading.closedDays where day.station != "2165A" {
            stations[day.statistics.dayNumber, default: []].append(day.statistics)
        }
        let city = stations.map { DailyStatistics.city($0.value, dayNumber: $0.key) }
        let first = HourStamp.dayNumber(year: 2022, month: 1, day: 1)
        let last = HourStamp.dayNumber(year: 2022, month: 3, day: 31)
        let status = SeasonStatus(
            days: city.map { SeasonStatus.Day(dayNumber: $0.dayNumber, pm25: $0.means[.pm25], aqi: nil) },
            firstDay: first, lastDay: last, asOfDay: last, targets: targets)
        #expect(status.pm25Days == 90)
        #expect(abs(status.pm25Mean! - 61.325) < 1e-9)
        #expect(status.meetsPM25SoFar == false)
    }
}

@Suite struct SeasonSummaryTests {
    /// Two days: period means (PM2.5 (40+60)/2 = 50, PM10 80, SO2 10, NO2 30), CO P95 of [1.0, 2.0] =
    /// 1.0 + (2.0 − 1.0)·0.95 = 1.95, O3 P90 of [100, 200] = 190; composite 50/35 + 80/70 + 10/60 + 30/40 +
    /// 1.95/4 + 190/160 = 5.16845…. Daily AQI: day 1 PM10 80 → 50 + 50·30/100 = 65 (良); day 2 O3 8h 200 →
    /// 100 + 50·40/55 = 136.4 → 137 (轻度污染).
    @Test func seasonFiguresPerHJ663() {
        let days = [
            DailyStatistics(
                dayNumber: 0, means: [.pm25: 40, .pm10: 80, .so2: 10, .no2: 30, .co: 1.0], o3Max1h: 120, o3Max8h: 100),
            DailyStatistics(
                dayNumber: 1, means: [.pm25: 60, .pm10: 80, .so2: 10, .no2: 30, .co: 2.0], o3Max1h: 210, o3Max8h: 200),
        ]
        let summary = SeasonSummary(days: days)
        #expect(summary.statistics[.pm25] == 50)
        #expect(abs(summary.statistics[.co]! - 1.95) < 1e-12)
        #expect(abs(summary.statistics[.o3]! - 190) < 1e-12)
        let expected = 50.0 / 35 + 80.0 / 70 + 10.0 / 60 + 30.0 / 40 + 1.95 / 4 + 190.0 / 160
        #expect(abs(summary.compositeIndex! - expected) < 1e-12)
        #expect(summary.categoryDays == [.good: 1, .lightlyPolluted: 1])
        #expect(summary.heavyDays == 0)
    }
}
