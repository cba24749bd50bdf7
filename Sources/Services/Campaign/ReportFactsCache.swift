import Campaign
import FluentKit
import Foundation
import NIOConcurrencyHelpers
import Persistence

/// Keeps the reports of the current plan, reduced for the status computation, until the `reports` version
/// changes (a report saved on any instance). After a change it reads only the reports written after the latest
/// write it holds (`reports.change_seq`: report writes take turns on the version they count, so that number
/// orders them exactly — no clock, no margin), not all of them. Requests that find the same new version share one
/// load.
public final class ReportFactsCache: Sendable {
    struct Entry: Sendable {
        var plan: UUID
        var version: Int
        var rows: [UUID: ReportStore.FactsRow]
        /// The latest write the rows include.
        var through: Int
        var facts: [String: [ReportFacts]]
    }

    private typealias Load = Task<Entry, any Error>
    private let current = NIOLockedValueBox<(version: Int, plan: UUID, load: Load)?>(nil)

    public init() {}

    func facts(for loaded: LoadedPlan, version: Int, on db: any Database) async throws -> [String: [ReportFacts]] {
        let load = current.withLockedValue { current -> Load in
            if let current, current.plan == loaded.ids.plan, current.version == version { return current.load }
            let previous = current?.plan == loaded.ids.plan ? current?.load : nil
            let load = Load {
                let store = ReportStore(database: db)
                if let base = try? await previous?.value {
                    let changed = try await store.factsRows(for: loaded, changedAfter: base.through)
                    var rows = base.rows
                    for row in changed { rows[row.id] = row }
                    return Self.entry(loaded, version, rows)
                }
                let all = try await store.factsRows(for: loaded)
                return Self.entry(loaded, version, Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { $1 }))
            }
            current = (version, loaded.ids.plan, load)
            return load
        }
        do {
            return try await load.value.facts
        } catch {
            current.withLockedValue { if $0?.version == version { $0 = nil } }
            throw error
        }
    }

    private static func entry(_ loaded: LoadedPlan, _ version: Int, _ rows: [UUID: ReportStore.FactsRow]) -> Entry {
        let facts = Dictionary(grouping: rows.values, by: \.task).mapValues { group in
            group.sorted { ($0.facts.unit, $0.facts.month) < ($1.facts.unit, $1.facts.month) }.map(\.facts)
        }
        return Entry(
            plan: loaded.ids.plan, version: version, rows: rows, through: rows.values.map(\.change).max() ?? 0,
            facts: facts)
    }
}
