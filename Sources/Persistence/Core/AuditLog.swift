import FluentKit
import Foundation
import SQLKit

/// Writes the audit log: every write of Lantian goes through here, in the same transaction as the write.
public struct AuditLog: Sendable {
    /// Who did it.
    public struct Actor: Sendable {
        public var userID: UUID?
        public var username: String

        public init(userID: UUID?, username: String) {
            self.userID = userID
            self.username = username
        }

        /// Changes made by Lantian itself (first start, seeding).
        public static let system = Actor(userID: nil, username: "system")
    }

    public static func record<Before: Encodable, After: Encodable>(
        on database: any Database, actor: Actor, action: String, entity: String, entityID: String?,
        before: Before?, after: After?, at: Date
    ) async throws {
        try await entry(
            actor: actor, action: action, entity: entity, entityID: entityID, before: before, after: after, at: at
        ).create(on: database)
    }

    /// An entry not yet written, for a write that records many at once (`[AuditRecord].create(on:)`, one
    /// statement) in its own transaction.
    public static func entry<Before: Encodable, After: Encodable>(
        actor: Actor, action: String, entity: String, entityID: String?, before: Before?, after: After?, at: Date
    ) -> AuditRecord {
        AuditRecord(
            at: at, userID: actor.userID, username: actor.username, action: action, entity: entity,
            entityID: entityID, before: json(before), after: json(after))
    }

    /// Which entries to list: each set field narrows the list.
    public struct Filter: Sendable, Equatable {
        public var username: String?
        /// Entries by any of these users (a unit's accounts).
        public var userIDs: [UUID]?
        public var action: String?
        /// From this instant (inclusive) …
        public var from: Date?
        /// … to this one (exclusive).
        public var to: Date?

        public init(
            username: String? = nil, userIDs: [UUID]? = nil, action: String? = nil, from: Date? = nil, to: Date? = nil
        ) {
            self.username = username
            self.userIDs = userIDs
            self.action = action
            self.from = from
            self.to = to
        }
    }

    /// Page `page` (from 1) of the entries `filter` selects, newest first, `size` a page, and how many there are.
    public static func entries(
        on database: any Database, filter: Filter, page: Int, size: Int
    ) async throws -> (entries: [AuditRecord], total: Int) {
        func query() -> QueryBuilder<AuditRecord> {
            var query = AuditRecord.query(on: database)
            if let username = filter.username { query = query.filter(\.$username == username) }
            if let ids = filter.userIDs { query = query.filter(\.$userID ~~ ids) }
            if let action = filter.action { query = query.filter(\.$action == action) }
            if let from = filter.from { query = query.filter(\.$at >= from) }
            if let to = filter.to { query = query.filter(\.$at < to) }
            return query
        }
        let total = try await query().count()
        let entries = try await query().sort(\.$at, .descending).sort(\.$id).range(
            lower: (max(1, page) - 1) * size, upper: max(1, page) * size
        ).all()
        return (entries, total)
    }

    /// The actions the log holds, for choosing one.
    public static func actions(on database: any Database) async throws -> [String] {
        guard let sql = database as? any SQLDatabase else { return [] }
        struct Row: Decodable { var action: String }
        return try await sql.select().distinct().column("action").from(AuditRecord.schema).orderBy("action")
            .all(decoding: Row.self).map(\.action)
    }

    private static func json<T: Encodable>(_ value: T?) -> String? {
        guard let value else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Stands for "nothing" in an audit entry's before or after.
public struct Nothing: Encodable, Sendable {}
