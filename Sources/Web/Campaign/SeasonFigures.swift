import AirQuality
import Campaign
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Persistence
import Vapor

/// The plan's two air targets against the stored city series, as of a day: what the dashboard and 空气质量
/// pages show.
struct SeasonFigures: Sendable {
    var status: SeasonStatus
    var pm25Target: AirQualityTarget?
    var heavyTarget: AirQualityTarget?
    /// The last day counted (inclusive).
    var asOf: CivilDate
    var days: [DailyStatistics]
    /// Declared sand-dust periods, and the day numbers they cover.
    var sandDust: [AirQualityStore.SandDustPeriod]
    var sandDustDays: Set<Int>

    /// Figures for `plan` up to the end of `asOf` (clamped to the plan period).
    static func load(plan: Plan, asOf requested: CivilDate, on db: any Database) async throws -> SeasonFigures {
        let asOf = min(max(requested, plan.start.adding(days: -1)), plan.end)
        let store = AirQualityStore(database: db)
        let days = try await store.cityDays(from: plan.start.description, to: plan.end.description)
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
        let seasonDays = days.map { day in
            SeasonStatus.Day(
                dayNumber: day.dayNumber, pm25: day.means[.pm25],
                aqi: AQIStandard.hj633.dailyAQI(day.concentrations).aqi, sandDust: sandDustDays.contains(day.dayNumber))
        }
        let status = SeasonStatus(
            days: seasonDays, firstDay: plan.start.dayNumber, lastDay: plan.end.dayNumber, asOfDay: asOf.dayNumber,
            targets: targets)
        return SeasonFigures(
            status: status, pm25Target: pm25, heavyTarget: heavy, asOf: asOf,
            days: days.filter { $0.dayNumber <= asOf.dayNumber }, sandDust: periods, sandDustDays: sandDustDays)
    }
}

/// Keeps the last season figures computed until the next write transaction on the database or another day:
/// station data and sand-dust periods change only through write transactions.
final class SeasonFiguresCache: Sendable {
    private let entry = NIOLockedValueBox<(plan: String, asOf: CivilDate, writes: Int, figures: SeasonFigures)?>(nil)

    func figures(plan: Plan, asOf: CivilDate, on db: any Database) async throws -> SeasonFigures {
        let writes = try await db.writeCount()
        if let cached = entry.withLockedValue({ $0 }), cached.plan == plan.code, cached.asOf == asOf,
            cached.writes == writes
        {
            return cached.figures
        }
        let figures = try await SeasonFigures.load(plan: plan, asOf: asOf, on: db)
        entry.withLockedValue { $0 = (plan.code, asOf, writes, figures) }
        return figures
    }
}

extension Application {
    private struct SeasonFiguresCacheKey: StorageKey {
        typealias Value = SeasonFiguresCache
    }

    /// Set once by `configure`, before the server starts.
    var seasonFiguresCache: SeasonFiguresCache {
        get { storage[SeasonFiguresCacheKey.self]! }
        set { storage[SeasonFiguresCacheKey.self] = newValue }
    }
}
