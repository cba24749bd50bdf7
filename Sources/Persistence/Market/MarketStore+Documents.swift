import FluentKit
import Foundation
import SQLKit

extension MarketStore {
    /// A stored document of a check or of its case.
    public struct StoredDocument: Sendable, Hashable {
        public var id: UUID
        public var checkID: UUID
        public var caseID: UUID?
        public var fileName: String
        public var contentType: String
        public var size: Int
        public var sha256: String
        public var storageKey: String
        public var uploadedBy: String
        public var uploadedAt: Date
    }

    /// Records files already written to disk (``ReportStore/NewEvidence``) as documents of `check` (and of its
    /// case when `caseID` is given), with the audit entry.
    public func addDocuments(
        _ files: [ReportStore.NewEvidence], check: UUID, caseID: UUID?, actor: AuditLog.Actor, at now: Date
    ) async throws {
        try await database.writeTransaction(touching: [.market]) { db in
            let sql = db as! any SQLDatabase
            for file in files {
                try await sql.insert(into: "market_documents")
                    .columns(
                        "id", "check_id", "case_id", "file_name", "content_type", "size", "sha256", "storage_key",
                        "uploaded_by", "uploaded_at"
                    )
                    .values(
                        SQLBind(file.id), SQLBind(check), SQLBind(caseID), SQLBind(file.fileName),
                        SQLBind(file.contentType), SQLBind(file.size), SQLBind(file.sha256), SQLBind(file.storageKey),
                        SQLBind(actor.username), SQLBind(now)
                    ).run()
            }
            try await AuditLog.record(
                on: db, actor: actor, action: "market.documents.add", entity: "spot_checks",
                entityID: check.uuidString, before: Nothing?.none,
                after: [
                    "case": caseID?.uuidString ?? "",
                    "files": files.map { "\($0.fileName) \($0.sha256)" }.joined(separator: "; "),
                ], at: now)
        }
    }

    /// The documents of `checks` (every document when nil), oldest first.
    public func documents(checks: [UUID]? = nil) async throws -> [StoredDocument] {
        var query = (database as! any SQLDatabase).select().column("*").from("market_documents")
        if let checks {
            guard !checks.isEmpty else { return [] }
            query = query.where("check_id", .in, SQLBind.group(checks))
        }
        return try await query.orderBy("uploaded_at").all(decoding: DocumentRow.self).map(\.stored)
    }

    public func document(_ id: UUID) async throws -> StoredDocument? {
        try await (database as! any SQLDatabase).select().column("*").from("market_documents")
            .where("id", .equal, SQLBind(id)).all(decoding: DocumentRow.self).first?.stored
    }
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct DocumentRow: Decodable {
    var id: UUID
    var check_id: UUID
    var case_id: UUID?
    var file_name: String
    var content_type: String
    var size: Int
    var sha256: String
    var storage_key: String
    var uploaded_by: String
    var uploaded_at: Date

    var stored: MarketStore.StoredDocument {
        MarketStore.StoredDocument(
            id: id, checkID: check_id, caseID: case_id, fileName: file_name, contentType: content_type, size: size,
            sha256: sha256, storageKey: storage_key, uploadedBy: uploaded_by, uploadedAt: uploaded_at)
    }
}
