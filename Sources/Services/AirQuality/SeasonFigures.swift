import AirQuality
import Campaign
import FluentKit
import Foundation
import LantianCore
import Persistence

/// The plan's two air targets against the stored city series, as of a day: what the dashboard and 空气质量
/// pages show.
public struct SeasonFigures: Sendable {
    /// One month of the season: its PM2.5 mean (HJ 663 validity: 27 valid days, February 25) and the days per
    /// AQI category; the same month of the previous season beside it.
    public struct Month: Sendable {
        public var year: Int
        public var month: Int
        /// Valid PM2.5 days and their mean; `valid` when enough days for a monthly mean (HJ 663).
        public var pm25Days: Int
        public var pm25Mean: Double?
        public var valid: Bool
        public var previousPM25Days: Int
        public var previousPM25Mean: Double?
        public var previousValid: Bool
        public var categoryDays: [AQICategory: Int]
        /// Days of the month up to the as-of day without a valid city AQI.
        public var daysWithoutAQI: Int

        public var label: String { "\(year)年\(month)月" }
    }

    /// One station's season so far, for the ranking.
    public struct StationRank: Sendable {
        public var station: Station
        public var summary: SeasonSummary
    }

    public var status: SeasonStatus
    /// The previous season over the same dates (one year earlier), nil when it has no data.
    public var previous: SeasonStatus?
    public var months: [Month]
    /// Every station with data, the most polluted (PM2.5 mean) first; empty unless asked for.
    public var ranking: [StationRank]
    public var pm25Target: AirQualityTarget?
    public var heavyTarget: AirQualityTarget?
    /// The last day counted (inclusive).
    public var asOf: CivilDate
    public var days: [DailyStatistics]
    /// Declared sand-dust periods, and the day numbers they cover.
    public var sandDust: [AirQualityStore.SandDustPeriod]
    public var sandDustDays: Set<Int>

    /// Figures for `plan` up to the end of `asOf` (clamped to the plan period). The station ranking reads every
    /// station's days, so only the pages that show it ask for it (`ranking`), not the dashboard.
    public static func load(
        plan: Plan, asOf requested: CivilDate, on db: any Database, ranking withRanking: Bool = false
    ) async throws -> SeasonFigures {
        let asOf = min(max(requested, plan.start.adding(days: -1)), plan.end)
        let store = AirQualityStore(database: db)
        let days = try await store.cityDays(from: plan.start.description, to: plan.end.description)
        let lastYear = (start: plan.start.yearEarlier, end: plan.end.yearEarlier, asOf: asOf.yearEarlier)
        let previousDays = try await store.cityDays(
            from: lastYear.start.description, to: lastYear.end.description)
        let periods = try await store.sandDustPeriods()
        var sandDustDays = Set<Int>()
        for period in periods {
            if let first = CivilDate(period.firstDay), let last = CivilDate(period.lastDay), first <= last {
                sandDustDays.formUnion(first.dayNumber...last.dayNumber)
            }
        }
        let pm25 = plan.targets.first { $0.metric == .pm25PeriodMean }
        let heavy = plan.targets.first { $0.metric == .heavyDays }
        let targets = SeasonStatus.Targets(
            pm25Mean: pm25?.value ?? .infinity, heavyDays: Int(heavy?.value ?? 1_000_000))
        let seasonDays = days.map { SeasonStatus.Day($0, sandDust: sandDustDays.contains($0.dayNumber)) }
        let status = SeasonStatus(
            days: seasonDays, firstDay: plan.start.dayNumber, lastDay: plan.end.dayNumber, asOfDay: asOf.dayNumber,
            targets: targets)
        let previousSeasonDays = previousDays.map {
            SeasonStatus.Day($0, sandDust: sandDustDays.contains($0.dayNumber))
        }
        let previous =
            previousDays.isEmpty
            ? nil
            : SeasonStatus(
                days: previousSeasonDays, firstDay: lastYear.start.dayNumber, lastDay: lastYear.end.dayNumber,
                asOfDay: lastYear.asOf.dayNumber, targets: targets)
        let ranking = withRanking ? try await stationRanking(plan: plan, asOf: asOf, store: store) : []
        return SeasonFigures(
            status: status, previous: previous,
            months: months(
                plan: plan, asOf: asOf, days: seasonDays, previous: previousSeasonDays),
            ranking: ranking, pm25Target: pm25, heavyTarget: heavy, asOf: asOf,
            days: days.filter { $0.dayNumber <= asOf.dayNumber }, sandDust: periods, sandDustDays: sandDustDays)
    }
}

extension SeasonFigures {
    /// Every station's season summary so far, the highest PM2.5 mean first.
    fileprivate static func stationRanking(
        plan: Plan, asOf: CivilDate, store: AirQualityStore
    ) async throws -> [StationRank] {
        let stationDays = try await store.stationDays(from: plan.start.description, to: min(asOf, plan.end).description)
        let stations = Dictionary(try await store.stations().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        return Dictionary(grouping: stationDays, by: \.station).compactMap { code, days -> StationRank? in
            guard let station = stations[code] else { return nil }
            return StationRank(station: station, summary: SeasonSummary(days: days.map(\.statistics)))
        }.sorted {
            ($0.summary.statistics[.pm25] ?? -1, $1.station.code) > (
                $1.summary.statistics[.pm25] ?? -1, $0.station.code
            )
        }
    }

    /// The season's months up to the as-of day, each beside the same month a year earlier.
    fileprivate static func months(
        plan: Plan, asOf: CivilDate, days: [SeasonStatus.Day], previous: [SeasonStatus.Day]
    ) -> [Month] {
        func key(_ dayNumber: Int) -> Int {
            let date = CivilDate(dayNumber: dayNumber)
            return date.year * 12 + date.month - 1
        }
        func pm25(_ days: [SeasonStatus.Day]) -> [Double] { days.filter { !$0.sandDust }.compactMap(\.pm25) }
        let counted = days.filter { $0.dayNumber >= plan.start.dayNumber && $0.dayNumber <= asOf.dayNumber }
        let byMonth = Dictionary(grouping: counted, by: { key($0.dayNumber) })
        let previousByMonth = Dictionary(grouping: previous, by: { key($0.dayNumber) + 12 })
        var result: [Month] = []
        var first = key(plan.start.dayNumber)
        let last = key(min(asOf, plan.end).dayNumber)
        while first <= last {
            let (year, month) = (first / 12, first % 12 + 1)
            let these = byMonth[first] ?? []
            let before = previousByMonth[first] ?? []
            let start = max(plan.start, CivilDate(year: year, month: month, day: 1)!)
            let end = min(asOf, CivilDate(year: year, month: month, day: CivilDate.daysIn(year: year, month: month))!)
            var categories: [AQICategory: Int] = [:]
            for day in these { if let aqi = day.aqi { categories[AQICategory(aqi: aqi), default: 0] += 1 } }
            result.append(
                Month(
                    year: year, month: month, pm25Days: pm25(these).count,
                    pm25Mean: Statistics.periodMean(pm25(these)),
                    valid: Statistics.monthlyMean(pm25(these), month: month) != nil,
                    previousPM25Days: pm25(before).count, previousPM25Mean: Statistics.periodMean(pm25(before)),
                    previousValid: Statistics.monthlyMean(pm25(before), month: month) != nil,
                    categoryDays: categories,
                    daysWithoutAQI: max(0, end.dayNumber - start.dayNumber + 1 - these.filter { $0.aqi != nil }.count)))
            first += 1
        }
        return result
    }
}
