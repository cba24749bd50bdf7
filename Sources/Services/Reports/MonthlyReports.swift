import Campaign
import FluentKit
import Foundation
import LantianCore
import Persistence

/// 月度报送: one unit's reports on all of its tasks for one month, read together (three queries however many
/// tasks) — with last month's submitted content beside each — and written together through
/// ``ReportStore/perform(_:on:actor:at:calendar:)``.
///
/// Who reads what follows ``ReportPolicy/readAccess(role:actorUnit:reportUnit:task:supervisor:)`` for the unit
/// as a whole: its own accounts read every row as it stands, drafts included; the office and viewers read what was
/// submitted; other units read the per-task pages of the tasks they lead or supervise, not the sheet.
public struct MonthlyReports: Sendable {
    public let db: any Database

    public init(db: any Database) {
        self.db = db
    }

    /// One task's row of the sheet.
    public struct Row: Sendable {
        public var task: PlanTask
        /// Whether the month's report is asked of the unit, and when not, why.
        public var demand: ReportDemand
        /// This month's report, nil before it was first saved (or, for a reader outside the unit, submitted).
        public var state: ReportState?
        /// The revision the row shows: a write from this page must find it unchanged.
        public var revision: Int
        /// The content the reader sees: the unit's current content, or outside the unit the version submitted.
        public var content: ReportSnapshot?
        /// Why the report was sent back (by the office or the unit's leader), while it waits to be revised.
        public var comment: String?
        public var firstSubmittedAt: Date?
        /// Last month's report as the office has it (submitted or accepted); nil when there is none.
        public var lastMonth: ReportSnapshot?

        public init(
            task: PlanTask, demand: ReportDemand, state: ReportState? = nil, revision: Int = 0,
            content: ReportSnapshot? = nil, comment: String? = nil, firstSubmittedAt: Date? = nil,
            lastMonth: ReportSnapshot? = nil
        ) {
            self.task = task
            self.demand = demand
            self.state = state
            self.revision = revision
            self.content = content
            self.comment = comment
            self.firstSubmittedAt = firstSubmittedAt
            self.lastMonth = lastMonth
        }

        public var isAsked: Bool { demand.isAsked }

        /// Whether the report waits for the unit to revise it: returned by the office, or sent back by the leader.
        public var isSentBack: Bool { state?.awaitsRevision(comment: comment) ?? false }

        /// Whether `content` would change what is stored: a different status, narrative or set of values.
        public func changes(_ entered: ReportStore.Content) -> Bool {
            guard let content else { return true }
            return content.reportedStatus != entered.reportedStatus || content.narrative != entered.narrative
                || content.values != entered.values
        }
    }

    /// The unit's sheet for a month.
    public struct Sheet: Sendable {
        public var unit: String
        public var month: ReportMonth
        public var access: ReportPolicy.ReadAccess
        /// In plan order: every task the unit reports on.
        public var rows: [Row]

        public init(unit: String, month: ReportMonth, access: ReportPolicy.ReadAccess, rows: [Row]) {
            self.unit = unit
            self.month = month
            self.access = access
            self.rows = rows
        }

        public func row(_ code: String) -> Row? { rows.first { $0.task.code == code } }
    }

    /// `unit`'s sheet for `month` as `reader` may read it; `forbidden` for a reader outside the unit who is not
    /// the office or a viewer.
    public func sheet(
        unit: String, month: ReportMonth, in snapshot: CampaignSnapshot, reader: ReportStore.Actor
    ) async throws -> Sheet {
        let loaded = snapshot.loaded
        guard let unitID = loaded.ids.units[unit] else { throw ServiceError.notFound("没有这个单位") }
        let access: ReportPolicy.ReadAccess =
            reader.unitCode == unit
            ? .everyVersion : (reader.role == .officeAdmin || reader.role == .viewer ? .asSubmitted : .none)
        guard access != .none else { throw ServiceError.forbidden("只能查看本单位的月度报送") }
        let tasks = loaded.plan.tasks.filter { ReportPolicy.canReport(unit: unit, on: $0) }
        let taskIDs = tasks.compactMap { loaded.ids.tasks[$0.code] }
        let store = ReportStore(database: db)
        let records = try await store.stored(
            unitIDs: [unitID], taskIDs: taskIDs, months: [month, month.previous], in: loaded)
        var current: [String: ReportStore.StoredReport] = [:]
        var previous: [String: ReportStore.StoredReport] = [:]
        for record in records {
            guard let code = loaded.taskCode(id: record.taskID) else { continue }
            if record.month == month.description { current[code] = record } else { previous[code] = record }
        }
        var submitted: [UUID: ReportRevisionRecord] = [:]
        if access == .asSubmitted {
            submitted = try await store.lastSubmitted(reportIDs: current.values.map(\.id))
        }
        let rows = tasks.map { task -> Row in
            let record = current[task.code]
            var content = record?.content
            var state = record?.state
            if access == .asSubmitted {
                content = record.flatMap { submitted[$0.id] }.flatMap { try? $0.content() }
                if content == nil { state = nil }
            }
            let last = previous[task.code].flatMap { $0.state.isSubmitted ? $0.content : nil }
            let demand = ReportDemand(
                unit: unit, task: task, month: month, progress: snapshot.progress(of: task))
            return Row(
                task: task, demand: demand, state: state,
                revision: content == nil ? 0 : record?.revision ?? 0, content: content,
                comment: state == .returned || state == .draft ? record?.comment : nil,
                firstSubmittedAt: content == nil ? nil : record?.firstSubmittedAt, lastMonth: last)
        }
        return Sheet(unit: unit, month: month, access: access, rows: rows)
    }
}
