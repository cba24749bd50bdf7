import FluentKit
import Foundation
import SQLKit

/// Keeps the units' in-app notices (通知): what happened or is due, for whom, whether someone of the unit has read
/// it and whether the outbound gateway has sent it.
public struct NoticeStore: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// What a notice is about.
    public enum Kind: String, Sendable, CaseIterable {
        /// A monthly report is due soon (the 5th) and not yet sent; subject `YYYY-MM`.
        case reportDue
        /// The office returned a report; subject `task|unit|YYYY-MM`.
        case reportReturned
        /// A warning was issued, changed or lifted; subject the warning's id.
        case warning
        /// A case's deadline is near; subject the case's id.
        case caseDeadline
    }

    public struct New: Sendable {
        public var unit: String
        public var kind: Kind
        /// Unique per unit: the same key again is the same notice.
        public var key: String
        public var subject: String
        public var title: String
        public var body: String

        public init(unit: String, kind: Kind, key: String, subject: String, title: String, body: String) {
            self.unit = unit
            self.kind = kind
            self.key = key
            self.subject = subject
            self.title = title
            self.body = body
        }
    }

    public struct Stored: Sendable {
        public var id: UUID
        public var unit: String
        public var kind: Kind
        public var subject: String
        public var title: String
        public var body: String
        public var createdAt: Date
        public var readAt: Date?
        public var readBy: String?
        public var sentAt: Date?
    }

    /// Adds `notices` inside the caller's transaction `db`, leaving out those a unit already has (same key);
    /// returns how many were new.
    @discardableResult
    public static func add(_ notices: [New], on db: any Database, at now: Date) async throws -> Int {
        let sql = db as! any SQLDatabase
        struct Row: Decodable { var id: UUID }
        var added = 0
        for notice in notices {
            added += try await sql.insert(into: "notices")
                .columns("id", "unit", "kind", "key", "subject", "title", "body", "created_at")
                .values(
                    SQLBind(UUID()), SQLBind(notice.unit), SQLBind(notice.kind.rawValue), SQLBind(notice.key),
                    SQLBind(notice.subject), SQLBind(notice.title), SQLBind(notice.body), SQLBind(now)
                )
                .ignoringConflicts(with: ["unit", "key"])
                .returning("id").all(decoding: Row.self).count
        }
        return added
    }

    /// Adds `notices` in a transaction of their own; returns how many were new.
    @discardableResult
    public func add(_ notices: [New], at now: Date) async throws -> Int {
        guard !notices.isEmpty else { return 0 }
        return try await database.writeTransaction { db in try await Self.add(notices, on: db, at: now) }
    }

    /// The codes of every unit of the stored plans, for a notice to all (a warning).
    static func unitCodes(on db: any Database) async throws -> [String] {
        struct Row: Decodable { var code: String }
        return try await (db as! any SQLDatabase).select().distinct().column("code").from("units")
            .all(decoding: Row.self).map(\.code)
    }

    /// The unit's notices, newest first; `unreadOnly` leaves out those read.
    public func notices(unit: String, unreadOnly: Bool = false, limit: Int = 100) async throws -> [Stored] {
        var query = (database as! any SQLDatabase).select().column("*").from("notices").where(
            "unit", .equal, SQLBind(unit))
        if unreadOnly { query = query.where(SQLIdentifier("read_at"), .is, SQLLiteral.null) }
        return try await query.orderBy("created_at", .descending).limit(limit).all(decoding: NoticeRow.self)
            .compactMap(\.stored)
    }

    /// How many of the unit's notices nobody of it has read.
    public func unreadCount(unit: String) async throws -> Int {
        struct Row: Decodable { var n: Int }
        return try await (database as! any SQLDatabase).select().column(
            SQLFunction("COUNT", args: SQLLiteral.all), as: "n"
        )
        .from("notices").where("unit", .equal, SQLBind(unit)).where(SQLIdentifier("read_at"), .is, SQLLiteral.null)
        .first(decoding: Row.self)?.n ?? 0
    }

    /// Marks the unit's unread notices read by `username`; only the unit's own are touched.
    public func markRead(unit: String, by username: String, at now: Date) async throws {
        try await database.writeTransaction { db in
            try await (db as! any SQLDatabase).update("notices").set("read_at", to: SQLBind(now))
                .set("read_by", to: SQLBind(username)).where("unit", .equal, SQLBind(unit))
                .where(SQLIdentifier("read_at"), .is, SQLLiteral.null).run()
        }
    }

    /// Notices not yet sent by the gateway, oldest first.
    public func unsent(limit: Int = 200) async throws -> [Stored] {
        try await (database as! any SQLDatabase).select().column("*").from("notices")
            .where(SQLIdentifier("sent_at"), .is, SQLLiteral.null).orderBy("created_at").limit(limit)
            .all(decoding: NoticeRow.self).compactMap(\.stored)
    }

    /// Claims a notice for sending: true for the one caller (of every instance) that marks it sent first.
    public func claim(_ id: UUID, at now: Date) async throws -> Bool {
        try await database.writeTransaction { db in
            struct Row: Decodable { var id: UUID }
            return
                !(try await (db as! any SQLDatabase).update("notices").set("sent_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(id)).where(SQLIdentifier("sent_at"), .is, SQLLiteral.null)
                .returning("id").all(decoding: Row.self).isEmpty)
        }
    }
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct NoticeRow: Decodable {
    var id: UUID
    var unit: String
    var kind: String
    var subject: String
    var title: String
    var body: String
    var created_at: Date
    var read_at: Date?
    var read_by: String?
    var sent_at: Date?

    var stored: NoticeStore.Stored? {
        NoticeStore.Kind(rawValue: kind).map {
            NoticeStore.Stored(
                id: id, unit: unit, kind: $0, subject: subject, title: title, body: body, createdAt: created_at,
                readAt: read_at, readBy: read_by, sentAt: sent_at)
        }
    }
}
