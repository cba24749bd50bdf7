import Campaign
import Persistence
import Services
import Vapor

extension Application {
    private struct CampaignCachesKey: StorageKey {
        typealias Value = Campaigns.Caches
    }

    /// Set once by `configure`, before the server starts.
    var campaignCaches: Campaigns.Caches {
        get { storage[CampaignCachesKey.self]! }
        set { storage[CampaignCachesKey.self] = newValue }
    }

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
    /// The campaign service on this request's database, with the app's caches and indicator sources.
    var campaigns: Campaigns {
        Campaigns(db: db, caches: application.campaignCaches, sources: application.indicatorSources)
    }

    /// The current plan, loaded; 404 with a message when no plan is loaded.
    func currentPlan() async throws -> LoadedPlan {
        try await campaigns.currentPlan()
    }

    /// The current plan's time zone (Beijing when the plan names none this system knows).
    func zone() async throws -> TimeZone {
        TimeZone(identifier: try await currentPlan().plan.timeZone) ?? TimeZone(identifier: "Asia/Shanghai")!
    }

    /// The current plan with every task assessed now — or, with `?asOf=YYYY-MM-DD` on a page that only reads,
    /// as it stood at the end of that day.
    func campaign(allowingAsOf: Bool = true) async throws -> CampaignSnapshot {
        try await campaigns.snapshot(now: now, asOf: allowingAsOf ? query[String.self, at: "asOf"] : nil)
    }

    /// Whether reports or some connected source measure indicators declared with `source`.
    func isConnected(_ source: Indicator.Source) -> Bool {
        application.indicatorSources.isConnected(source)
    }
}

extension TaskFilter: Content {}
