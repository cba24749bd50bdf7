import AirQuality
import Seed
import Testing

/// Every official hourly AQI and primary pollutant in Jincheng's Jan–Mar 2022 station rows, reproduced from the
/// rows' own 1-hour concentrations.
@Suite struct JinchengOfficialAQITests {
    @Test func reproducesEveryOfficialHourlyValue() throws {
        let reading = HourlyReader.read(try SeedAirData.jinchengT00Rows2022, format: .cnemc(.swappedArchive))
        #expect(reading.issues.isEmpty, "\(reading.issues)")
        let records = reading.observations
        #expect(records.count == 450)
        let published = records.filter { $0.officialAQI != nil }
        #expect(published.count == 446)
        var mismatches: [String] = []
        for record in published {
            let result = AQIStandard.hj633.hourlyAQI(record.concentrations)
            #expect(AQIStandard.hj633.hourlyAQIValue(record.values, so2Mean24h: record.so2Mean24h) == result.aqi)
            if result.aqi != record.officialAQI || result.primaryText != record.officialPrimary {
                mismatches.append(
                    "line \(record.line) \(record.station): official \(record.officialAQI ?? -1) \(record.officialPrimary), "
                        + "computed \(result.aqi ?? -1) \(result.primaryText)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func readerReportsBadLinesWithTheirNumbers() {
        let text = """
            timepoint,stationcode,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h
            2022-01-02T00:00:00,2160A,68,85,71,31,36,94,46,84,59,44,45,10,30,0.8,1.2
            2022-01-02T01:00:00,2160A,,abc,71,31,36,94,46,84,59,44,45,10,30,0.8,1.2
            2022-13-02 01:00,2160A,,85,71,31,36,94,46,84,59,44,45,10,30,0.8,1.2
            2022-01-02T02:00:00,2160A,,85,71
            """
        let reading = HourlyReader.read(text)
        // o3 94 > o3_24h 46: the public archive's layout, told from the row itself.
        #expect(reading.format == .cnemc(.swappedArchive))
        #expect(reading.observations.count == 1)
        let issues = reading.issues
        #expect(issues.map(\.line) == [3, 4, 5])
        #expect(issues[0].field == "pm10" && issues[0].reason.contains("abc"))
        #expect(issues[1].field == "timepoint")
        let missing = HourlyReader.read("timepoint,stationcode,aqi\n")
        #expect(missing.observations.isEmpty && missing.fatal?.reason.contains("pm10") == true)
    }
}

@Suite struct CNEMCDailyTests {
    /// The bundled file has one 00:00 row per station and day: 90 days × 5 stations, each closing the day before.
    @Test func closingRowsGiveTheDays() throws {
        let reading = HourlyReader.read(try SeedAirData.jinchengT00Rows2022, format: .cnemc(.swappedArchive))
        let days = StationDay.series(reading.observations, closedDays: reading.closedDays)
        #expect(days.count == 450)
        let first = try #require(days.first { $0.station == "2160A" })
        #expect(first.statistics.date == "2022-01-01")
        // 2022-01-02T00:00 row of 2160A: pm2_5_24h 36, pm10_24h 71, o3 (past-24h max 1h) 94, o3_8h (day max 8h) 84.
        #expect(first.statistics.means[.pm25] == 36)
        #expect(first.statistics.means[.pm10] == 71)
        #expect(first.statistics.o3Max1h == 94)
        #expect(first.statistics.o3Max8h == 84)
    }

    /// With 24 hourly rows a day is computed from them, not taken from the closing row.
    @Test func hourlyRowsAreComputed() {
        var text =
            "timepoint,stationcode,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h\n"
        for hour in 1...24 {
            let stamp = hour == 24 ? "2022-01-11T00:00:00" : "2022-01-10T\(hour < 10 ? "0" : "")\(hour):00:00"
            // PM2.5 = hour; the closing row also claims a 24-hour mean of 999, which must not win.
            text += "\(stamp),X1,,10,10,\(hour),\(hour == 24 ? 999 : 10),50,50,50,50,20,20,5,5,0.5,0.5\n"
        }
        let reading = HourlyReader.read(text)
        #expect(reading.issues.isEmpty)
        let days = StationDay.series(reading.observations, closedDays: reading.closedDays)
        #expect(days.count == 1)
        #expect(days[0].statistics.means[.pm25] == 12.5)  // mean of 1 … 24
    }
}
