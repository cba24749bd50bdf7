import LantianCore

/// The hourly table of `lantian aq compute` for each station (docs/AIR-DATA.md): per station-hour the
/// concentrations read, every sub-index the real-time AQI uses (HJ 633-2012, ``AQIStandard/hourlyAQI(_:)``), the
/// AQI, its category and primary pollutants — written as CSV bytes straight from the numbers, for files of
/// millions of station-hours.
public struct HourlyAQITable {
    /// The sub-index columns, in table order.
    public static let columns: [IAQIColumn] = [
        IAQIColumn(.so2, .hour1), IAQIColumn(.so2, .hour24), IAQIColumn(.no2, .hour1), IAQIColumn(.no2, .hour24),
        IAQIColumn(.pm10, .hour24), IAQIColumn(.co, .hour1), IAQIColumn(.co, .hour24), IAQIColumn(.o3, .hour1),
        IAQIColumn(.o3, .hour8), IAQIColumn(.pm25, .hour24),
    ]

    /// The table's header: station, time, the six concentrations, o3_max_1h, the sub-indices, aqi, category,
    /// primary, invalid.
    public static var header: [String] {
        ["station", "time"] + Pollutant.allCases.map(\.rawValue) + ["o3_max_1h"] + columns.map { "iaqi_" + $0.key }
            + ["aqi", "category", "primary", "invalid"]
    }

    private let standard: AQIStandard
    /// The date text of the last day written: consecutive rows share it.
    private var lastDay = Int.min
    private var lastDate: [UInt8] = []

    public init(standard: AQIStandard = .hj633) {
        self.standard = standard
    }

    /// Appends `observation`'s row and a newline to `out`.
    public mutating func append(_ observation: HourlyObservation, to out: inout [UInt8]) {
        append(text: CSVWriter.field(observation.station), to: &out)
        out.append(44)
        appendTime(observation.hour, to: &out)
        let values = observation.values
        for pollutant in Pollutant.allCases {
            out.append(44)
            if let value = values[pollutant] { append(text: NumberText.csv(value), to: &out) }
        }
        out.append(44)  // o3_max_1h: daily rows only
        // The real-time AQI's terms (AQIStandard.hourlyAQI): 1-hour SO2, NO2, CO, O3; PM on the 24-hour columns;
        // SO2 from its 24-hour mean when the 1-hour value is past the table.
        var so2: Int?
        var so2Mean: Int?
        if let value = values.so2 {
            let result = standard.iaqi(value, on: IAQIColumn(.so2, .hour1))
            so2 = result.number
            if result == .noSubIndex, let mean = observation.so2Mean24h {
                so2Mean = standard.iaqi(mean, on: IAQIColumn(.so2, .hour24)).number
            }
        }
        let no2 = values.no2.flatMap { standard.iaqi($0, on: IAQIColumn(.no2, .hour1)).number }
        let pm10 = values.pm10.flatMap { standard.iaqi($0, on: IAQIColumn(.pm10, .hour24)).number }
        let co = values.co.flatMap { standard.iaqi($0, on: IAQIColumn(.co, .hour1)).number }
        let o3 = values.o3.flatMap { standard.iaqi($0, on: IAQIColumn(.o3, .hour1)).number }
        let pm25 = values.pm25.flatMap { standard.iaqi($0, on: IAQIColumn(.pm25, .hour24)).number }
        // In column order: so2 1h, so2 24h, no2 1h, no2 24h, pm10 24h, co 1h, co 24h, o3 1h, o3 8h, pm25 24h.
        for sub in [so2, so2Mean, no2, nil, pm10, co, nil, o3, nil, pm25] {
            out.append(44)
            if let sub { append(text: String(sub), to: &out) }
        }
        let terms = [so2 ?? so2Mean, no2, pm10, co, o3, pm25]
        let aqi = terms.compactMap { $0 }.max()
        out.append(44)
        if let aqi {
            append(text: String(aqi), to: &out)
            out.append(44)
            append(text: AQICategory(aqi: aqi).chinese, to: &out)
        } else {
            out.append(44)
        }
        out.append(44)
        if let aqi, aqi > 50 {
            // 首要污染物 in pollutant order, as AQIResult.primaryText writes them.
            let names = ["二氧化硫", "二氧化氮", "颗粒物(PM10)", "一氧化碳", "臭氧1小时", "细颗粒物(PM2.5)"]
            var primary: [String] = []
            for (index, term) in terms.enumerated() where term == aqi { primary.append(names[index]) }
            append(text: CSVWriter.field(primary.joined(separator: ",")), to: &out)
        }
        out.append(44)  // invalid: daily rows only
        out.append(10)
    }

    private func append(text: String, to out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
    }

    /// `YYYY-MM-DDTHH:00:00`, the hour's end (``HourStamp/timepoint``).
    private mutating func appendTime(_ hour: HourStamp, to out: inout [UInt8]) {
        let day = Int((Double(hour.value) / 24).rounded(.down))
        if day != lastDay {
            lastDay = day
            lastDate = Array(HourStamp.dateText(dayNumber: day).utf8)
        }
        let h = hour.value - day * 24
        out.append(contentsOf: lastDate)
        out.append(84)  // T
        out.append(UInt8(48 + h / 10))
        out.append(UInt8(48 + h % 10))
        out.append(contentsOf: [58, 48, 48, 58, 48, 48])  // :00:00
    }
}
