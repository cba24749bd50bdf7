import LantianCore

/// One station's (or the city's) statistics for one day, per HJ 663, with what was invalid and why.
public struct DailyStatistics: Hashable, Sendable {
    /// Days since 1970-01-01 (Beijing).
    public var dayNumber: Int
    /// 24-hour means of SO2, NO2, PM10, PM2.5, CO (valid ones only).
    public var means: [Pollutant: Double]
    /// Daily maximum 1-hour O3.
    public var o3Max1h: Double?
    /// Daily maximum 8-hour O3 moving mean (MDA8).
    public var o3Max8h: Double?
    /// Statistics left out for lack of data, with the count found: `"PM2.5 mean: 18 of 20 hours"`.
    public var invalid: [String]

    public var concentrations: DailyConcentrations {
        DailyConcentrations(means: means, o3Max1h: o3Max1h, o3Max8h: o3Max8h)
    }

    public var date: String { HourStamp.dateText(dayNumber: dayNumber) }

    public init(
        dayNumber: Int, means: [Pollutant: Double], o3Max1h: Double?, o3Max8h: Double?, invalid: [String] = []
    ) {
        self.dayNumber = dayNumber
        self.means = means
        self.o3Max1h = o3Max1h
        self.o3Max8h = o3Max8h
        self.invalid = invalid
    }

    /// The statistics of day `dayNumber` from hourly values (`hours[stamp][pollutant]`); see
    /// ``compute(dayNumber:dayHours:rules:)``.
    public static func compute(
        dayNumber: Int, hours: [HourStamp: [Pollutant: Double]], rules: ValidityRules = .hj663
    ) -> DailyStatistics {
        let dayHours = (1...24).map { hour in
            hours[HourStamp(dayNumber: dayNumber, hour: hour)].map(PollutantValues.init)
        }
        return compute(dayNumber: dayNumber, dayHours: dayHours, rules: rules)
    }

    /// The statistics of day `dayNumber` from its hours ending 01:00 … 24:00 (`dayHours[0]` … `[23]`, nil where
    /// missing): means with at least `minHoursForDailyMean` values; O3's daily maximum 1-hour value under the same
    /// count; MDA8 over the 8-hour moving means whose windows end at `mda8WindowEnds`, each mean needing
    /// `minHoursFor8hMean` hours, the maximum needing `minWindowsForMDA8` valid windows unless it exceeds the
    /// standard.
    public static func compute(
        dayNumber: Int, dayHours: [PollutantValues?], rules: ValidityRules = .hj663
    ) -> DailyStatistics {
        var means: [Pollutant: Double] = [:]
        var invalid: [String] = []
        func value(_ endHour: Int, _ pollutant: Pollutant) -> Double? {
            endHour >= 1 && endHour <= dayHours.count ? dayHours[endHour - 1]?[pollutant] : nil
        }
        for pollutant in [Pollutant.so2, .no2, .pm10, .co, .pm25] {
            var sum = 0.0
            var count = 0
            for hour in 1...24 {
                if let v = value(hour, pollutant) {
                    sum += v
                    count += 1
                }
            }
            if count >= rules.minHoursForDailyMean {
                means[pollutant] = sum / Double(count)
            } else {
                invalid.append("\(pollutant.symbol) 日均值：有效小时 \(count)/\(rules.minHoursForDailyMean)")
            }
        }
        let o3 = (1...24).compactMap { value($0, .o3) }
        var max1h: Double?
        if o3.count >= rules.minHoursForDailyMean {
            max1h = o3.max()
        } else {
            invalid.append("O3 日最大1小时：有效小时 \(o3.count)/\(rules.minHoursForDailyMean)")
        }
        var windows: [Double] = []
        for end in rules.mda8WindowEnds {
            var sum = 0.0
            var count = 0
            for hour in (end - 7)...end {
                if let v = value(hour, .o3) {
                    sum += v
                    count += 1
                }
            }
            if count >= rules.minHoursFor8hMean { windows.append(sum / Double(count)) }
        }
        var max8h: Double?
        if let highest = windows.max(), windows.count >= rules.minWindowsForMDA8 || highest > rules.o3MDA8Standard {
            max8h = highest
        } else {
            invalid.append("O3 日最大8小时：有效滑动平均 \(windows.count)/\(rules.minWindowsForMDA8)")
        }
        return DailyStatistics(dayNumber: dayNumber, means: means, o3Max1h: max1h, o3Max8h: max8h, invalid: invalid)
    }

    /// The city's day: the arithmetic mean, statistic by statistic, over the assessment stations that have a
    /// valid value (HJ 663: the city value is the mean of its assessment stations' concentrations; the AQI is
    /// then computed from that mean). Clean-reference stations must be left out by the caller.
    public static func city(_ stations: [DailyStatistics], dayNumber: Int) -> DailyStatistics {
        func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
        var means: [Pollutant: Double] = [:]
        var invalid: [String] = []
        for pollutant in [Pollutant.so2, .no2, .pm10, .co, .pm25] {
            means[pollutant] = mean(stations.compactMap { $0.means[pollutant] })
            if means[pollutant] == nil { invalid.append("\(pollutant.symbol) 日均值：无有效点位") }
        }
        let o3Max1h = mean(stations.compactMap(\.o3Max1h))
        let o3Max8h = mean(stations.compactMap(\.o3Max8h))
        if o3Max1h == nil { invalid.append("O3 日最大1小时：无有效点位") }
        if o3Max8h == nil { invalid.append("O3 日最大8小时：无有效点位") }
        return DailyStatistics(
            dayNumber: dayNumber, means: means, o3Max1h: o3Max1h, o3Max8h: o3Max8h,
            invalid: stations.isEmpty ? ["没有有效的评价点位数据"] : invalid)
    }
}
