import AirQuality
import Seed
import Testing

/// Every official hourly AQI and primary pollutant in Jincheng's Jan–Mar 2022 station rows, reproduced from the
/// rows' own 1-hour concentrations.
@Suite struct JinchengOfficialAQITests {
    @Test func reproducesEveryOfficialHourlyValue() throws {
        let (records, issues) = CNEMCFormat.read(try SeedAirData.jinchengT00Rows2022, ozone: .swappedArchive)
        #expect(issues.isEmpty, "\(issues)")
        #expect(records.count == 450)
        let published = records.filter { $0.officialAQI != nil }
        #expect(published.count == 446)
        var mismatches: [String] = []
        for record in published {
            let result = AQIStandard.hj633.hourlyAQI(record.concentrations)
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
        let (records, issues) = CNEMCFormat.read(text)
        #expect(records.count == 1)
        #expect(issues.map(\.line) == [3, 4, 5])
        #expect(issues[0].field == "pm10" && issues[0].reason.contains("abc"))
        #expect(issues[1].field == "timepoint")
        let missing = CNEMCFormat.read("timepoint,stationcode,aqi\n")
        #expect(missing.records.isEmpty && missing.issues.first?.reason.contains("pm10") == true)
    }
}
