import Campaign
import FluentKit
import Foundation
import LantianCore
import SQLKit

/// What an assessment dossier reads of the reports: every version a unit sent to the office and every step the
/// office took on it, with the evidence files those versions name. Drafts and what passed between a unit's reporter
/// and its leader stay out — they were never sent.
public struct DossierStore: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// One step of a report's history outside the unit: sent (审核通过并报送), returned, accepted.
    public struct Step: Sendable {
        public var reportID: UUID
        public var taskID: UUID
        public var unitID: UUID
        public var month: String
        public var number: Int
        public var action: ReportAction
        public var state: ReportState
        /// The content sent, for a sending step.
        public var snapshot: ReportSnapshot?
        public var comment: String?
        public var author: String
        public var at: Date
    }

    /// A report's evidence file as stored.
    public struct File: Sendable {
        public var id: UUID
        public var fileName: String
        public var size: Int
        public var sha256: String
        public var storageKey: String
    }

    /// The actions a dossier shows.
    public static let actions: [ReportAction] = [.approve, .returnToUnit, .accept]

    /// The steps of the reports on `taskIDs` (all when nil) by `unitIDs` (all when nil), oldest first per report.
    public func steps(taskIDs: [UUID]?, unitIDs: [UUID]?) async throws -> [Step] {
        let sql = database as! any SQLDatabase
        var query = sql.select()
            .column(SQLColumn("report_id", table: "v")).column(SQLColumn("task_id", table: "r"))
            .column(SQLColumn("unit_id", table: "r")).column(SQLColumn("month", table: "r"))
            .column(SQLColumn("number", table: "v")).column(SQLColumn("action", table: "v"))
            .column(SQLColumn("state", table: "v")).column(SQLColumn("snapshot", table: "v"))
            .column(SQLColumn("comment", table: "v")).column(SQLColumn("author_name", table: "v"))
            .column(SQLColumn("created_at", table: "v"))
            .from(SQLAlias(SQLIdentifier(ReportRevisionRecord.schema), as: SQLIdentifier("v")))
            .join(
                SQLAlias(SQLIdentifier(ReportRecord.schema), as: SQLIdentifier("r")), method: SQLJoinMethod.inner,
                on: SQLColumn("id", table: "r"), .equal, SQLColumn("report_id", table: "v")
            )
            .where(SQLColumn("action", table: "v"), .in, SQLBind.group(Self.actions.map(\.rawValue)))
        if let taskIDs { query = query.where(SQLColumn("task_id", table: "r"), .in, SQLBind.group(taskIDs)) }
        if let unitIDs { query = query.where(SQLColumn("unit_id", table: "r"), .in, SQLBind.group(unitIDs)) }
        let rows = try await query.orderBy(SQLColumn("month", table: "r")).orderBy(SQLColumn("report_id", table: "v"))
            .orderBy(SQLColumn("number", table: "v")).all(decoding: DossierStepRow.self)
        let decoder = JSONDecoder()
        return rows.compactMap { row in
            guard let action = ReportAction(rawValue: row.action), let state = ReportState(rawValue: row.state) else {
                return nil
            }
            return Step(
                reportID: row.report_id, taskID: row.task_id, unitID: row.unit_id, month: row.month,
                number: row.number, action: action, state: state,
                snapshot: action == .approve
                    ? try? decoder.decode(ReportSnapshot.self, from: Data(row.snapshot.utf8)) : nil,
                comment: row.comment, author: row.author_name, at: row.created_at)
        }
    }

    /// The evidence files with `ids` that are still stored.
    public func files(ids: [UUID]) async throws -> [UUID: File] {
        guard !ids.isEmpty else { return [:] }
        var files: [UUID: File] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            for record in try await EvidenceRecord.query(on: database).filter(\.$id ~~ chunk).all() {
                guard let id = record.id else { continue }
                files[id] = File(
                    id: id, fileName: record.fileName, size: record.size, sha256: record.sha256,
                    storageKey: record.storageKey)
            }
        }
        return files
    }
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct DossierStepRow: Decodable {
    var report_id: UUID
    var task_id: UUID
    var unit_id: UUID
    var month: String
    var number: Int
    var action: String
    var state: String
    var snapshot: String
    var comment: String?
    var author_name: String
    var created_at: Date
}
