import FluentKit
import Foundation
import LantianCore
import Ledger
import SQLKit

/// Editing stored rows: one row from the browser, or many rows' status at once with evidence files; each change
/// versioned with before and after, who and when, refused when a row changed since it was read.
extension LedgerStore {
    /// One recorded change of a row.
    public struct Change: Sendable, Hashable {
        public var version: Int
        public var before: [String: String]?
        public var after: [String: String]
        public var source: String
        public var changedBy: String
        public var changedAt: Date
        public var batch: UUID?
    }

    /// An evidence file of a bulk change.
    public struct EvidenceFile: Sendable, Hashable {
        public var id: UUID
        public var batch: UUID
        public var fileName: String
        public var size: Int
        public var sha256: String
        public var storageKey: String

        public init(id: UUID, batch: UUID, fileName: String, size: Int, sha256: String, storageKey: String) {
            self.id = id
            self.batch = batch
            self.fileName = fileName
            self.size = size
            self.sha256 = sha256
            self.storageKey = storageKey
        }
    }

    /// A row's new values, to be written if the row is still at `version`.
    public struct Edit: Sendable {
        public var id: UUID
        public var version: Int
        public var row: LedgerRow

        public init(id: UUID, version: Int, row: LedgerRow) {
            self.id = id
            self.version = version
            self.row = row
        }
    }

    /// Rows changed by someone else since they were read: nothing was written.
    public struct Conflict: Error, Sendable {
        public var rows: [UUID]
    }

    /// Rows of `ledger` by id; ids not of that ledger are left out.
    public func rows(ledger: String, ids: [UUID]) async throws -> [StoredRow] {
        try await records(ledger: ledger, ids: ids).map(\.stored)
    }

    /// A row's changes, newest first.
    public func changes(row: UUID) async throws -> [Change] {
        try await sql.select().columns("version", "before", "after", "source", "changed_by", "changed_at", "batch_id")
            .from("ledger_row_changes").where("row_id", .equal, SQLBind(row)).orderBy("version", .descending)
            .all(decoding: LedgerChangeRecord.self).map(\.change)
    }

    /// The evidence files of the given batches.
    public func evidence(batches: [UUID]) async throws -> [EvidenceFile] {
        guard !batches.isEmpty else { return [] }
        return try await sql.select().column("*").from("ledger_evidence")
            .where("batch_id", .in, SQLGroupExpression(batches.map { SQLBind($0) as any SQLExpression }))
            .orderBy("file_name").all(decoding: LedgerEvidenceRecord.self).map(\.file)
    }

    /// One evidence file of `ledger`.
    public func evidenceFile(ledger: String, id: UUID) async throws -> EvidenceFile? {
        try await sql.select().column("*").from("ledger_evidence").where("ledger", .equal, SQLBind(ledger))
            .where("id", .equal, SQLBind(id)).first(decoding: LedgerEvidenceRecord.self)?.file
    }

    /// Writes the edits in one transaction, with `files` as the evidence of them all (a bulk change) and one
    /// audit entry; throws ``Conflict`` when any row is no longer at the version it was edited from.
    public func edit(
        _ edits: [Edit], type: LedgerType, source: String, files: [EvidenceFile], actor: AuditLog.Actor,
        action: String, at now: Date, today: CivilDate
    ) async throws {
        let batch = files.first?.batch
        try await database.writeTransaction(touching: [.ledgers]) { db in
            let sql = db as! any SQLDatabase
            let store = LedgerStore(database: db)
            let current = Dictionary(
                try await store.records(ledger: type.code, ids: edits.map(\.id)).map { ($0.id, $0) },
                uniquingKeysWith: { a, _ in a })
            let stale = edits.filter { current[$0.id]?.version != $0.version }.map(\.id)
            guard stale.isEmpty else { throw Conflict(rows: stale) }
            let changed = edits.compactMap { edit -> (Stored, LedgerRow)? in
                guard let record = current[edit.id], record.row_values != Self.json(edit.row.values) else { return nil }
                return (Stored(record: record), edit.row)
            }
            try await Self.update(
                changed, type: type, source: source, batch: batch, actor: actor, at: now, today: today,
                stamp: try await Self.stamp(on: db), on: sql)
            for file in files {
                try await sql.insert(into: "ledger_evidence")
                    .columns(
                        "id", "ledger", "batch_id", "file_name", "size", "sha256", "storage_key", "uploaded_by",
                        "uploaded_at"
                    )
                    .values(
                        SQLBind(file.id), SQLBind(type.code), SQLBind(file.batch), SQLBind(file.fileName),
                        SQLBind(file.size), SQLBind(file.sha256), SQLBind(file.storageKey),
                        SQLBind(actor.username), SQLBind(now)
                    ).run()
            }
            try await AuditLog.record(
                on: db, actor: actor, action: action, entity: "ledger_rows", entityID: type.code,
                before: ["rows": "\(edits.count)"],
                after: [
                    "changed": "\(changed.count)", "source": source,
                    "evidence": files.map(\.fileName).joined(separator: "、"),
                ], at: now)
        }
    }

    func records(ledger: String, ids: [UUID]) async throws -> [RowRecord] {
        var found: [RowRecord] = []
        for start in stride(from: 0, to: ids.count, by: Self.batchRows) {
            let part = ids[start..<min(start + Self.batchRows, ids.count)].map { SQLBind($0) as any SQLExpression }
            found += try await sql.select().column("*").from("ledger_rows").where("ledger", .equal, SQLBind(ledger))
                .where("id", .in, SQLGroupExpression(part)).all(decoding: RowRecord.self)
        }
        return found
    }
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct LedgerChangeRecord: Decodable {
    var version: Int
    var before: String?
    var after: String
    var source: String
    var changed_by: String
    var changed_at: Date
    var batch_id: UUID?

    var change: LedgerStore.Change {
        func decode(_ text: String) -> [String: String] { FlatJSON.decode(text) ?? [:] }
        return LedgerStore.Change(
            version: version, before: before.map(decode), after: decode(after), source: source, changedBy: changed_by,
            changedAt: changed_at, batch: batch_id)
    }
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct LedgerEvidenceRecord: Decodable {
    var id: UUID
    var batch_id: UUID
    var file_name: String
    var size: Int
    var sha256: String
    var storage_key: String

    var file: LedgerStore.EvidenceFile {
        LedgerStore.EvidenceFile(
            id: id, batch: batch_id, fileName: file_name, size: size, sha256: sha256, storageKey: storage_key)
    }
}
