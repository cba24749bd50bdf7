import Campaign
import FluentKit
import Foundation
import LantianCore
import MarketSupervision
import Persistence
import Seed
import Spreadsheet

/// The market-supervision bureau's work as the web app and the CLI do it: registry imports, sampling plans and
/// their progress, spot checks judged by the standards library, cases, and 追根溯源 for a failed batch.
public struct Market: Sendable {
    public let db: any Database
    public let library: StandardsLibrary

    public init(db: any Database, library: StandardsLibrary) {
        self.db = db
        self.library = library
    }

    /// The standards library that ships with Lantian (`Sources/Seed/Resources/standards/market.yaml`), read once.
    public static let shippedLibrary: StandardsLibrary = {
        do { return try StandardsFile.read(try SeedStandards.market) } catch {
            fatalError("the shipped standards file does not read: \(error)")
        }
    }()

    public var store: MarketStore { MarketStore(database: db) }

    /// How far back a failed batch's supply is traced: deliveries in the 90 days before sampling (a station's
    /// tanks turn over within weeks), and co-supplied receivers within 30 days either side.
    public static let traceDays = 90
    public static let coSupplyWindowDays = 30

    // MARK: Registry

    /// What an import did: refused with problems (nothing stored), or stored with warnings.
    public typealias ImportOutcome = TableImportOutcome

    /// Imports a sites table (CSV in UTF-8 or GB18030, or .xlsx); any problem refuses the whole file.
    public func importSites(
        _ data: Data, file: String, bureaus: MarketBureaus, actor: AuditLog.Actor, at now: Date
    ) async throws -> ImportOutcome {
        try await .importing(
            data, file: file, read: { Registry.sites($0, county: bureaus.county) },
            store: { try await store.upsertSites($0, file: file, actor: actor, at: now) })
    }

    /// Imports a deliveries table; deliveries already stored are skipped.
    public func importDeliveries(_ data: Data, file: String, actor: AuditLog.Actor, at now: Date) async throws
        -> ImportOutcome
    {
        let known = Set(try await store.sites().map(\.code))
        return try await .importing(
            data, file: file, read: { Registry.deliveries($0, known: known.contains) },
            store: { try await store.addDeliveries($0, file: file, actor: actor, at: now) })
    }

    // MARK: Plans and progress

    /// A plan with its progress at `today`.
    public struct PlanProgress: Sendable {
        public var plan: MarketStore.StoredPlan
        public var progress: SamplingProgress
    }

    /// Every sampling plan with its progress and coverage at `today`.
    public func plansWithProgress(bureaus: MarketBureaus, today: CivilDate) async throws -> [PlanProgress] {
        let plans = try await store.plans()
        guard !plans.isEmpty else { return [] }
        let sites = try await store.sites()
        let checks = try await store.checks()
        let batches = Self.batches(checks, sites: sites)
        return plans.map { plan in
            PlanProgress(
                plan: plan,
                progress: SamplingProgress(
                    family: plan.family, year: plan.year, quotas: plan.quotas.map { ($0.unit, $0.quota) },
                    batches: batches, sites: sites, counties: bureaus.counties.map(\.code), today: today))
        }
    }

    /// What the progress counts of stored checks; a site's road decides whether its urea counts.
    static func batches(_ checks: [MarketStore.StoredCheck], sites: [MarketSite]) -> [SamplingProgress.Batch] {
        let roads = Dictionary(sites.map { ($0.code, $0.road != nil) }, uniquingKeysWith: { a, _ in a })
        return checks.map {
            SamplingProgress.Batch(
                unit: $0.unit, product: $0.check.product, siteCode: $0.check.siteCode, sampledOn: $0.check.sampledOn,
                failed: $0.verdict == "不合格", alongRoad: $0.check.siteCode.flatMap { roads[$0] } ?? false)
        }
    }

    // MARK: Spot checks

    /// Records a spot check by `unit` and judges it by the edition in force on its sampling day; returns its id.
    public func record(_ check: SpotCheck, unit: String, actor: AuditLog.Actor, at now: Date) async throws -> UUID {
        let standard = library.standard(for: check.product, on: check.sampledOn)
        let verdict = check.verdict(in: library)
        let failed = verdict?.failures.map { "\($0.item.code):\($0.comparison)" }.joined(separator: ";") ?? ""
        return try await store.addCheck(
            check, unit: unit, standard: standard?.standard, verdict: verdict?.chinese, failed: failed,
            actor: actor, at: now)
    }

    /// The trace of a failed batch from its station: upstream suppliers and the other receivers to sample next;
    /// nil when the batch was not sampled at a registered site.
    public func trace(of check: MarketStore.StoredCheck) async throws -> SupplyTrace? {
        guard let site = check.check.siteCode else { return nil }
        let sampled = check.check.sampledOn
        // What reached the station after the sample was taken cannot be in it.
        let deliveries = try await store.deliveries(product: check.check.product).filter {
            !($0.to == site && $0.date > sampled)
        }
        return SupplyTrace(
            from: site, product: check.check.product, since: sampled.adding(days: -Self.traceDays),
            windowDays: Self.coSupplyWindowDays, deliveries: deliveries)
    }
}
