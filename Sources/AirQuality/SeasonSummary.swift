/// One station's (or the city's) figures over a period, per HJ 663: the period means of PM2.5, PM10, SO2 and NO2
/// over their valid daily means; CO as the 95th percentile of its daily means; O3 as the 90th percentile of its
/// daily maximum 8-hour means; the composite index; and the days in each AQI category.
public struct SeasonSummary: Hashable, Sendable {
    /// The statistic per pollutant (µg/m³, CO mg/m³), where it had any valid day.
    public var statistics: [Pollutant: Double]
    /// Valid days per pollutant.
    public var validDays: [Pollutant: Int]
    /// 综合指数 over the six statistics; nil when one is missing.
    public var compositeIndex: Double?
    /// Days with a daily AQI, per category.
    public var categoryDays: [AQICategory: Int]
    /// Days with a daily AQI above 200 (重度及以上).
    public var heavyDays: Int

    public init(days: [DailyStatistics], standard: AQIStandard = .hj633) {
        var series: [Pollutant: [Double]] = [:]
        var categories: [AQICategory: Int] = [:]
        var heavy = 0
        for day in days {
            for pollutant in [Pollutant.pm25, .pm10, .so2, .no2, .co] {
                if let value = day.means[pollutant] { series[pollutant, default: []].append(value) }
            }
            if let mda8 = day.o3Max8h { series[.o3, default: []].append(mda8) }
            if let aqi = standard.dailyAQI(day.concentrations).aqi {
                categories[AQICategory(aqi: aqi), default: 0] += 1
                if aqi > 200 { heavy += 1 }
            }
        }
        var statistics: [Pollutant: Double] = [:]
        for pollutant in [Pollutant.pm25, .pm10, .so2, .no2] {
            statistics[pollutant] = Statistics.periodMean(series[pollutant] ?? [])
        }
        statistics[.co] = Statistics.percentile(series[.co] ?? [], Statistics.coPercentile)
        statistics[.o3] = Statistics.percentile(series[.o3] ?? [], Statistics.o3Percentile)
        self.statistics = statistics
        validDays = series.mapValues(\.count)
        compositeIndex = Statistics.compositeIndex(statistics)
        categoryDays = categories
        heavyDays = heavy
    }
}
