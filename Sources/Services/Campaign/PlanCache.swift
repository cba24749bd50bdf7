import Campaign
import FluentKit
import Foundation
import NIOConcurrencyHelpers
import Persistence

/// Keeps the current plan loaded in memory: a stored plan's tasks never change after import, so one load serves
/// every request until a plan is imported or a unit added (on any instance): the `plan` and `units` versions.
public final class PlanCache: Sendable {
    private struct Entry: Sendable {
        var plan: Int
        var units: Int
        var loaded: LoadedPlan?
    }

    private let entry = NIOLockedValueBox<Entry?>(nil)

    public init() {}

    /// The plan last loaded, without asking the database whether it is still current: for what may lag a unit
    /// added a moment ago on another instance (the menu), not for what a request reads or writes.
    var lastLoaded: LoadedPlan? { entry.withLockedValue { $0?.loaded } }

    /// The current plan, nil when none is loaded.
    func current(versions: CacheVersions, on db: any Database) async throws -> LoadedPlan? {
        if let cached = entry.withLockedValue({ $0 }), cached.plan == versions[.plan],
            cached.units == versions[.units]
        {
            return cached.loaded
        }
        let store = PlanStore(database: db)
        var loaded: LoadedPlan?
        if let record = try await store.currentPlan() { loaded = try await store.load(record) }
        entry.withLockedValue { $0 = Entry(plan: versions[.plan], units: versions[.units], loaded: loaded) }
        return loaded
    }
}
