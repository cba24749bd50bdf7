import Campaign
import FluentKit
import Foundation
import LantianCore
import MarketSupervision
import Persistence

/// The plan's market-supervision indicators counted from the bureau's records, through the indicator-source
/// socket: an indicator declared `source: {market: METRIC}` takes its value from here, not from reports.
///
/// Metrics, each over the calendar year of its task's deadline and the records sampled up to `asOf`:
/// - `fuel-batches`: spot checks of vehicle petrol and diesel (t24's 600 批次);
/// - `urea-batches`: spot checks of diesel exhaust fluid at stations along expressways, national and provincial
///   roads (t24's 80 批次);
/// - `vocs-batches`: spot checks of coatings, adhesives and cleaners (t05's 20 批次);
/// - `station-coverage` / `coal-point-coverage`: licensed filling stations / clean-coal points with at least one
///   fuel / coal check, as a percentage of those registered (none registered: no value);
/// - `action-days`: the days run by the longest special action that started in the year (f133-3's 30 天; no action:
///   no value).
public final class MarketIndicatorSource: IndicatorValueSource, Sendable {
    public static let metrics: Set<String> = [
        "fuel-batches", "urea-batches", "vocs-batches", "station-coverage", "coal-point-coverage", "action-days",
    ]

    /// Values by plan and day, for one `market` version.
    private let cache = VersionedCache<[String: [String: Double]]>()

    public init() {}

    public func measures(_ source: Indicator.Source) -> Bool {
        if case .market(let metric) = source { return Self.metrics.contains(metric) }
        return false
    }

    public func values(for plan: Plan, asOf: Date, on database: any Database, versions: CacheVersions) async throws
        -> [String: [String: Double]]
    {
        let wanted = plan.tasks.flatMap { task in
            task.indicators.compactMap { indicator -> (task: PlanTask, code: String, metric: String)? in
                guard case .market(let metric) = indicator.source, Self.metrics.contains(metric) else { return nil }
                return (task, indicator.code, metric)
            }
        }
        guard !wanted.isEmpty, let calendar = ReportingCalendar(plan: plan) else { return [:] }
        // A snapshot "as of" a day is taken at 00:00 of the next: the second before it is still that day.
        let day = calendar.civilDate(of: asOf.addingTimeInterval(-1))
        return try await cache.value(version: [versions[.market]], key: "\(plan.code)|\(day)") {
            let store = MarketStore(database: database)
            let sites = try await store.sites()
            let checks = try await store.checks().filter { $0.check.sampledOn <= day }
            let batches = Market.batches(checks, sites: sites)
            let actions = try await store.actions().map(\.action)
            var values: [String: [String: Double]] = [:]
            for (task, code, metric) in wanted {
                let year = task.deadline.year
                if metric == "action-days" {
                    let run = actions.filter { $0.start.year == year }.map { $0.daysRun(by: day) }
                    if let longest = run.max() { values[task.code, default: [:]][code] = Double(longest) }
                    continue
                }
                if let value = Self.value(metric, year: year, batches: batches, sites: sites) {
                    values[task.code, default: [:]][code] = value
                }
            }
            return values
        }
    }

    /// One metric's value in `year`; nil when it has no denominator.
    static func value(_ metric: String, year: Int, batches: [SamplingProgress.Batch], sites: [MarketSite]) -> Double? {
        let inYear = batches.filter { $0.sampledOn.year == year }
        func family(_ batch: SamplingProgress.Batch) -> ProductFamily? { ProductFamily(product: batch.product) }
        func coverage(_ family: ProductFamily) -> Double? {
            guard let kind = family.coveredKind else { return nil }
            let registered = sites.filter { $0.kind == kind && $0.licensed }
            guard !registered.isEmpty else { return nil }
            let sampled = Set(inYear.filter { ProductFamily(product: $0.product) == family }.compactMap(\.siteCode))
            return Double(registered.filter { sampled.contains($0.code) }.count) * 100 / Double(registered.count)
        }
        switch metric {
        case "fuel-batches": return Double(inYear.filter { family($0) == .fuel }.count)
        case "urea-batches": return Double(inYear.filter { family($0) == .urea && $0.alongRoad }.count)
        case "vocs-batches":
            return Double(inYear.filter { [.coatings, .adhesives, .cleaners].contains(family($0)) }.count)
        case "station-coverage": return coverage(.fuel)
        case "coal-point-coverage": return coverage(.coal)
        default: return nil
        }
    }
}
