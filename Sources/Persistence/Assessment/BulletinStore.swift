import Assessment
import FluentKit
import Foundation
import LantianCore
import SQLKit

/// Stores the dispatch bulletins: one per month, a draft (the office's paragraphs) until it is finalised with a
/// document number and date, when its whole content is kept as it was. Every write is one transaction with its
/// audit entry; a write that expected another version is a ``Conflict``.
public struct BulletinStore: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    var sql: any SQLDatabase { database as! any SQLDatabase }

    /// A write refused for what is stored: the bulletin was changed meanwhile, is final, or the number is taken.
    public struct Conflict: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public enum State: String, Sendable {
        case draft, final
    }

    /// A stored bulletin.
    public struct Stored: Sendable {
        public var month: ReportMonth
        public var state: State
        public var paragraphs: BulletinParagraphs
        public var number: DocumentNumber?
        public var issuedOn: CivilDate?
        /// The content as finalised; nil for a draft.
        public var content: Bulletin?
        /// Finalised and marked for the public pages.
        public var isPublic: Bool
        public var version: Int
        public var updatedBy: String
        public var updatedAt: Date
        public var finalisedBy: String?
        public var finalisedAt: Date?
    }

    public func bulletin(_ month: ReportMonth) async throws -> Stored? {
        try await Self.row(month, on: sql)?.stored
    }

    private static func row(_ month: ReportMonth, on sql: any SQLDatabase) async throws -> BulletinRow? {
        try await sql.select().column("*").from("bulletins").where("month", .equal, SQLBind(month.description))
            .first(decoding: BulletinRow.self)
    }

    /// Every stored bulletin, the latest month first.
    public func all() async throws -> [Stored] {
        try await sql.select().column("*").from("bulletins").orderBy("month", .descending)
            .all(decoding: BulletinRow.self).compactMap(\.stored)
    }

    /// Saves the office's paragraphs of a draft; `version` is the one the editor started from (0 for a month
    /// without a stored draft). Returns the new version.
    public func saveDraft(
        _ month: ReportMonth, paragraphs: BulletinParagraphs, version: Int, actor: AuditLog.Actor, at now: Date
    ) async throws -> Int {
        try await database.writeTransaction(touching: [.bulletins]) { db in
            let sql = db as! any SQLDatabase
            let stored = try await Self.row(month, on: sql)
            if let stored {
                guard stored.state == State.draft.rawValue else {
                    throw Conflict(description: "\(month.chinese)通报已定稿，不能再修改")
                }
                guard stored.version == version else {
                    throw Conflict(description: "\(month.chinese)通报草稿已被 \(stored.updated_by) 修改，请在最新稿上重新编辑")
                }
                try await sql.update("bulletins").set("opening", to: SQLBind(paragraphs.opening))
                    .set("requirements", to: SQLBind(paragraphs.requirements)).set("version", to: SQLBind(version + 1))
                    .set("updated_by", to: SQLBind(actor.username)).set("updated_at", to: SQLBind(now))
                    .where("month", .equal, SQLBind(month.description)).run()
            } else {
                guard version == 0 else {
                    throw Conflict(description: "\(month.chinese)通报草稿已不存在，请重新打开")
                }
                try await sql.insert(into: "bulletins")
                    .columns(
                        "month", "state", "opening", "requirements", "public", "version", "updated_by", "updated_at"
                    )
                    .values(
                        SQLBind(month.description), SQLBind(State.draft.rawValue), SQLBind(paragraphs.opening),
                        SQLBind(paragraphs.requirements), SQLBind(false), SQLBind(1), SQLBind(actor.username),
                        SQLBind(now)
                    ).run()
            }
            try await AuditLog.record(
                on: db, actor: actor, action: "bulletin.draft.save", entity: "bulletins", entityID: month.description,
                before: stored.map { ["opening": $0.opening, "requirements": $0.requirements] },
                after: ["opening": paragraphs.opening, "requirements": paragraphs.requirements], at: now)
            return version + 1
        }
    }

    /// Finalises the month's bulletin with `content` (its number, date and paragraphs included): from now on
    /// it is what the bulletin says. `version` as for ``saveDraft(_:paragraphs:version:actor:at:)``.
    public func finalise(_ content: Bulletin, version: Int, actor: AuditLog.Actor, at now: Date) async throws {
        guard let number = content.number, let issuedOn = content.issuedOn else {
            throw Conflict(description: "定稿需要发文字号和印发日期")
        }
        let month = content.month
        let json = String(decoding: try Self.encoder.encode(content), as: UTF8.self)
        try await database.writeTransaction(touching: [.bulletins]) { db in
            let sql = db as! any SQLDatabase
            let stored = try await Self.row(month, on: sql)
            if let stored {
                guard stored.state == State.draft.rawValue else {
                    throw Conflict(description: "\(month.chinese)通报已定稿")
                }
                guard stored.version == version else {
                    throw Conflict(description: "\(month.chinese)通报草稿已被 \(stored.updated_by) 修改，请核对后再定稿")
                }
            } else if version != 0 {
                throw Conflict(description: "\(month.chinese)通报草稿已不存在，请重新打开")
            }
            let taken = try await sql.select().column("month").from("bulletins")
                .where("number", .equal, SQLBind(number.description)).first(decoding: MonthRow.self)
            if let taken {
                throw Conflict(description: "发文字号 \(number) 已用于 \(taken.month) 的通报")
            }
            try await sql.delete(from: "bulletins").where("month", .equal, SQLBind(month.description)).run()
            try await sql.insert(into: "bulletins")
                .columns(
                    "month", "state", "opening", "requirements", "number", "issued_on", "content", "public", "version",
                    "updated_by", "updated_at", "finalised_by", "finalised_at"
                )
                .values(
                    SQLBind(month.description), SQLBind(State.final.rawValue), SQLBind(content.paragraphs.opening),
                    SQLBind(content.paragraphs.requirements), SQLBind(number.description),
                    SQLBind(issuedOn.description), SQLBind(json), SQLBind(false), SQLBind(version + 1),
                    SQLBind(actor.username), SQLBind(now), SQLBind(actor.username), SQLBind(now)
                ).run()
            try await AuditLog.record(
                on: db, actor: actor, action: "bulletin.finalise", entity: "bulletins", entityID: month.description,
                before: Nothing?.none, after: ["number": number.description, "issuedOn": issuedOn.description],
                at: now)
        }
    }

    /// Marks a finalised bulletin public (for the public pages) or takes it off them.
    public func setPublic(_ month: ReportMonth, _ isPublic: Bool, actor: AuditLog.Actor, at now: Date) async throws {
        try await database.writeTransaction(touching: [.bulletins]) { db in
            let sql = db as! any SQLDatabase
            let stored = try await Self.row(month, on: sql)
            guard let stored, stored.state == State.final.rawValue else {
                throw Conflict(description: "只有定稿的通报才能公开")
            }
            try await sql.update("bulletins").set("public", to: SQLBind(isPublic))
                .where("month", .equal, SQLBind(month.description)).run()
            try await AuditLog.record(
                on: db, actor: actor, action: isPublic ? "bulletin.publish" : "bulletin.unpublish",
                entity: "bulletins", entityID: month.description, before: ["public": stored.public],
                after: ["public": isPublic], at: now)
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
}

private struct MonthRow: Decodable {
    var month: String
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct BulletinRow: Decodable {
    var month: String
    var state: String
    var opening: String
    var requirements: String
    var number: String?
    var issued_on: String?
    var content: String?
    var `public`: Bool
    var version: Int
    var updated_by: String
    var updated_at: Date
    var finalised_by: String?
    var finalised_at: Date?

    var stored: BulletinStore.Stored? {
        guard let month = ReportMonth(month), let state = BulletinStore.State(rawValue: state) else { return nil }
        return BulletinStore.Stored(
            month: month, state: state, paragraphs: BulletinParagraphs(opening: opening, requirements: requirements),
            number: number.flatMap { DocumentNumber($0) }, issuedOn: issued_on.flatMap { CivilDate($0) },
            content: content.flatMap { try? JSONDecoder().decode(Bulletin.self, from: Data($0.utf8)) },
            isPublic: self.public, version: version, updatedBy: updated_by, updatedAt: updated_at,
            finalisedBy: finalised_by, finalisedAt: finalised_at)
    }
}
