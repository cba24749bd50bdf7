import Campaign
import FluentKit
import Foundation
import Persistence

/// A source of indicator values other than the units' reports: an item-level ledger (boilers, households,
/// trucks) or monitoring data (dust fall, station capture). A connected source's values replace reported ones
/// for the indicators it answers for; an indicator whose source is not connected falls back to reports.
///
/// The socket takes the plan, a moment, the database to read (the request's own connection, so that a source's
/// queries are spread like the request's) and the cache versions the request already read (so that a cached
/// source answers without a query), nothing of the web: a source keeps its own store and caches.
public protocol IndicatorValueSource: Sendable {
    /// Whether this source measures indicators declared with `source`.
    func measures(_ source: Indicator.Source) -> Bool

    /// Values at `asOf`, by task code and indicator code, for the indicators of `plan` it measures.
    func values(for plan: Plan, asOf: Date, on db: any Database, versions: CacheVersions) async throws
        -> [String: [String: Double]]
}

extension [any IndicatorValueSource] {
    /// What the sources measure at `asOf`, merged by task and indicator (a later source wins).
    func measuredValues(for plan: Plan, asOf: Date, on db: any Database, versions: CacheVersions) async throws
        -> [String: [String: Double]]
    {
        var merged: [String: [String: Double]] = [:]
        for source in self {
            for (task, values) in try await source.values(for: plan, asOf: asOf, on: db, versions: versions) {
                merged[task, default: [:]].merge(values) { _, new in new }
            }
        }
        return merged
    }

    /// Whether reports or some connected source measure indicators declared with `source`.
    public func isConnected(_ source: Indicator.Source) -> Bool {
        source == .report || contains { $0.measures(source) }
    }
}
