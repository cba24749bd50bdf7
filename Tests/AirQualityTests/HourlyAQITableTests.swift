import AirQuality
import Foundation
import LantianCore
import Seed
import Testing

/// The hourly table `aq compute` writes from the numbers says, row by row, what the real-time AQI of HJ 633
/// (`AQIStandard.hourlyAQI`, checked against the official values elsewhere) says.
@Suite struct HourlyAQITableTests {
    /// The row as the general path builds it: each field from `hourlyAQI`'s result, quoted by `CSVWriter`.
    private static func expected(_ observation: HourlyObservation) -> String {
        let result = AQIStandard.hj633.hourlyAQI(observation.concentrations)
        let fields =
            [observation.station, observation.timepoint]
            + Pollutant.allCases.map { NumberText.csv(observation.values[$0]) } + [""]
            + HourlyAQITable.columns.map { result.iaqis[$0].map(String.init) ?? "" }
            + [result.aqi.map(String.init) ?? "", result.category?.chinese ?? "", result.primaryText, ""]
        return CSVWriter.record(fields)
    }

    private static func table(_ observations: [HourlyObservation]) -> [String] {
        var table = HourlyAQITable()
        var bytes: [UInt8] = []
        for observation in observations { table.append(observation, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    /// Jincheng's 2022 station rows (every AQI band the season saw).
    @Test func jinchengRowsMatchTheGeneralPath() throws {
        let reading = HourlyReader.read(try SeedAirData.jinchengT00Rows2022, format: .cnemc(.swappedArchive))
        #expect(reading.observations.count > 400)
        #expect(Self.table(reading.observations) == reading.observations.map(Self.expected))
    }

    /// The corners: SO2 past the 1-hour table (its 24-hour mean stands in), ties for the primary pollutant
    /// (both named, so the field is quoted), AQI ≤ 50 (no primary), nothing measured, a station code with a
    /// comma, values past the table's top.
    @Test func cornersMatchTheGeneralPath() {
        let hour = HourStamp(dayNumber: CivilCalendar.dayNumber(year: 2021, month: 12, day: 24), hour: 24)
        let observations = [
            HourlyObservation(
                station: "1001A", hour: hour, values: PollutantValues(so2: 900, pm25: 30), so2Mean24h: 500, line: 2),
            HourlyObservation(station: "1002A", hour: hour, values: PollutantValues(pm10: 150, pm25: 75), line: 3),
            HourlyObservation(station: "1003A", hour: hour, values: PollutantValues(no2: 40, co: 0.4), line: 4),
            HourlyObservation(station: "1004A", hour: hour, values: PollutantValues(), line: 5),
            HourlyObservation(station: "厂区,东", hour: hour, values: PollutantValues(o3: 1300, pm25: 12.5), line: 6),
            HourlyObservation(station: "1006A", hour: hour, values: PollutantValues(so2: 900), line: 7),
        ]
        let rows = Self.table(observations)
        #expect(rows == observations.map(Self.expected))
        #expect(rows[1].hasSuffix(",100,良,\"颗粒物(PM10),细颗粒物(PM2.5)\","))
        #expect(rows[0].contains(",2021-12-25T00:00:00,"))
    }
}
