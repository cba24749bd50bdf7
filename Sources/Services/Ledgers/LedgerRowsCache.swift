import Foundation
import NIOConcurrencyHelpers
import Persistence

/// The rows of each ledger one process keeps, in key order, for the `ledgers` cache version they were read at.
/// At a newer version only the rows written since are read (each row carries the version of its last write) and
/// merged in, so that after a one-row edit a 100,000-row ledger is current again in milliseconds, on every
/// instance.
public final class LedgerRowsCache: Sendable {
    struct Entry: Sendable {
        var version: Int
        var rows: [LedgerStore.StoredRow]
        var position: [UUID: Int]
    }

    private let entries = NIOLockedValueBox<[String: Entry]>([:])

    public init() {}

    /// `ledger`'s rows as of `version`.
    public func rows(_ ledger: String, version: Int, store: LedgerStore) async throws -> [LedgerStore.StoredRow] {
        let kept = entries.withLockedValue { $0[ledger] }
        if let kept, kept.version == version { return kept.rows }
        var entry: Entry
        if let kept, kept.version < version {
            entry = kept
            entry.version = version
            var added = false
            for row in try await store.rows(ledger: ledger, writtenAfter: kept.version) {
                if let at = entry.position[row.id] {
                    entry.rows[at] = row
                } else {
                    entry.rows.append(row)
                    added = true
                }
            }
            if added {
                entry.rows.sort { $0.key < $1.key }
                entry.position = Self.positions(entry.rows)
            }
        } else {
            let rows = try await store.rows(ledger: ledger)
            entry = Entry(version: version, rows: rows, position: Self.positions(rows))
        }
        let result = entry
        entries.withLockedValue { entries in
            if (entries[ledger]?.version ?? -1) < result.version { entries[ledger] = result }
        }
        return entry.rows
    }

    static func positions(_ rows: [LedgerStore.StoredRow]) -> [UUID: Int] {
        Dictionary(rows.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }
}
