/// Period statistics of HJ 663-2013.
public enum Statistics {
    /// The p-th percentile of HJ 663 Appendix A: sort ascending X(1)…X(n); k = 1 + (n − 1)·p/100; s = ⌊k⌋;
    /// Xp = X(s) + (X(s+1) − X(s))·(k − s). Nil for no values.
    public static func percentile(_ values: [Double], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let k = 1 + Double(sorted.count - 1) * p / 100
        let s = Int(k.rounded(.down))
        guard s < sorted.count else { return sorted[sorted.count - 1] }
        return sorted[s - 1] + (sorted[s] - sorted[s - 1]) * (k - Double(s))
    }

    /// The mean of a month's valid daily values, or nil when fewer than the rules require (27 days; February 25).
    public static func monthlyMean(_ daily: [Double], month: Int, rules: ValidityRules = .hj663) -> Double? {
        let needed = month == 2 ? rules.minDaysForFebruary : rules.minDaysForMonth
        guard daily.count >= needed else { return nil }
        return daily.reduce(0, +) / Double(daily.count)
    }

    /// The mean of a period's valid daily values (the autumn–winter season mean), nil for none.
    public static func periodMean(_ daily: [Double]) -> Double? {
        daily.isEmpty ? nil : daily.reduce(0, +) / Double(daily.count)
    }

    /// HJ 663: the period statistic of CO is the 95th percentile of its daily means, of O3 the 90th percentile of
    /// its daily maximum 8-hour means.
    public static let coPercentile = 95.0
    public static let o3Percentile = 90.0

    /// Grade II annual limits the composite index divides by: PM2.5 35, PM10 70, SO2 60, NO2 40 (annual means),
    /// CO 4 mg/m³ (P95 of daily means), O3 160 (P90 of MDA8).
    public static let compositeDivisors: [Pollutant: Double] = [
        .pm25: 35, .pm10: 70, .so2: 60, .no2: 40, .co: 4, .o3: 160,
    ]

    /// 综合指数: Σ statistic / grade-II limit over the six pollutants; nil when any statistic is missing.
    public static func compositeIndex(_ statistics: [Pollutant: Double]) -> Double? {
        var sum = 0.0
        for (pollutant, divisor) in compositeDivisors {
            guard let value = statistics[pollutant] else { return nil }
            sum += value / divisor
        }
        return sum
    }
}
