import LantianCore

/// The review of a warning once lifted (过程评估): the forecast against the observed daily AQI day by day, the level
/// the observed days would have called for under the same edition, whether the level issued was right, the heavy
/// days that occurred (daily AQI > 200, HJ 633-2012 重度污染 and worse), and how many inspected enterprises
/// complied.
public struct EpisodeReview: Hashable, Sendable {
    /// One day of the warning.
    public struct Day: Hashable, Sendable {
        public var date: CivilDate
        /// The forecast 24-hour AQI of the day (the rolling value at the day's end, or the period's value).
        public var forecast: Int?
        /// The city's observed daily AQI (HJ 633-2012 from the assessment stations' daily means).
        public var observed: Int?

        public init(date: CivilDate, forecast: Int?, observed: Int?) {
            self.date = date
            self.forecast = forecast
            self.observed = observed
        }

        /// Observed above 200.
        public var isHeavy: Bool { (observed ?? 0) > 200 }
    }

    /// Whether the level issued matched what the observed days called for.
    public enum Verdict: String, Hashable, Sendable {
        case right, tooHigh, tooLow, unknown

        /// 级别准确 / 级别偏高 / 级别偏低 / 无实测数据.
        public var chinese: String {
            switch self {
            case .right: "级别准确"
            case .tooHigh: "级别偏高"
            case .tooLow: "级别偏低"
            case .unknown: "无实测数据，无法评估"
            }
        }
    }

    public var days: [Day]
    public var issued: WarningLevel
    /// The level the observed days call for under the warning's edition (each day counted as 24 hours).
    public var observedLevel: WarningLevel
    public var verdict: Verdict
    public var heavyDays: Int
    public var inspected: Int
    public var complied: Int

    /// complied / inspected; nil without inspections.
    public var complianceRate: Double? { inspected > 0 ? Double(complied) / Double(inspected) : nil }

    public init(days: [Day], issued: WarningLevel, rules: WarningRules, inspected: Int, complied: Int) {
        self.days = days
        self.issued = issued
        self.inspected = inspected
        self.complied = complied
        heavyDays = days.filter(\.isHeavy).count
        let observed = days.compactMap { day in
            day.observed.map { aqi in
                (1...24).map { Forecast.Hour(stamp: HourStamp(dayNumber: day.date.dayNumber, hour: $0), aqi: aqi) }
            }
        }.flatMap { $0 }
        observedLevel = WarningProposal.level(
            WarningProposal.episodes(Forecast(granularity: .daily, hours: observed), rules: rules))
        if observed.isEmpty {
            verdict = .unknown
        } else if observedLevel == issued {
            verdict = .right
        } else {
            verdict = observedLevel < issued ? .tooHigh : .tooLow
        }
    }
}
