/// How far the season is from its two targets on a given day: the PM2.5 mean so far against its ceiling, the
/// heavy-or-worse days so far against theirs, and what the remaining days must hold.
public struct SeasonStatus: Hashable, Sendable {
    /// The targets and the rules the check uses, as data of the plan.
    public struct Targets: Hashable, Sendable {
        /// PM2.5 season mean ceiling, µg/m³ (48.7).
        public var pm25Mean: Double
        /// Heavy-or-worse days ceiling (7).
        public var heavyDays: Int
        /// Decimals the season mean is compared at (1: a mean of 48.74 counts as 48.7). Nil compares exactly.
        public var comparisonDecimals: Int?
        /// A remaining-days budget below this is "out of reach" in practice, µg/m³: no season has run that
        /// clean. A judgement, not a standard — set per city.
        public var plausibleDailyFloor: Double

        public init(pm25Mean: Double, heavyDays: Int, comparisonDecimals: Int? = 1, plausibleDailyFloor: Double = 15) {
            self.pm25Mean = pm25Mean
            self.heavyDays = heavyDays
            self.comparisonDecimals = comparisonDecimals
            self.plausibleDailyFloor = plausibleDailyFloor
        }
    }

    /// One day of the city series.
    public struct Day: Hashable, Sendable {
        public var dayNumber: Int
        /// City daily mean PM2.5, nil when invalid.
        public var pm25: Double?
        /// City daily AQI, nil when invalid.
        public var aqi: Int?
        /// Declared sand-dust day: left out of PM figures, kept in day counts.
        public var sandDust: Bool

        public init(dayNumber: Int, pm25: Double?, aqi: Int?, sandDust: Bool = false) {
            self.dayNumber = dayNumber
            self.pm25 = pm25
            self.aqi = aqi
            self.sandDust = sandDust
        }

        /// A city day: its PM2.5 mean and its daily AQI per `standard`.
        public init(_ day: DailyStatistics, sandDust: Bool = false, standard: AQIStandard = .hj633) {
            self.init(
                dayNumber: day.dayNumber, pm25: day.means[.pm25], aqi: standard.dailyAQI(day.concentrations).aqi,
                sandDust: sandDust)
        }
    }

    /// Days of the season up to and including the as-of day.
    public var elapsedDays: Int
    /// Days after the as-of day to the season's end.
    public var remainingDays: Int
    /// Days whose PM2.5 counts (valid, not sand-dust).
    public var pm25Days: Int
    /// PM2.5 mean so far, sand-dust days excluded; and with them, for showing both.
    public var pm25Mean: Double?
    public var pm25MeanWithSandDust: Double?
    /// Days with a city AQI > 200 so far (sand-dust days included).
    public var heavyDays: Int
    /// The mean PM2.5 the remaining days must stay at or below for the season to meet its target (assuming every
    /// remaining day is valid). Nil when no days remain.
    public var remainingBudget: Double?
    /// The budget is below zero, or below the plausible floor: the target is out of reach.
    public var outOfReach: Bool
    /// The heavy days still allowed (negative when the target is already missed).
    public var heavyDaysLeft: Int
    /// Heavy days at the season's end if the rest of it goes like the part so far.
    public var projectedHeavyDays: Double
    /// Whether the mean so far meets the target at the comparison precision.
    public var meetsPM25SoFar: Bool?

    /// The status of the season `firstDay…lastDay` (day numbers, inclusive) as of the end of `asOfDay`.
    public init(days: [Day], firstDay: Int, lastDay: Int, asOfDay: Int, targets: Targets) {
        let cutoff = min(max(asOfDay, firstDay - 1), lastDay)
        let season = days.filter { $0.dayNumber >= firstDay && $0.dayNumber <= cutoff }
        elapsedDays = cutoff - firstDay + 1
        remainingDays = lastDay - cutoff
        let counted = season.filter { !$0.sandDust }.compactMap(\.pm25)
        pm25Days = counted.count
        let sum = counted.reduce(0, +)
        pm25Mean = counted.isEmpty ? nil : sum / Double(counted.count)
        let all = season.compactMap(\.pm25)
        pm25MeanWithSandDust = all.isEmpty ? nil : all.reduce(0, +) / Double(all.count)
        heavyDays = season.filter { ($0.aqi ?? 0) > 200 }.count
        heavyDaysLeft = targets.heavyDays - heavyDays
        projectedHeavyDays =
            elapsedDays > 0 ? Double(heavyDays) * Double(lastDay - firstDay + 1) / Double(elapsedDays) : 0
        // The limit a mean may reach and still round to the target: 48.7 at one decimal allows up to < 48.75.
        let limit = targets.comparisonDecimals.map { targets.pm25Mean + 0.5 / pow10($0) } ?? targets.pm25Mean
        if remainingDays > 0 {
            let budget = (limit * Double(pm25Days + remainingDays) - sum) / Double(remainingDays)
            remainingBudget = budget
            outOfReach = budget < targets.plausibleDailyFloor
        } else {
            remainingBudget = nil
            outOfReach =
                (pm25Mean ?? 0) >= limit && targets.comparisonDecimals != nil
                || (targets.comparisonDecimals == nil && (pm25Mean ?? 0) > limit)
        }
        if let mean = pm25Mean {
            meetsPM25SoFar = targets.comparisonDecimals == nil ? mean <= limit : mean < limit
        } else {
            meetsPM25SoFar = nil
        }
    }
}

private func pow10(_ decimals: Int) -> Double {
    (0..<decimals).reduce(1.0) { acc, _ in acc * 10 }
}
