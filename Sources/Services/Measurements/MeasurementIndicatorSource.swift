import Campaign
import FluentKit
import Foundation
import LantianCore
import Ledger
import Persistence

/// The plan's indicators computed from the monthly per-county measurements, through the indicator-source socket:
/// an indicator declared `source: {measurement: CODE}` takes the value the measurement's entry for it computes
/// over the months up to the view's (dust fall: the worst county's mean); no value entered yet gives no value, and
/// the units' reports stand.
public final class MeasurementIndicatorSource: IndicatorValueSource, Sendable {
    private let cache = VersionedCache<[String: [String: Double]]>()

    public init() {}

    public func measures(_ source: Indicator.Source) -> Bool {
        guard case .measurement(let code) = source else { return false }
        return Measurements.measurement(code) != nil
    }

    public func values(for plan: Plan, asOf: Date, on database: any Database, versions: CacheVersions) async throws
        -> [String: [String: Double]]
    {
        guard let calendar = ReportingCalendar(plan: plan) else { return [:] }
        let day = calendar.civilDate(of: asOf.addingTimeInterval(-1))
        let month = ReportMonth(containing: day).description
        return try await cache.value(version: [versions[.measurements]], key: "\(plan.code)|\(month)") {
            let stored = try await MeasurementStore(database: database).values()
            var values: [String: [String: Double]] = [:]
            for task in plan.tasks {
                for indicator in task.indicators {
                    guard case .measurement(let code) = indicator.source,
                        let measurement = Measurements.measurement(code),
                        let entry = measurement.indicators.first(where: {
                            $0.task == task.code && $0.indicator == indicator.code
                        }),
                        let value = measurement.value(entry.aggregate, stored[code] ?? [], through: month)
                    else { continue }
                    values[task.code, default: [:]][indicator.code] = value
                }
            }
            return values
        }
    }
}
