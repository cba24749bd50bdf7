/// An AQI with its sub-indices, primary and exceedance pollutants and category.
public struct AQIResult: Hashable, Sendable {
    /// The sub-index of every column that had one.
    public var iaqis: [IAQIColumn: Int]
    /// max of the sub-indices; nil when no pollutant had one.
    public var aqi: Int?
    /// 首要污染物: the column(s) with the largest sub-index, when AQI > 50 (ties: all of them).
    public var primary: [IAQIColumn]
    /// 超标污染物: every column whose sub-index exceeds 100.
    public var exceeding: [IAQIColumn]

    public var category: AQICategory? { aqi.map(AQICategory.init(aqi:)) }

    public init(iaqis: [IAQIColumn: Int]) {
        self.iaqis = iaqis
        let aqi = iaqis.values.max()
        self.aqi = aqi
        let order: (IAQIColumn, IAQIColumn) -> Bool = {
            ($0.pollutant, $0.averaging.rawValue) < ($1.pollutant, $1.averaging.rawValue)
        }
        if let aqi, aqi > 50 {
            primary = iaqis.filter { $0.value == aqi }.map(\.key).sorted(by: order)
        } else {
            primary = []
        }
        exceeding = iaqis.filter { $0.value > 100 }.map(\.key).sorted(by: order)
    }

    /// The primary pollutants as CNEMC writes them: `颗粒物(PM10),细颗粒物(PM2.5)`.
    public var primaryText: String { primary.map(\.primaryName).joined(separator: ",") }
}

/// One station-hour's 1-hour concentrations (µg/m³, CO mg/m³); nil where missing.
public struct HourlyConcentrations: Hashable, Sendable {
    public var values: [Pollutant: Double]
    /// The SO2 24-hour mean, used when the 1-hour SO2 is above 800 µg/m³ (HJ 633 §5.1 note).
    public var so2Mean24h: Double?

    public init(_ values: [Pollutant: Double], so2Mean24h: Double? = nil) {
        self.values = values
        self.so2Mean24h = so2Mean24h
    }
}

/// One day's daily statistics: 24-hour means of SO2, NO2, PM10, PM2.5, CO, the daily maximum 1-hour O3 and the
/// daily maximum 8-hour O3 mean.
public struct DailyConcentrations: Hashable, Sendable {
    public var means: [Pollutant: Double]
    public var o3Max1h: Double?
    public var o3Max8h: Double?

    public init(means: [Pollutant: Double], o3Max1h: Double?, o3Max8h: Double?) {
        self.means = means
        self.o3Max1h = o3Max1h
        self.o3Max8h = o3Max8h
    }
}

extension AQIStandard {
    /// The real-time (hourly) AQI: 1-hour SO2, NO2, CO and O3 on their 1-hour columns, 1-hour PM10 and PM2.5 on
    /// the 24-hour columns, no 8-hour O3 term — the rule that reproduces the official CNEMC hourly values. A
    /// 1-hour SO2 above 800 µg/m³ has no 1-hour sub-index; SO2 then enters from its 24-hour mean.
    public func hourlyAQI(_ c: HourlyConcentrations) -> AQIResult {
        var iaqis: [IAQIColumn: Int] = [:]
        forEachHourlySubIndex(PollutantValues(c.values), so2Mean24h: c.so2Mean24h) { iaqis[$0] = $1 }
        return AQIResult(iaqis: iaqis)
    }

    /// The hourly AQI alone — the rule of ``hourlyAQI(_:)`` without building its sub-index table — for the bulk
    /// paths that handle millions of station-hours.
    public func hourlyAQIValue(_ values: PollutantValues, so2Mean24h: Double?) -> Int? {
        var highest: Int?
        forEachHourlySubIndex(values, so2Mean24h: so2Mean24h) { _, value in highest = max(highest ?? value, value) }
        return highest
    }

    private static let hourlyColumns: [(Pollutant, IAQIColumn)] = [
        (.so2, IAQIColumn(.so2, .hour1)), (.no2, IAQIColumn(.no2, .hour1)), (.co, IAQIColumn(.co, .hour1)),
        (.o3, IAQIColumn(.o3, .hour1)), (.pm10, IAQIColumn(.pm10, .hour24)), (.pm25, IAQIColumn(.pm25, .hour24)),
    ]

    private func forEachHourlySubIndex(
        _ values: PollutantValues, so2Mean24h: Double?, _ body: (IAQIColumn, Int) -> Void
    ) {
        for (pollutant, column) in Self.hourlyColumns {
            guard let value = values[pollutant] else { continue }
            let result = iaqi(value, on: column)
            if let number = result.number {
                body(column, number)
            } else if result == .noSubIndex, pollutant == .so2, let mean = so2Mean24h {
                let column24 = IAQIColumn(.so2, .hour24)
                if let number = iaqi(mean, on: column24).number { body(column24, number) }
            }
        }
    }

    /// The daily AQI: 24-hour columns for SO2, NO2, PM10, PM2.5, CO; O3 from both its daily maximum 1-hour
    /// value and its daily maximum 8-hour mean — except that an 8-hour mean above 800 µg/m³ has no sub-index,
    /// and O3 is then reported from its 1-hour value alone.
    public func dailyAQI(_ c: DailyConcentrations) -> AQIResult {
        var iaqis: [IAQIColumn: Int] = [:]
        for pollutant in [Pollutant.so2, .no2, .pm10, .co, .pm25] {
            if let value = c.means[pollutant], let number = iaqi(value, on: IAQIColumn(pollutant, .hour24)).number {
                iaqis[IAQIColumn(pollutant, .hour24)] = number
            }
        }
        if let max1h = c.o3Max1h, let number = iaqi(max1h, on: IAQIColumn(.o3, .hour1)).number {
            iaqis[IAQIColumn(.o3, .hour1)] = number
        }
        if let max8h = c.o3Max8h, let number = iaqi(max8h, on: IAQIColumn(.o3, .hour8)).number {
            iaqis[IAQIColumn(.o3, .hour8)] = number
        }
        return AQIResult(iaqis: iaqis)
    }
}
