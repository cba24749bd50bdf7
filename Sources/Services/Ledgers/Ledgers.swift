import Campaign
import Emergency
import FluentKit
import Foundation
import LantianCore
import Ledger
import Persistence
import Seed
import Spreadsheet

/// Ledgers (台账) for the web app and the command line: the types, and rows imported from uploaded tables.
public struct Ledgers: Sendable {
    public let store: LedgerStore
    let emergency: EmergencyStore
    let cache: LedgerRowsCache

    /// `cache`: the rows the process keeps by ledger (one for the web app's lifetime, shared with the indicator
    /// source).
    public init(db: any Database, cache: LedgerRowsCache = .init()) {
        store = LedgerStore(database: db)
        emergency = EmergencyStore(database: db)
        self.cache = cache
    }

    /// A ledger's rows in key order, read once per `ledgers` version.
    public func rows(_ ledger: String) async throws -> [LedgerStore.StoredRow] {
        let version = try await CacheVersions.read(on: store.database)[.ledgers]
        return try await rows(ledger, version: version)
    }

    func rows(_ ledger: String, version: Int) async throws -> [LedgerStore.StoredRow] {
        try await cache.rows(ledger, version: version, store: store)
    }

    /// The types that ship (Sources/Seed/Resources/ledgers); each is checked by the tests.
    public static let shipped: [LedgerType] = SeedLedgers.codes.compactMap { code in
        try? LedgerTypeFile.read(try SeedLedgers.type(code))
    }

    public func types() -> [LedgerType] { Self.shipped }

    public func type(_ code: String) -> LedgerType? { types().first { $0.code == code } }

    /// What the plan resolves: its counties (as market supervision spells them: code, name, alias) and units.
    static func lookup(plan: Plan, enterprises: Set<String>) -> LedgerRows.Lookup {
        var units: [String: String] = [:]
        for unit in plan.units {
            for spelling in [unit.code, unit.name] + unit.aliases { units[spelling] = unit.code }
        }
        let bureaus = MarketBureaus(units: plan.units)
        let frozenUnits = units
        return LedgerRows.Lookup(
            county: { bureaus.county($0) }, unit: { frozenUnits[$0] }, enterprise: { enterprises.contains($0) })
    }

    /// Imports an uploaded table of `type`'s rows; with `onlyOwner`, rows of other owners are refused.
    public func importRows(
        _ data: Data, file: String, type: LedgerType, plan: Plan, onlyOwner: String?, actor: AuditLog.Actor,
        at now: Date, today: CivilDate
    ) async throws -> (outcome: TableImportOutcome, summary: LedgerStore.ImportSummary?) {
        let lookup = Self.lookup(plan: plan, enterprises: Set(try await emergency.enterprises().map(\.id)))
        var summary: LedgerStore.ImportSummary?
        let outcome = try await TableImportOutcome.importing(
            data, file: file, read: { LedgerRows.read($0, type: type, lookup: lookup, onlyOwner: onlyOwner) },
            store: { rows in
                let done = try await store.importRows(
                    rows, type: type, source: file, actor: actor, at: now, today: today)
                summary = done
                return done.new
            })
        return (outcome, summary)
    }
}
