import AirQuality
import Testing

/// HJ 633-2012 Table 1 at its breakpoints, both sides, worked by hand from the table:
/// IAQI = (IH − IL)/(BPH − BPL) × (C − BPL) + IL, concentrations rounded first, IAQI rounded up.
@Suite struct IAQITests {
    let standard = AQIStandard.hj633

    func iaqi(_ c: Double, _ p: Pollutant, _ a: Averaging) -> IAQI { standard.iaqi(c, on: IAQIColumn(p, a)) }

    @Test(arguments: [
        // PM2.5 24h: 0 35 75 115 150 250 350 500
        (0.0, 0), (35, 50), (36, 52), (75, 100), (76, 102), (100, 132), (115, 150), (116, 152), (150, 200),
        (151, 201), (250, 300), (250.9, 301), (251, 301), (350, 400), (351, 401), (499, 500), (500, 500),
    ])
    func pm25(concentration: Double, expected: Int) {
        #expect(iaqi(concentration, .pm25, .hour24) == .value(expected))
    }

    /// The season target's own value: 48.7 rounds to 49, and 50 + (100 − 50)/(75 − 35) × (49 − 35) = 67.5 → 68.
    /// (The reference notes give 68.75 → 69 for the rounded case: 1.25 × 14 is 17.5, not 18.75.)
    @Test func seasonTargetValue() {
        #expect(iaqi(48.7, .pm25, .hour24) == .value(68))
    }

    /// CNEMC publishes PM10 74 → 62, 85 → 68, 118 → 84 (the 24h column on a 1-hour value).
    @Test(arguments: [
        (74.0, 62), (85, 68), (118, 84), (50, 50), (51, 51), (150, 100), (151, 101), (250, 150),
        (350, 200), (351, 202), (420, 300), (421, 302), (500, 400), (600, 500),
    ])
    func pm10(concentration: Double, expected: Int) {
        #expect(iaqi(concentration, .pm10, .hour24) == .value(expected))
    }

    @Test func aboveTheTopIsReportedAs500() {
        #expect(iaqi(501, .pm25, .hour24) == .beyondTable(500))
        #expect(iaqi(601, .pm10, .hour24) == .beyondTable(500))
        #expect(iaqi(1201, .o3, .hour1) == .beyondTable(500))
    }

    /// SO2 1h above 800 and O3 8h above 800 have no sub-index on those columns.
    @Test func columnsThatStopAt800() {
        #expect(iaqi(800, .so2, .hour1) == .value(200))
        #expect(iaqi(801, .so2, .hour1) == .noSubIndex)
        #expect(iaqi(800, .o3, .hour8) == .value(300))
        #expect(iaqi(801, .o3, .hour8) == .noSubIndex)
        #expect(iaqi(265, .o3, .hour8) == .value(200))
        #expect(iaqi(266, .o3, .hour8) == .value(201))  // 200 + 100/535 → 200.19 → 201
    }

    /// CO in mg/m³ to one decimal, round half to even first.
    @Test func carbonMonoxide() {
        #expect(iaqi(2, .co, .hour24) == .value(50))
        #expect(iaqi(2.1, .co, .hour24) == .value(53))  // 50 + 50/2 × 0.1 = 52.5 → 53
        #expect(iaqi(0.15, .co, .hour24) == .value(5))  // 0.15 → 0.2 (half to even) → 5
        #expect(iaqi(0.25, .co, .hour24) == .value(5))  // 0.25 → 0.2 → 5
        #expect(iaqi(10, .co, .hour1) == .value(100))
        #expect(iaqi(10.1, .co, .hour1) == .value(101))  // 100 + 50/25 × 0.1 = 100.2 → 101
    }

    @Test(arguments: [
        (Pollutant.so2, Averaging.hour24, 150.0, 100), (.so2, .hour24, 151, 101), (.so2, .hour1, 150, 50),
        (.so2, .hour1, 151, 51),
        (.no2, .hour24, 40, 50), (.no2, .hour24, 41, 52), (.no2, .hour1, 200, 100), (.no2, .hour1, 201, 101),
        (.o3, .hour1, 160, 50), (.o3, .hour1, 161, 52), (.o3, .hour8, 100, 50), (.o3, .hour8, 101, 51),
    ])
    func otherColumns(pollutant: Pollutant, averaging: Averaging, concentration: Double, expected: Int) {
        #expect(iaqi(concentration, pollutant, averaging) == .value(expected))
    }

    @Test func missingOrNegativeIsInvalid() {
        #expect(iaqi(-1, .pm25, .hour24) == .invalid)
        #expect(iaqi(.nan, .pm25, .hour24) == .invalid)
    }
}

@Suite struct AQIResultTests {
    let standard = AQIStandard.hj633

    @Test func primaryPollutantsAndTies() {
        // PM10 150 → 100 and PM2.5 75 → 100: a tie, both primary; nothing exceeds 100.
        let tie = standard.hourlyAQI(HourlyConcentrations([.pm10: 150, .pm25: 75, .no2: 20]))
        #expect(tie.aqi == 100)
        #expect(tie.primary.map(\.pollutant) == [.pm10, .pm25])
        #expect(tie.exceeding.isEmpty)
        #expect(tie.primaryText == "颗粒物(PM10),细颗粒物(PM2.5)")
        // AQI ≤ 50: no primary pollutant.
        let clean = standard.hourlyAQI(HourlyConcentrations([.pm10: 40, .pm25: 20]))
        #expect(clean.aqi == 40)
        #expect(clean.primary.isEmpty)
        #expect(clean.category == .excellent)
    }

    @Test func hourlySO2Above800UsesItsDailyMean() {
        let result = standard.hourlyAQI(HourlyConcentrations([.so2: 900, .pm25: 10], so2Mean24h: 500))
        // SO2 24h 500: 150 + 50/325 × 25 = 153.8 → 154.
        #expect(result.iaqis[IAQIColumn(.so2, .hour24)] == 154)
        #expect(result.iaqis[IAQIColumn(.so2, .hour1)] == nil)
        #expect(result.aqi == 154)
    }

    @Test func dailyOzoneAbove800On8HoursFallsBackToTheHourlyMaximum() {
        let result = standard.dailyAQI(DailyConcentrations(means: [.pm25: 30], o3Max1h: 900, o3Max8h: 850))
        #expect(result.iaqis[IAQIColumn(.o3, .hour8)] == nil)
        #expect(result.iaqis[IAQIColumn(.o3, .hour1)] == 350)  // 300 + 200/200 × 100 … = 300 + (900−800)/200×100 = 350
        #expect(result.primary == [IAQIColumn(.o3, .hour1)])
        #expect(result.exceeding == [IAQIColumn(.o3, .hour1)])
    }

    @Test(arguments: [
        (50, AQICategory.excellent), (51, .good), (100, .good), (101, .lightlyPolluted), (150, .lightlyPolluted),
        (151, .moderatelyPolluted), (200, .moderatelyPolluted), (201, .heavilyPolluted), (300, .heavilyPolluted),
        (301, .severelyPolluted), (500, .severelyPolluted),
    ])
    func categories(aqi: Int, category: AQICategory) {
        #expect(AQICategory(aqi: aqi) == category)
        #expect(AQICategory(aqi: aqi).isHeavyOrWorse == (aqi > 200))
    }
}
