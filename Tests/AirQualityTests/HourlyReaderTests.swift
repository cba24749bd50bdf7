import AirQuality
import Foundation
import LantianCore
import Seed
import Testing

/// The four layouts' time and unit conventions, and that chunking never changes what is read.
@Suite struct HourlyReaderTests {
    /// PRSA: hour 0 is 00:00–01:00 (so it ends at 01:00), CO is µg/m³ (300 → 0.3 mg/m³), `NA` is missing.
    @Test func prsaHoursStartAtTheirLabelAndCOIsMicrograms() throws {
        let text = """
            "No","year","month","day","hour","PM2.5","PM10","SO2","NO2","CO","O3","TEMP","PRES","DEWP","RAIN","wd","WSPM","station"
            1,2013,3,1,0,9,9,3,17,300,89,-0.5,1024.5,-21.4,0,"NNW",5.7,"Dongsi"
            2,2013,3,1,23,NA,4,3,16,1250,88,-0.7,1025.1,-22.1,0,"NW",3.9,"Dongsi"
            3,2013,2,30,1,4,4,3,16,300,88,-0.7,1025.1,-22.1,0,"NW",3.9,"Dongsi"
            """
        let reading = HourlyReader.read(text)
        #expect(reading.format == .prsa)
        #expect(reading.observations.map(\.timepoint) == ["2013-03-01T01:00:00", "2013-03-02T00:00:00"])
        #expect(reading.observations.map(\.station) == ["Dongsi", "Dongsi"])
        #expect(reading.observations[0].values == PollutantValues(so2: 3, no2: 17, pm10: 9, co: 0.3, o3: 89, pm25: 9))
        #expect(reading.observations[1].values.pm25 == nil)
        #expect(reading.observations[1].values.co == 1.25)
        // Both rows belong to 2013-03-01: the 23 o'clock row ends at 24:00.
        #expect(Set(reading.observations.map(\.hour.dayNumber)) == [HourStamp.dayNumber(year: 2013, month: 3, day: 1)])
        #expect(reading.issues.map(\.line) == [4])
    }

    /// Wide files: hour is the feed's timepoint (hour 0 closes the day before); AQI and _24h rows are skipped.
    @Test func wideRowsBecomeOneObservationPerStationHour() {
        let text = """
            date,hour,type,1001A,1002A
            20220101,0,AQI,55,61
            20220101,0,PM2.5,30,40
            20220101,0,PM2.5_24h,33,44
            20220101,0,CO,0.5,
            20220101,1,PM2.5,31,
            20220101,1,O3_8h,70,71
            20220101,1,Benzene,1,2
            """
        let reading = HourlyReader.read(text)
        #expect(reading.format == .wide)
        let rows = reading.observations.map {
            "\($0.station) \($0.timepoint) \($0.values.pm25 ?? -1) \($0.values.co ?? -1)"
        }
        #expect(
            rows == [
                "1001A 2022-01-01T00:00:00 30.0 0.5", "1002A 2022-01-01T00:00:00 40.0 -1.0",
                "1001A 2022-01-01T01:00:00 31.0 -1.0",
            ])
        #expect(reading.observations[0].hour.dayNumber == HourStamp.dayNumber(year: 2021, month: 12, day: 31))
        #expect(reading.issues.map(\.line) == [8])
        #expect(reading.issues.first?.field == "type")
    }

    /// Long files: consecutive lines of one station-hour make one observation.
    @Test func longLinesAreGrouped() {
        let text = """
            station,time,pollutant,value
            T01,2022-01-05 08:00,PM2.5,41
            T01,2022-01-05 08:00,co,1.1
            T01,2022-01-05 09:00,pm25,44
            T02,2022-01-05 09:00,nox,3
            T02,2022-01-05 09:00,o3,-2
            T02,2022-01-05 09:30,o3,2
            """
        let reading = HourlyReader.read(text)
        #expect(reading.format == .long)
        #expect(reading.observations.count == 2)
        #expect(reading.observations[0].values == PollutantValues(co: 1.1, pm25: 41))
        #expect(reading.observations[1].timepoint == "2022-01-05T09:00:00")
        #expect(reading.issues.map(\.line) == [5, 6, 7])
        #expect(reading.issues.map(\.field) == ["pollutant", "value", "time"])
    }

    /// Fed in chunks of 7 bytes (lines split anywhere, a CRLF across two chunks), a file reads as it does whole.
    @Test func chunkBoundariesDoNotMatter() throws {
        let text = try SeedAirData.jinchengT00Rows2022.replacingOccurrences(of: "\n", with: "\r\n")
        let whole = HourlyReader.read(text, format: .cnemc(.swappedArchive))
        var reader = HourlyReader(format: .cnemc(.swappedArchive))
        let bytes = Array(text.utf8)
        var observations: [HourlyObservation] = []
        for start in stride(from: 0, to: bytes.count, by: 7) {
            bytes[start..<min(start + 7, bytes.count)].withUnsafeBytes { reader.feed($0) }
            observations += reader.take().observations
        }
        reader.finish()
        observations += reader.take().observations
        #expect(observations.count == 450)
        #expect(observations == whole.observations)
    }

    @Test func anUnknownHeaderIsFatal() {
        let reading = HourlyReader.read("a,b,c\n1,2,3\n")
        #expect(reading.fatal?.line == 1)
        #expect(reading.observations.isEmpty)
        #expect(HourlyReader.read("").fatal?.reason == "the file is empty")
    }
}

/// Real data: Dongsi, 2014, from the PRSA file (8,760 rows). The annual PM2.5 — the mean of the 360 days with at
/// least 20 hourly values — is 86.16876 µg/m³, worked out from the CSV by a separate script.
@Suite struct BeijingDongsiTests {
    @Test func annualPM25FromHourlyRows() throws {
        let url = try #require(Bundle.module.url(forResource: "Resources/PRSA_Data_Dongsi_2014", withExtension: "csv"))
        let reading = HourlyReader.read(try String(contentsOf: url, encoding: .utf8))
        #expect(reading.format == .prsa)
        #expect(reading.observations.count == 8760)
        #expect(reading.issues.isEmpty)
        let days = StationDay.series(reading.observations)
        let pm25 = days.compactMap { $0.statistics.means[.pm25] }
        #expect(pm25.count == 360)
        #expect(abs(Statistics.periodMean(pm25)! - 86.16875772868438) < 1e-9)
    }
}

/// What the reader accepts but doubts, named by field and first line; what it cannot read, refused.
@Suite struct HourlyReaderWarningTests {
    static let header =
        "timepoint,stationcode,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h"

    @Test func doubtfulValuesAreKeptWithAWarningNamingTheLine() {
        let text = [
            Self.header,
            "2022-01-02T01:00:00,2160A,,80,,99999,,40,50,,,20,,5,,0.5,",
            "2022-01-02T01:00:00,2161A,,N/A,,30,,40,50,,,20,,5,,0.5,",
            "2022-01-02T02:00:00,2161A,,n/a,,31,,40,50,,,20,,5,,0.5,",
            "2022-01-02T01:00:00,2160A,,81,,60,,40,50,,,20,,5,,0.5,",
        ].joined(separator: "\n")
        let reading = HourlyReader.read(text)
        #expect(reading.issues.isEmpty)
        #expect(reading.observations.count == 4)
        #expect(reading.observations[0].values.pm25 == 99999, "kept as data")
        #expect(reading.observations[1].values.pm10 == nil, "N/A is missing")
        var reader = HourlyReader()
        text.utf8CString.dropLast().withUnsafeBytes { reader.feed($0) }
        reader.finish()
        let warnings = reader.warnings.map(\.description)
        #expect(
            warnings == [
                "line 2, pm25: 99999 µg/m³ is beyond any recorded hour (above 2000); kept as data — check the file",
                "line 3, pm10: \"N/A\" read as missing",
                "line 4, pm10: \"n/a\" read as missing",
                "line 5, station/hour: 2160A 2022-01-02T01:00:00 again; the later line replaces the earlier",
            ])
    }

    @Test func repeatedKindsAreCountedUnderTheirFirstLine() {
        let rows = (1...5).map { "2022-01-02T0\($0):00:00,2160A,,N/A,,30,,40,50,,,20,,5,,0.5," }
        var reader = HourlyReader()
        let text = ([Self.header] + rows).joined(separator: "\n")
        text.utf8CString.dropLast().withUnsafeBytes { reader.feed($0) }
        reader.finish()
        #expect(
            reader.warnings.map(\.description) == ["line 2, pm10: \"N/A\" read as missing — 5 lines, the first shown"])
    }

    @Test func aFileWithoutRowsIsAWarningAndAHugeLineIsRefused() {
        var empty = HourlyReader()
        Self.header.utf8CString.dropLast().withUnsafeBytes { empty.feed($0) }
        empty.finish()
        #expect(empty.fatal == nil)
        #expect(empty.warnings.map(\.description) == ["line 1, file: a header and no rows"])

        var huge = HourlyReader()
        let line = Self.header + "\n2022-01-02T01:00:00,2160A,," + String(repeating: "9", count: 2 << 20) + "\n"
        line.utf8CString.dropLast().withUnsafeBytes { huge.feed($0) }
        huge.finish()
        #expect(huge.fatal?.description == "line 2, line: longer than 1 MB — not a data line")
        #expect(huge.observations.isEmpty)
    }

    /// PRSA's own NA convention is not a doubt.
    @Test func prsaNAIsNoWarning() {
        let text = """
            "No","year","month","day","hour","PM2.5","PM10","SO2","NO2","CO","O3","TEMP","PRES","DEWP","RAIN","wd","WSPM","station"
            1,2013,3,1,0,NA,9,3,17,300,89,-0.5,1024.5,-21.4,0,"NNW",5.7,"Dongsi"
            """
        var reader = HourlyReader()
        text.utf8CString.dropLast().withUnsafeBytes { reader.feed($0) }
        reader.finish()
        #expect(reader.observations.count == 1)
        #expect(reader.warnings.isEmpty)
    }
}
