import AirQuality
import LantianCore

/// The air figures a bulletin reports for one month, already computed by the HJ 663-2013 rules (period means
/// over valid days, CO P95, O3 MDA8 P90, the composite index over GB 3095-2012 grade II annual limits).
/// Concentrations in µg/m³.
public struct AirQualityFacts: Sendable {
    /// A station, or a county (its stations' daily means averaged), with the month's and the season's figures.
    public struct Area: Sendable {
        public var code: String
        public var name: String
        public var monthPM25: Double?
        public var monthComposite: Double?
        /// The same month one year earlier, for the year-on-year change and the improvement ranking.
        public var previousMonthComposite: Double?
        public var seasonComposite: Double?

        public init(
            code: String, name: String, monthPM25: Double?, monthComposite: Double?, previousMonthComposite: Double?,
            seasonComposite: Double?
        ) {
            self.code = code
            self.name = name
            self.monthPM25 = monthPM25
            self.monthComposite = monthComposite
            self.previousMonthComposite = previousMonthComposite
            self.seasonComposite = seasonComposite
        }

        /// (I_now − I_before) / I_before; nil without both.
        public var compositeChange: Double? {
            guard let now = monthComposite, let before = previousMonthComposite, before > 0 else { return nil }
            return (now - before) / before
        }
    }

    public var month: ReportMonth
    /// The season's first day and the last day counted.
    public var seasonStart: CivilDate
    public var asOf: CivilDate
    /// The city's PM2.5 mean for the month (sand-dust days left out) over `monthPM25Days` valid days, and the
    /// same month a year earlier.
    public var monthPM25: Double?
    public var monthPM25Days: Int
    public var previousMonthPM25: Double?
    /// The season so far, and the same dates a year earlier.
    public var seasonPM25: Double?
    public var seasonPM25Days: Int
    public var previousSeasonPM25: Double?
    public var pm25Target: Double?
    public var monthHeavyDays: Int
    public var seasonHeavyDays: Int
    public var previousSeasonHeavyDays: Int?
    public var heavyTarget: Int?
    /// 剩余日控制值: the mean PM2.5 the remaining `remainingDays` may average for the season to meet its target.
    public var remainingBudget: Double?
    public var remainingDays: Int
    public var outOfReach: Bool
    /// The month's city days by AQI category (HJ 633-2012).
    public var categoryDays: [AQICategory: Int]
    public var daysWithoutAQI: Int
    public var stations: [Area]
    public var counties: [Area]

    public init(
        month: ReportMonth, seasonStart: CivilDate, asOf: CivilDate, monthPM25: Double?, monthPM25Days: Int,
        previousMonthPM25: Double?, seasonPM25: Double?, seasonPM25Days: Int, previousSeasonPM25: Double?,
        pm25Target: Double?,
        monthHeavyDays: Int, seasonHeavyDays: Int, previousSeasonHeavyDays: Int?, heavyTarget: Int?,
        remainingBudget: Double?, remainingDays: Int, outOfReach: Bool, categoryDays: [AQICategory: Int],
        daysWithoutAQI: Int, stations: [Area], counties: [Area]
    ) {
        self.month = month
        self.seasonStart = seasonStart
        self.asOf = asOf
        self.monthPM25 = monthPM25
        self.monthPM25Days = monthPM25Days
        self.previousMonthPM25 = previousMonthPM25
        self.seasonPM25 = seasonPM25
        self.seasonPM25Days = seasonPM25Days
        self.previousSeasonPM25 = previousSeasonPM25
        self.pm25Target = pm25Target
        self.monthHeavyDays = monthHeavyDays
        self.seasonHeavyDays = seasonHeavyDays
        self.previousSeasonHeavyDays = previousSeasonHeavyDays
        self.heavyTarget = heavyTarget
        self.remainingBudget = remainingBudget
        self.remainingDays = remainingDays
        self.outOfReach = outOfReach
        self.categoryDays = categoryDays
        self.daysWithoutAQI = daysWithoutAQI
        self.stations = stations
        self.counties = counties
    }
}
