import FluentKit
import Foundation
import LantianCore
import Ledger
import SQLKit

/// Stores ledger rows with every change. An import is one transaction with its audit entry and counts a
/// `ledgers` cache version; rows are written a few hundred a statement.
public struct LedgerStore: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    var sql: any SQLDatabase { database as! any SQLDatabase }

    public struct StoredRow: Sendable, Hashable {
        public var id: UUID
        public var key: String
        public var owner: String
        public var row: LedgerRow
        public var version: Int
        public var updatedBy: String
        public var updatedAt: Date
    }

    /// What an import did to the ledger.
    public struct ImportSummary: Sendable, Hashable {
        public var new = 0
        public var changed = 0
        public var unchanged = 0
    }

    /// A ledger's rows, in key order.
    public func rows(ledger: String) async throws -> [StoredRow] {
        try await sql.select().column("*").from("ledger_rows").where("ledger", .equal, SQLBind(ledger))
            .orderBy("row_key").all(decoding: RowRecord.self).map(\.stored)
    }

    /// Rows by ledger code.
    public func counts() async throws -> [String: Int] {
        let rows = try await sql.raw("SELECT ledger, COUNT(*) AS n FROM ledger_rows GROUP BY ledger")
            .all(decoding: CountRow.self)
        return Dictionary(rows.map { ($0.ledger, $0.n) }, uniquingKeysWith: { a, _ in a })
    }

    /// Adds the rows whose key is new, changes those whose values differ (their version counted up, the status
    /// date set to `today` when the status moved), leaves the others; every change recorded with `source`.
    public func importRows(
        _ rows: [LedgerRow], type: LedgerType, source: String, actor: AuditLog.Actor, at now: Date, today: CivilDate
    ) async throws -> ImportSummary {
        let ownerField = type.owner == .county ? "county" : "unit"
        let statusKey = type.statusField?.key
        return try await database.writeTransaction(touching: [.ledgers]) { db in
            let sql = db as! any SQLDatabase
            let existing = try await sql.select().column("*").from("ledger_rows")
                .where("ledger", .equal, SQLBind(type.code)).all(decoding: RowRecord.self)
            let byKey = Dictionary(existing.map { ($0.row_key, $0) }, uniquingKeysWith: { a, _ in a })
            var summary = ImportSummary()
            var inserts: [(UUID, LedgerRow, String)] = []
            var updates: [(RowRecord, LedgerRow)] = []
            for row in rows {
                let key = row.key(in: type)
                if let stored = byKey[key] {
                    if stored.values == row.values { summary.unchanged += 1 } else { updates.append((stored, row)) }
                } else {
                    inserts.append((UUID(), row, key))
                }
            }
            summary.new = inserts.count
            summary.changed = updates.count
            for batch in stride(from: 0, to: inserts.count, by: 400) {
                let part = inserts[batch..<min(batch + 400, inserts.count)]
                var insert = sql.insert(into: "ledger_rows").columns(
                    "id", "ledger", "row_key", "owner", "status", "status_changed", "row_values", "version",
                    "updated_by", "updated_at")
                var changes = sql.insert(into: "ledger_row_changes").columns(
                    "row_id", "version", "before", "after", "source", "changed_by", "changed_at")
                for (id, row, key) in part {
                    let json = Self.json(row.values)
                    insert = insert.values(
                        SQLBind(id), SQLBind(type.code), SQLBind(key), SQLBind(row[ownerField]),
                        SQLBind(statusKey.map { row[$0] } ?? ""), SQLBind(statusKey == nil ? nil : today.description),
                        SQLBind(json), SQLBind(1), SQLBind(actor.username), SQLBind(now))
                    changes = changes.values(
                        SQLBind(id), SQLBind(1), SQLBind(String?.none), SQLBind(json), SQLBind(source),
                        SQLBind(actor.username), SQLBind(now))
                }
                try await insert.run()
                try await changes.run()
            }
            for (stored, row) in updates {
                let json = Self.json(row.values)
                let status = statusKey.map { row[$0] } ?? ""
                let moved = status != stored.status
                try await sql.update("ledger_rows")
                    .set("row_values", to: SQLBind(json)).set("owner", to: SQLBind(row[ownerField]))
                    .set("status", to: SQLBind(status))
                    .set("status_changed", to: SQLBind(moved ? today.description : stored.status_changed))
                    .set("version", to: SQLBind(stored.version + 1)).set("updated_by", to: SQLBind(actor.username))
                    .set("updated_at", to: SQLBind(now))
                    .where("id", .equal, SQLBind(stored.id)).run()
                try await sql.insert(into: "ledger_row_changes")
                    .columns("row_id", "version", "before", "after", "source", "changed_by", "changed_at")
                    .values(
                        SQLBind(stored.id), SQLBind(stored.version + 1), SQLBind(stored.row_values), SQLBind(json),
                        SQLBind(source), SQLBind(actor.username), SQLBind(now)
                    ).run()
            }
            try await AuditLog.record(
                on: db, actor: actor, action: "ledger.import", entity: "ledger_rows", entityID: type.code,
                before: ["rows": "\(existing.count)"],
                after: [
                    "source": source, "new": "\(summary.new)", "changed": "\(summary.changed)",
                    "unchanged": "\(summary.unchanged)",
                ], at: now)
            return summary
        }
    }

    static func json(_ values: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(values)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct RowRecord: Decodable {
    var id: UUID
    var row_key: String
    var owner: String
    var status: String
    var status_changed: String?
    var row_values: String
    var version: Int
    var updated_by: String
    var updated_at: Date

    var values: [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(row_values.utf8))) ?? [:]
    }

    var stored: LedgerStore.StoredRow {
        LedgerStore.StoredRow(
            id: id, key: row_key, owner: owner,
            row: LedgerRow(values: values, statusChanged: status_changed.flatMap { CivilDate($0) }), version: version,
            updatedBy: updated_by, updatedAt: updated_at)
    }
}

private struct CountRow: Decodable {
    var ledger: String
    var n: Int
}
