import Campaign
import Foundation

/// A source of indicator values other than the units' reports: an item-level ledger (boilers, households,
/// trucks) or monitoring data (dust fall, station capture). A connected source's values replace reported ones
/// for the indicators it answers for; an indicator whose source is not connected falls back to reports.
///
/// The socket takes the plan and a moment, nothing of the web or of a request: a source keeps its own store.
public protocol IndicatorValueSource: Sendable {
    /// Whether this source measures indicators declared with `source`.
    func measures(_ source: Indicator.Source) -> Bool

    /// Values at `asOf`, by task code and indicator code, for the indicators of `plan` it measures.
    func values(for plan: Plan, asOf: Date) async throws -> [String: [String: Double]]
}

extension [any IndicatorValueSource] {
    /// What the sources measure at `asOf`, merged by task and indicator (a later source wins).
    func measuredValues(for plan: Plan, asOf: Date) async throws -> [String: [String: Double]] {
        var merged: [String: [String: Double]] = [:]
        for source in self {
            for (task, values) in try await source.values(for: plan, asOf: asOf) {
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
