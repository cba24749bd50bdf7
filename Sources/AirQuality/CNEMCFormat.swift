import Foundation

/// The CNEMC hourly station format:
/// `timepoint,stationcode,…,primarypollutant,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,
/// no2_24h,so2,so2_24h,co,co_24h`.
///
/// Conventions: `timepoint` is Beijing time, the end of the hour (`T00` of day D+1 closes day D); µg/m³, CO mg/m³;
/// an empty field is a missing value. Columns are found by name, so their order may vary.
public enum CNEMCFormat {
    /// Where the ozone values stand. In the national feed `o3` is the 1-hour value; a widely used public archive
    /// of the feed has them swapped (`o3_24h` holds the 1-hour value, `o3` the past-24-hour maximum, `o3_8h`
    /// the day's maximum 8-hour mean, `o3_8h_24h` the current 8-hour mean).
    public enum OzoneLayout: String, Sendable, CaseIterable {
        case standard
        case swappedArchive
    }

    /// One station-hour.
    public struct Record: Hashable, Sendable {
        public var line: Int
        /// `2022-01-02T00:00:00`, Beijing time, end of the hour.
        public var timepoint: String
        public var station: String
        public var stationName: String
        /// The official hourly AQI and primary pollutant(s), as published.
        public var officialAQI: Int?
        public var officialPrimary: String
        /// 1-hour concentrations.
        public var hourly: [Pollutant: Double]
        /// 24-hour moving means ending this hour (SO2, NO2, PM10, PM2.5, CO).
        public var mean24h: [Pollutant: Double]
        /// The current 8-hour moving mean of O3.
        public var o3Mean8h: Double?
        /// The highest 1-hour O3 and the highest 8-hour O3 mean of the past 24 hours: at 00:00, the day's.
        public var o3Max1hPast24h: Double?
        public var o3Max8hPast24h: Double?

        /// The statistics of the day this row closes, when it is a 00:00 row: the `*_24h` means and the ozone
        /// maxima of the past 24 hours are day D's in the row of D+1 00:00.
        public var closedDay: DailyStatistics? {
            guard let stamp = HourStamp(timepoint: timepoint), stamp.endHour == 24 else { return nil }
            return DailyStatistics(
                dayNumber: stamp.dayNumber, means: mean24h, o3Max1h: o3Max1hPast24h, o3Max8h: o3Max8hPast24h)
        }

        public var concentrations: HourlyConcentrations {
            HourlyConcentrations(hourly, so2Mean24h: mean24h[.so2])
        }
    }

    /// A line that could not be read.
    public struct Issue: Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        public var field: String
        public var reason: String

        public var description: String { "line \(line), \(field): \(reason)" }
    }

    public static let requiredColumns = [
        "timepoint", "stationcode", "aqi", "pm10", "pm10_24h", "pm2_5", "pm2_5_24h", "o3", "o3_24h", "o3_8h",
        "o3_8h_24h", "no2", "no2_24h", "so2", "so2_24h", "co", "co_24h",
    ]

    /// Reads the whole text: every good row, and every bad line with its reason. A missing header column is a
    /// fatal issue (line 1) and yields no rows.
    public static func read(_ text: String, ozone: OzoneLayout = .standard) -> (records: [Record], issues: [Issue]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let headerLine = lines.first else {
            return ([], [Issue(line: 1, field: "header", reason: "the file is empty")])
        }
        var header = CSVLine.fields(headerLine)
        if let first = header.first, first.hasPrefix("\u{FEFF}") { header[0] = String(first.dropFirst()) }
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() { index[name.trimmingCharacters(in: .whitespaces).lowercased()] = i }
        let missing = requiredColumns.filter { index[$0] == nil }
        if !missing.isEmpty {
            return (
                [], [Issue(line: 1, field: "header", reason: "missing column(s): " + missing.joined(separator: ", "))]
            )
        }
        var records: [Record] = []
        var issues: [Issue] = []
        records.reserveCapacity(lines.count)
        for (offset, raw) in lines.enumerated().dropFirst() where !raw.allSatisfy(\.isWhitespace) {
            let lineNumber = offset + 1
            let fields = CSVLine.fields(raw)
            guard fields.count >= header.count else {
                issues.append(
                    Issue(
                        line: lineNumber, field: "row", reason: "\(fields.count) fields, the header has \(header.count)"
                    ))
                continue
            }
            func text(_ name: String) -> String { fields[index[name]!].trimmingCharacters(in: .whitespaces) }
            var bad: Issue?
            func number(_ name: String) -> Double? {
                let value = text(name)
                if value.isEmpty || value == "—" || value == "-" { return nil }
                guard let number = Double(value), number.isFinite else {
                    bad = bad ?? Issue(line: lineNumber, field: name, reason: "\"\(value)\" is not a number")
                    return nil
                }
                if number < 0 {
                    bad = bad ?? Issue(line: lineNumber, field: name, reason: "negative concentration \(value)")
                    return nil
                }
                return number
            }
            let timepoint = text("timepoint")
            guard isTimepoint(timepoint) else {
                issues.append(
                    Issue(line: lineNumber, field: "timepoint", reason: "\"\(timepoint)\" is not YYYY-MM-DDTHH:MM:SS"))
                continue
            }
            let station = text("stationcode")
            guard !station.isEmpty else {
                issues.append(Issue(line: lineNumber, field: "stationcode", reason: "empty"))
                continue
            }
            var hourly: [Pollutant: Double] = [:]
            var mean24h: [Pollutant: Double] = [:]
            for (pollutant, column) in [
                (Pollutant.pm10, "pm10"), (.pm25, "pm2_5"), (.no2, "no2"), (.so2, "so2"), (.co, "co"),
            ] {
                hourly[pollutant] = number(column)
                mean24h[pollutant] = number(column + "_24h")
            }
            let o3Mean8h: Double?
            let o3Max1h: Double?
            let o3Max8h: Double?
            switch ozone {
            case .standard:
                hourly[.o3] = number("o3")
                o3Max1h = number("o3_24h")
                o3Mean8h = number("o3_8h")
                o3Max8h = number("o3_8h_24h")
            case .swappedArchive:
                hourly[.o3] = number("o3_24h")
                o3Max1h = number("o3")
                o3Mean8h = number("o3_8h_24h")
                o3Max8h = number("o3_8h")
            }
            let aqiText = text("aqi")
            let aqi = aqiText.isEmpty ? nil : Int(aqiText)
            if !aqiText.isEmpty && aqi == nil {
                bad = bad ?? Issue(line: lineNumber, field: "aqi", reason: "\"\(aqiText)\" is not a whole number")
            }
            if let bad {
                issues.append(bad)
                continue
            }
            records.append(
                Record(
                    line: lineNumber, timepoint: timepoint, station: station,
                    stationName: index["positionname"].map { fields[$0] } ?? "", officialAQI: aqi,
                    officialPrimary: index["primarypollutant"].map { fields[$0] } ?? "", hourly: hourly,
                    mean24h: mean24h, o3Mean8h: o3Mean8h, o3Max1hPast24h: o3Max1h, o3Max8hPast24h: o3Max8h))
        }
        return (records, issues)
    }

    /// `YYYY-MM-DDTHH:MM:SS` (or with a space), digits where digits belong.
    static func isTimepoint(_ text: String) -> Bool {
        let chars = Array(text.utf8)
        guard chars.count == 19 else { return false }
        let digits: Set = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        for (i, c) in chars.enumerated() {
            if digits.contains(i) {
                if !(48...57).contains(c) { return false }
            } else if i == 10 {
                if c != UInt8(ascii: "T") && c != UInt8(ascii: " ") { return false }
            } else if (i == 4 || i == 7) ? c != UInt8(ascii: "-") : c != UInt8(ascii: ":") {
                return false
            }
        }
        return true
    }
}
