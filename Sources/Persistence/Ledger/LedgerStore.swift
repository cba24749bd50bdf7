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

    /// A ledger's rows written after the `ledgers` cache version `version`.
    public func rows(ledger: String, writtenAfter version: Int) async throws -> [StoredRow] {
        try await sql.select().column("*").from("ledger_rows").where("ledger", .equal, SQLBind(ledger))
            .where("stamp", .greaterThan, SQLBind(version)).all(decoding: RowRecord.self).map(\.stored)
    }

    /// The `ledgers` cache version a write in progress stamps its rows with (the transaction has counted it up).
    static func stamp(on db: any Database) async throws -> Int { try await CacheVersions.read(on: db)[.ledgers] }

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
        try await database.writeTransaction(touching: [.ledgers]) { db in
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
                    if stored.row_values == Self.json(row.values) {
                        summary.unchanged += 1
                    } else {
                        updates.append((stored, row))
                    }
                } else {
                    inserts.append((UUID(), row, key))
                }
            }
            summary.new = inserts.count
            summary.changed = updates.count
            let stamp = try await Self.stamp(on: db)
            try await Self.insert(
                inserts, type: type, source: source, actor: actor, at: now, today: today, stamp: stamp, on: sql)
            try await Self.update(
                updates.map { (Self.Stored(record: $0.0), $0.1) }, type: type, source: source, batch: nil, actor: actor,
                at: now, today: today, stamp: stamp, on: sql)
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

    /// What an update needs of a stored row.
    struct Stored {
        var id: UUID
        var status: String
        var statusChanged: String?
        var values: String
        var version: Int

        init(record: RowRecord) {
            id = record.id
            status = record.status
            statusChanged = record.status_changed
            values = record.row_values
            version = record.version
        }
    }

    static let batchRows = 400

    /// New rows, version 1, each with its first change; a few hundred a statement.
    static func insert(
        _ rows: [(UUID, LedgerRow, String)], type: LedgerType, source: String, actor: AuditLog.Actor, at now: Date,
        today: CivilDate, stamp: Int, on sql: any SQLDatabase
    ) async throws {
        let ownerField = type.ownerField
        let statusKey = type.statusField?.key
        for batch in stride(from: 0, to: rows.count, by: batchRows) {
            let part = rows[batch..<min(batch + batchRows, rows.count)]
            var insert = sql.insert(into: "ledger_rows").columns(
                "id", "ledger", "row_key", "owner", "status", "status_changed", "row_values", "version",
                "updated_by", "updated_at", "stamp")
            var changes = sql.insert(into: "ledger_row_changes").columns(
                "row_id", "version", "before", "after", "source", "changed_by", "changed_at")
            for (id, row, key) in part {
                let json = Self.json(row.values)
                insert = insert.values(
                    SQLBind(id), SQLBind(type.code), SQLBind(key), SQLBind(row[ownerField]),
                    SQLBind(statusKey.map { row[$0] } ?? ""), SQLBind(statusKey == nil ? nil : today.description),
                    SQLBind(json), SQLBind(1), SQLBind(actor.username), SQLBind(now), SQLBind(stamp))
                changes = changes.values(
                    SQLBind(id), SQLBind(1), SQLBind(String?.none), SQLBind(json), SQLBind(source),
                    SQLBind(actor.username), SQLBind(now))
            }
            try await insert.run()
            try await changes.run()
        }
    }

    /// Changed rows, their version counted up and the status date set to `today` where the status moved, each
    /// change recorded (with its evidence batch); a few hundred rows a statement (`UPDATE … FROM (VALUES …)`,
    /// which SQLite and PostgreSQL both read, the columns named column1, column2, …).
    static func update(
        _ rows: [(Stored, LedgerRow)], type: LedgerType, source: String, batch: UUID?, actor: AuditLog.Actor,
        at now: Date, today: CivilDate, stamp: Int, on sql: any SQLDatabase
    ) async throws {
        let ownerField = type.ownerField
        let statusKey = type.statusField?.key
        for start in stride(from: 0, to: rows.count, by: batchRows) {
            let part = rows[start..<min(start + batchRows, rows.count)]
            var values: [any SQLExpression] = []
            var changes = sql.insert(into: "ledger_row_changes").columns(
                "row_id", "version", "before", "after", "source", "changed_by", "changed_at", "batch_id")
            for (stored, row) in part {
                let json = Self.json(row.values)
                let status = statusKey.map { row[$0] } ?? ""
                let changed = status != stored.status ? today.description : stored.statusChanged
                values.append(
                    SQLGroupExpression([
                        SQLBind(stored.id), SQLBind(json), SQLBind(row[ownerField]), SQLBind(status),
                        SQLBind(changed), SQLBind(stored.version + 1),
                    ]))
                changes = changes.values(
                    SQLBind(stored.id), SQLBind(stored.version + 1), SQLBind(stored.values), SQLBind(json),
                    SQLBind(source), SQLBind(actor.username), SQLBind(now), SQLBind(batch))
            }
            try await sql.raw(
                """
                UPDATE ledger_rows SET row_values = v.column2, owner = v.column3, status = v.column4, \
                status_changed = v.column5, version = v.column6, updated_by = \(bind: actor.username), \
                updated_at = \(bind: now), stamp = \(bind: stamp) \
                FROM (VALUES \(SQLList(values))) AS v WHERE ledger_rows.id = v.column1
                """
            ).run()
            try await changes.run()
        }
    }

    static func json(_ values: [String: String]) -> String { FlatJSON.encode(values) }
}

// swift-format-ignore: AlwaysUseLowerCamelCase
struct RowRecord: Decodable {
    var id: UUID
    var row_key: String
    var owner: String
    var status: String
    var status_changed: String?
    var row_values: String
    var version: Int
    var updated_by: String
    var updated_at: Date

    var values: [String: String] { FlatJSON.decode(row_values) ?? [:] }

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
