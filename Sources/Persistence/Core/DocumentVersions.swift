import FluentKit
import Foundation
import SQLKit

/// A document the office edits as a whole (the product-standards library, the emergency measures): every save is
/// the next version with its note, who and when — the versions are its history, the highest is in force. One
/// table per document, of the same shape (`version, document, note, saved_by, saved_at`).
public struct DocumentVersions: Sendable {
    /// One saved version.
    public struct Version: Sendable, Hashable {
        public var version: Int
        public var document: String
        public var note: String
        public var savedBy: String
        public var savedAt: Date
    }

    public let database: any Database
    let table: String
    let topic: CacheTopic
    let action: String

    public init(database: any Database, table: String, topic: CacheTopic, action: String) {
        self.database = database
        self.table = table
        self.topic = topic
        self.action = action
    }

    /// Saves `document` as the next version (checked by the caller), with the audit entry; returns its number.
    public func save(_ document: String, note: String, actor: AuditLog.Actor, at now: Date) async throws -> Int {
        let (table, action) = (table, action)
        return try await database.writeTransaction(touching: [topic]) { db in
            let sql = db as! any SQLDatabase
            let latest =
                try await sql.select().column(SQLFunction("MAX", args: SQLColumn("version")), as: "n").from(table)
                .all(decoding: MaxRow.self).first?.n ?? 0
            let version = latest + 1
            try await sql.insert(into: table)
                .columns("version", "document", "note", "saved_by", "saved_at")
                .values(SQLBind(version), SQLBind(document), SQLBind(note), SQLBind(actor.username), SQLBind(now))
                .run()
            try await AuditLog.record(
                on: db, actor: actor, action: action, entity: table, entityID: "\(version)", before: Nothing?.none,
                after: ["version": "\(version)", "note": note], at: now)
            return version
        }
    }

    /// Every saved version, newest first (documents included).
    public func all() async throws -> [Version] {
        try await versions(limit: nil)
    }

    /// The version in force, if one was saved.
    public func current() async throws -> Version? {
        try await versions(limit: 1).first
    }

    private func versions(limit: Int?) async throws -> [Version] {
        var query = (database as! any SQLDatabase).select()
            .columns("version", "document", "note", "saved_by", "saved_at").from(table)
            .orderBy("version", .descending)
        if let limit { query = query.limit(limit) }
        return try await query.all(decoding: VersionRow.self).map {
            Version(
                version: $0.version, document: $0.document, note: $0.note, savedBy: $0.saved_by, savedAt: $0.saved_at)
        }
    }
}

private struct MaxRow: Decodable { var n: Int? }

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct VersionRow: Decodable {
    var version: Int
    var document: String
    var note: String
    var saved_by: String
    var saved_at: Date
}
