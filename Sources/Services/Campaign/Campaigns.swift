import Campaign
import FluentKit
import Foundation
import LantianCore
import Persistence

/// The campaign as pages, the API and the CLI read it: the current plan, every task assessed at a moment, and
/// the season's air figures, from caches that reload when their topic's version changes.
public struct Campaigns: Sendable {
    /// The caches one process keeps; the web app holds one for its lifetime.
    public final class Caches: Sendable {
        let plan = PlanCache()
        let reportFacts = ReportFactsCache()
        let seasonFigures = SeasonFiguresCache()
        /// Ledger rows by ledger: for the ledger pages and the ledger indicator source.
        public let ledgerRows = LedgerRowsCache()

        public init() {}
    }

    /// The indicator sources that ship, connected to `caches` (the web app's and the command line's one list).
    public static func indicatorSources(caches: Caches = Caches()) -> [any IndicatorValueSource] {
        [
            MarketIndicatorSource(), SourcesIndicatorSource(), LedgerIndicatorSource(rows: caches.ledgerRows),
            MeasurementIndicatorSource(),
        ]
    }

    public let db: any Database
    public let caches: Caches
    public let sources: [any IndicatorValueSource]

    public init(db: any Database, caches: Caches, sources: [any IndicatorValueSource] = []) {
        self.db = db
        self.caches = caches
        self.sources = sources
    }

    /// The current plan, loaded; `notFound` with a message when no plan is loaded.
    public func currentPlan() async throws -> LoadedPlan {
        try await currentPlan(versions: try await CacheVersions.read(on: db))
    }

    private func currentPlan(versions: CacheVersions) async throws -> LoadedPlan {
        guard let loaded = try await caches.plan.current(versions: versions, on: db) else {
            throw ServiceError.notFound("尚未导入攻坚方案。请大气办管理员在“方案导入”中导入。")
        }
        return loaded
    }

    /// The current plan with every task assessed at `now` — or, with `asOf` (`YYYY-MM-DD`), as it stood at the
    /// end of that day: reports first submitted later are left out. An `asOf` that is not a day up to today is
    /// `invalid`.
    public func snapshot(now: Date, asOf text: String? = nil) async throws -> CampaignSnapshot {
        let versions = try await CacheVersions.read(on: db)
        let loaded = try await currentPlan(versions: versions)
        let facts = try await caches.reportFacts.facts(for: loaded, version: versions[.reports], on: db)
        guard let text, !text.isEmpty else {
            let measured = try await sources.measuredValues(for: loaded.plan, asOf: now, on: db, versions: versions)
            return try CampaignSnapshot(loaded: loaded, facts: facts, now: now, measured: measured, versions: versions)
        }
        guard let day = CivilDate(text), let calendar = ReportingCalendar(plan: loaded.plan),
            calendar.startOfDay(day) <= now
        else { throw ServiceError.invalid("统计时点应为今天或以前的日期（YYYY-MM-DD）") }
        let instant = calendar.endOfDay(day)
        let then = facts.mapValues { reports in reports.filter { ($0.submittedAt ?? .distantFuture) < instant } }
        let measured = try await sources.measuredValues(
            for: loaded.plan, asOf: instant, on: db, versions: versions)
        return try CampaignSnapshot(
            loaded: loaded, facts: then, now: instant, asOf: day, measured: measured, versions: versions)
    }

    /// The plan's air targets against the stored city series up to the end of `asOf`, cached; `versions` read
    /// earlier in the same request (a snapshot's) spare a query.
    public func seasonFigures(plan: Plan, asOf: CivilDate, versions known: CacheVersions? = nil) async throws
        -> SeasonFigures
    {
        let versions: CacheVersions
        if let known { versions = known } else { versions = try await CacheVersions.read(on: db) }
        return try await caches.seasonFigures.figures(plan: plan, asOf: asOf, version: versions[.airData], on: db)
    }

    /// The plan this process loaded last, with no query (``PlanCache/lastLoaded``).
    public var lastLoadedPlan: LoadedPlan? { caches.plan.lastLoaded }

    /// Whether reports or some connected source measure indicators declared with `source`.
    public func isConnected(_ source: Indicator.Source) -> Bool { sources.isConnected(source) }
}
