import Campaign
import FluentKit
import Foundation
import LantianCore
import Ledger
import Persistence

/// The plan's indicators computed from ledgers, through the indicator-source socket: an indicator declared
/// `source: {ledger: CODE}` takes its value from the rows of ledger CODE as the ledger type's entry for that task
/// and indicator computes it (docs/LEDGER-FORMAT.md). A ledger with no rows yet gives no value: the reports stand.
public final class LedgerIndicatorSource: IndicatorValueSource, Sendable {
    private let cache = VersionedCache<[String: [String: Double]]>()
    /// The rows by ledger, shared with the pages (``Ledgers``).
    public let rows: LedgerRowsCache

    public init(rows: LedgerRowsCache = .init()) {
        self.rows = rows
    }

    static func entry(_ source: Indicator.Source, task: String, indicator: String) -> (LedgerType, LedgerIndicator)? {
        guard case .ledger(let name, _) = source, let type = Ledgers.shipped.first(where: { $0.code == name }),
            let entry = type.indicators.first(where: { $0.task == task && $0.indicator == indicator })
        else { return nil }
        return (type, entry)
    }

    public func measures(_ source: Indicator.Source) -> Bool {
        guard case .ledger(let name, _) = source else { return false }
        return Ledgers.shipped.contains { $0.code == name }
    }

    public func values(for plan: Plan, asOf: Date, on database: any Database, versions: CacheVersions) async throws
        -> [String: [String: Double]]
    {
        guard let calendar = ReportingCalendar(plan: plan) else { return [:] }
        let day = calendar.civilDate(of: asOf.addingTimeInterval(-1))
        let version = versions[.ledgers]
        let ledgers = Ledgers(db: database, cache: rows)
        return try await cache.value(version: [version], key: "\(plan.code)|\(day)") {
            var values: [String: [String: Double]] = [:]
            var read: [String: [LedgerRow]] = [:]
            for task in plan.tasks {
                for indicator in task.indicators {
                    guard let (type, entry) = Self.entry(indicator.source, task: task.code, indicator: indicator.code)
                    else { continue }
                    if read[type.code] == nil {
                        read[type.code] = try await ledgers.rows(type.code, version: version).map(\.row)
                    }
                    guard let ledger = read[type.code], !ledger.isEmpty else { continue }
                    let result = LedgerAggregate.compute(
                        entry, type: type, rows: ledger, deadline: task.deadline, asOf: day)
                    values[task.code, default: [:]][indicator.code] = result.total
                }
            }
            return values
        }
    }
}
