import Campaign
import Fluent
import Foundation
import Persistence
import Vapor

/// A source of indicator values other than the units' reports: an item-level ledger (boilers, households,
/// trucks) or monitoring data (dust fall). A connected source's values replace reported ones for the
/// indicators it answers for; an indicator whose source is not connected falls back to reports.
public protocol IndicatorValueSource: Sendable {
    /// Whether this source measures indicators declared with `source`.
    func measures(_ source: Indicator.Source) -> Bool

    /// Current values at `asOf`, by task code and indicator code, for the indicators it measures.
    func values(for loaded: LoadedPlan, asOf: Date, on db: any Database) async throws -> [String: [String: Double]]
}

extension Application {
    private struct IndicatorSourcesKey: StorageKey {
        typealias Value = [any IndicatorValueSource]
    }

    /// The connected indicator sources; capabilities that keep ledgers or monitoring data add theirs here
    /// in `configure`.
    public var indicatorSources: [any IndicatorValueSource] {
        get { storage[IndicatorSourcesKey.self] ?? [] }
        set { storage[IndicatorSourcesKey.self] = newValue }
    }
}

extension Request {
    /// What the connected sources measure now (or at `asOf`), merged by task and indicator.
    func measuredValues(for loaded: LoadedPlan, asOf: Date) async throws -> [String: [String: Double]] {
        var merged: [String: [String: Double]] = [:]
        for source in application.indicatorSources {
            for (task, values) in try await source.values(for: loaded, asOf: asOf, on: db) {
                merged[task, default: [:]].merge(values) { _, new in new }
            }
        }
        return merged
    }

    /// Whether some connected source measures indicators declared with `source`.
    func isConnected(_ source: Indicator.Source) -> Bool {
        source == .report || application.indicatorSources.contains { $0.measures(source) }
    }
}
