import FluentKit
import Foundation
import LantianCore
import SQLKit
import SourceMonitoring

extension SourceStore {
    /// An inspector's on-site check of an outlet's monitoring.
    public struct Check: Sendable, Hashable {
        public enum Result: String, Sendable, CaseIterable {
            case normal
            case fault
            case fraud

            public var chinese: String {
                switch self {
                case .normal: "运行正常"
                case .fault: "设备故障"
                case .fraud: "确认数据造假"
                }
            }
        }

        public var id: UUID
        public var mn: String
        /// The start of the check: it opens an inspection window for `inspection_drop`.
        public var checkedAt: MinuteStamp
        public var result: Result
        public var note: String
        /// The operating agency (运维机构) and the persons responsible, where fraud is confirmed.
        public var agency: String
        public var persons: String
        public var files: [EmergencyStore.EvidenceFile]
        public var published: Bool
        public var recordedBy: String
        public var recordedAt: Date
    }

    /// Records a check; returns its id.
    public func recordCheck(
        mn: String, at checkedAt: MinuteStamp, result: Check.Result, note: String, agency: String, persons: String,
        files: [EmergencyStore.EvidenceFile], actor: AuditLog.Actor, at now: Date
    ) async throws -> UUID {
        let id = UUID()
        let filesJSON = String(decoding: try JSONEncoder().encode(files), as: UTF8.self)
        try await database.writeTransaction(touching: [.sources]) { db in
            try await (db as! any SQLDatabase).insert(into: "source_checks")
                .columns(
                    "id", "mn", "checked_at", "result", "note", "agency", "persons", "files", "published",
                    "recorded_by", "recorded_at"
                )
                .values(
                    SQLBind(id), SQLBind(mn), SQLBind(checkedAt.value), SQLBind(result.rawValue), SQLBind(note),
                    SQLBind(agency), SQLBind(persons), SQLBind(filesJSON), SQLBind(false), SQLBind(actor.username),
                    SQLBind(now)
                )
                .run()
            try await AuditLog.record(
                on: db, actor: actor, action: "sources.check.record", entity: "source_checks", entityID: id.uuidString,
                before: Nothing?.none,
                after: ["mn": mn, "result": result.rawValue, "at": checkedAt.text, "files": "\(files.count)"], at: now)
        }
        return id
    }

    /// Publishes (or withdraws) a confirmed fraud case on the public list.
    public func setPublished(_ id: UUID, _ published: Bool, actor: AuditLog.Actor, at now: Date) async throws {
        try await database.writeTransaction(touching: [.sources]) { db in
            try await (db as! any SQLDatabase).update("source_checks").set("published", to: SQLBind(published))
                .where("id", .equal, SQLBind(id)).where("result", .equal, SQLBind(Check.Result.fraud.rawValue)).run()
            try await AuditLog.record(
                on: db, actor: actor, action: published ? "sources.check.publish" : "sources.check.withdraw",
                entity: "source_checks", entityID: id.uuidString, before: Nothing?.none,
                after: ["published": published ? "yes" : "no"], at: now)
        }
    }

    /// Checks of one outlet, or all (`result` to filter, `publishedOnly` for the public list), newest first.
    public func checks(mn: String? = nil, result: Check.Result? = nil, publishedOnly: Bool = false) async throws
        -> [Check]
    {
        var query = sql.select().column("*").from("source_checks")
        if let mn { query = query.where("mn", .equal, SQLBind(mn)) }
        if let result { query = query.where("result", .equal, SQLBind(result.rawValue)) }
        if publishedOnly { query = query.where("published", .equal, SQLBind(true)) }
        return try await query.orderBy("checked_at", .descending).all(decoding: CheckRow.self).map { row in
            Check(
                id: row.id, mn: row.mn, checkedAt: MinuteStamp(value: row.checked_at),
                result: Check.Result(rawValue: row.result) ?? .normal, note: row.note, agency: row.agency,
                persons: row.persons,
                files: (try? JSONDecoder().decode([EmergencyStore.EvidenceFile].self, from: Data(row.files.utf8)))
                    ?? [],
                published: row.published, recordedBy: row.recorded_by, recordedAt: row.recorded_at)
        }
    }

    /// One check.
    public func check(_ id: UUID) async throws -> Check? {
        try await checks().first { $0.id == id }
    }
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct CheckRow: Decodable {
    var id: UUID
    var mn: String
    var checked_at: Int
    var result: String
    var note: String
    var agency: String
    var persons: String
    var files: String
    var published: Bool
    var recorded_by: String
    var recorded_at: Date
}
