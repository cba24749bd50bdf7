import Campaign
import Emergency
import FluentKit
import Foundation
import LantianCore
import Persistence
import SourceMonitoring

/// The plan's pollution-source indicators counted from the records, through the indicator-source socket: an
/// indicator declared `source: {sources: METRIC}` takes its value from here, not from reports.
///
/// Metrics:
/// - `vocs-coverage` / `nox-coverage`: the key-polluter list's share of the registry's industrial VOCs / NOx,
///   percent to one decimal (s13-1's 65 %; no registry: no value);
/// - `vocs-monitors`: networked outlets monitoring VOCs whose data had at least 25 valid days (HJ 75/76-2017's
///   valid month, each day ≥ 20 valid hours) in the 30 days before the snapshot's day — t10's 15 台（套）
///   "稳定正常运行".
public final class SourcesIndicatorSource: IndicatorValueSource, Sendable {
    public static let metrics: Set<String> = ["vocs-coverage", "nox-coverage", "vocs-monitors"]
    /// Valid days in 30 that count a monitor as running stably.
    public static let stableDays = 25

    private let cache = VersionedCache<[String: [String: Double]]>()

    public init() {}

    public func measures(_ source: Indicator.Source) -> Bool {
        if case .sources(let metric) = source { return Self.metrics.contains(metric) }
        return false
    }

    public func values(for plan: Plan, asOf: Date, on database: any Database, versions: CacheVersions) async throws
        -> [String: [String: Double]]
    {
        let wanted = plan.tasks.flatMap { task in
            task.indicators.compactMap { indicator -> (task: String, code: String, metric: String)? in
                guard case .sources(let metric) = indicator.source, Self.metrics.contains(metric) else { return nil }
                return (task.code, indicator.code, metric)
            }
        }
        guard !wanted.isEmpty, let calendar = ReportingCalendar(plan: plan) else { return [:] }
        let day = calendar.civilDate(of: asOf.addingTimeInterval(-1))
        let version = [versions[.sources], versions[.emergency]]
        return try await cache.value(version: version, key: "\(plan.code)|\(day)") {
            let monitoring = OnlineMonitoring(db: database)
            let coverage = try await monitoring.coverage()
            var values: [String: [String: Double]] = [:]
            var monitors: Double?
            for (task, code, metric) in wanted {
                let value: Double?
                switch metric {
                case "vocs-coverage": value = coverage.result.vocsShare.map { ($0 * 10).rounded() / 10 }
                case "nox-coverage": value = coverage.result.noxShare.map { ($0 * 10).rounded() / 10 }
                default:
                    if monitors == nil { monitors = Double(try await Self.stableMonitors(monitoring, before: day)) }
                    value = monitors
                }
                if let value { values[task, default: [:]][code] = value }
            }
            return values
        }
    }

    /// Networked VOCs outlets with at least `stableDays` valid days of VOCs data in the 30 days before `day`.
    static func stableMonitors(_ monitoring: OnlineMonitoring, before day: CivilDate) async throws -> Int {
        let first = day.adding(days: -30)
        let from = MinuteStamp(day: first, hour: 0)
        let to = MinuteStamp(day: day, hour: 0)
        var count = 0
        for outlet in try await monitoring.store.outlets() where outlet.networked && outlet.monitorsVOCs {
            let blocks = try await monitoring.store.blocks(
                mn: outlet.mn, months: HourBlock.month(of: from)...HourBlock.month(of: to.adding(minutes: -1)))
            let series = OutletSeries(mn: outlet.mn, blocks: blocks).clipped(from..<to)
            let factors = outlet.factors.filter { $0 == "a24088" || $0.hasPrefix("a25") }
            if factors.contains(where: { series.validDays($0).valid >= stableDays }) { count += 1 }
        }
        return count
    }
}
