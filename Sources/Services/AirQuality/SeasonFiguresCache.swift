import Campaign
import FluentKit
import LantianCore
import NIOConcurrencyHelpers
import Persistence

/// Keeps the last season figures computed until the `airData` version changes (station data or sand-dust
/// periods written on any instance) or another day is asked for.
public final class SeasonFiguresCache: Sendable {
    private let entry = NIOLockedValueBox<(plan: String, asOf: CivilDate, version: Int, figures: SeasonFigures)?>(nil)

    public init() {}

    func figures(plan: Plan, asOf: CivilDate, version: Int, on db: any Database) async throws -> SeasonFigures {
        if let cached = entry.withLockedValue({ $0 }), cached.plan == plan.code, cached.asOf == asOf,
            cached.version == version
        {
            return cached.figures
        }
        let figures = try await SeasonFigures.load(plan: plan, asOf: asOf, on: db)
        entry.withLockedValue { $0 = (plan.code, asOf, version, figures) }
        return figures
    }
}
