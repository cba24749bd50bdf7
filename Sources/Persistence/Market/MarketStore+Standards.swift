import FluentKit
import Foundation
import SQLKit

extension MarketStore {
    /// One saved version of the standards library.
    public struct StandardsVersion: Sendable, Hashable {
        public var version: Int
        public var document: String
        public var note: String
        public var savedBy: String
        public var savedAt: Date
    }

    /// Saves `document` as the next version (checked by the caller), with the audit entry; returns its number.
    public func saveStandards(_ document: String, note: String, actor: AuditLog.Actor, at now: Date) async throws
        -> Int
    {
        try await database.writeTransaction(touching: [.market]) { db in
            let sql = db as! any SQLDatabase
            let latest =
                try await sql.raw("SELECT MAX(version) AS n FROM market_standard_versions")
                .all(decoding: MaxRow.self).first?.n ?? 0
            let version = latest + 1
            try await sql.insert(into: "market_standard_versions")
                .columns("version", "document", "note", "saved_by", "saved_at")
                .values(SQLBind(version), SQLBind(document), SQLBind(note), SQLBind(actor.username), SQLBind(now))
                .run()
            try await AuditLog.record(
                on: db, actor: actor, action: "market.standards.save", entity: "market_standard_versions",
                entityID: "\(version)", before: Nothing?.none, after: ["version": "\(version)", "note": note], at: now)
            return version
        }
    }

    /// Every saved version, newest first (documents included).
    public func standardsVersions() async throws -> [StandardsVersion] {
        try await (database as! any SQLDatabase).select().columns("version", "document", "note", "saved_by", "saved_at")
            .from("market_standard_versions").orderBy("version", .descending).all(decoding: VersionRow.self)
            .map {
                StandardsVersion(
                    version: $0.version, document: $0.document, note: $0.note, savedBy: $0.saved_by,
                    savedAt: $0.saved_at)
            }
    }

    /// The version in force, if the office has saved one.
    public func currentStandards() async throws -> StandardsVersion? {
        try await (database as! any SQLDatabase).select().columns("version", "document", "note", "saved_by", "saved_at")
            .from("market_standard_versions").orderBy("version", .descending).limit(1).all(decoding: VersionRow.self)
            .first.map {
                StandardsVersion(
                    version: $0.version, document: $0.document, note: $0.note, savedBy: $0.saved_by,
                    savedAt: $0.saved_at)
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
