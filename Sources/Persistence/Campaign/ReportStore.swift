import Campaign
import FluentKit
import Foundation
import LantianCore
import SQLKit

/// Reads and writes progress reports. Every write checks ``ReportPolicy``, keeps a revision and an audit entry,
/// and runs in one transaction.
public struct ReportStore: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// The person acting, as the server knows them from their session or token.
    public struct Actor: Sendable {
        public var userID: UUID
        public var username: String
        public var displayName: String
        public var role: Role
        public var unitCode: String

        public init(userID: UUID, username: String, displayName: String, role: Role, unitCode: String) {
            self.userID = userID
            self.username = username
            self.displayName = displayName
            self.role = role
            self.unitCode = unitCode
        }

        var audit: AuditLog.Actor { AuditLog.Actor(userID: userID, username: username) }
    }

    /// New content of a report, as a form or the API sends it.
    public struct Content: Sendable {
        public var reportedStatus: ReportedStatus
        public var narrative: String
        /// Indicator code → cumulative value; an indicator left out keeps no value.
        public var values: [String: Double]
        /// The month this content is carried forward from unchanged (与上月相同); nil for content written anew.
        public var carriedFrom: ReportMonth?

        public init(
            reportedStatus: ReportedStatus, narrative: String, values: [String: Double], carriedFrom: ReportMonth? = nil
        ) {
            self.reportedStatus = reportedStatus
            self.narrative = narrative
            self.values = values
            self.carriedFrom = carriedFrom
        }
    }

    /// A new evidence file, already written to the file store.
    public struct NewEvidence: Sendable {
        public var id: UUID
        public var fileName: String
        public var contentType: String
        public var size: Int
        public var sha256: String
        public var storageKey: String

        public init(id: UUID, fileName: String, contentType: String, size: Int, sha256: String, storageKey: String) {
            self.id = id
            self.fileName = fileName
            self.contentType = contentType
            self.size = size
            self.sha256 = sha256
            self.storageKey = storageKey
        }
    }

    /// A refused write: the reason is shown to the user as it is.
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
        public var isPermission: Bool
        /// The task of the step refused, where several were taken at once.
        public var taskCode: String? = nil
    }

    /// One report reduced for the status computation, with what a cache needs to keep it current.
    public struct FactsRow: Sendable {
        public var id: UUID
        public var task: String
        public var facts: ReportFacts
        /// The write that last changed it (`reports.change_seq`, the `reports` cache version it counted).
        public var change: Int
    }

    /// The plan's reports, reduced for the status computation — all of them, or those changed by writes after
    /// change `changedAfter` (``FactsRow/change``).
    ///
    /// The bulk path of every page: two SQL queries decoded into plain rows, no models.
    public func factsRows(for loaded: LoadedPlan, changedAfter: Int? = nil) async throws -> [FactsRow] {
        guard let sql = database as? any SQLDatabase else { return [] }
        var reportQuery = sql.select()
            .columns(
                SQLColumn("id", table: "reports"), SQLColumn("task_id", table: "reports"),
                SQLColumn("unit_id", table: "reports"), SQLColumn("month", table: "reports"),
                SQLColumn("state", table: "reports"), SQLColumn("reported_status", table: "reports"),
                SQLColumn("first_submitted_at", table: "reports"), SQLColumn("change_seq", table: "reports"),
                SQLColumn("comment", table: "reports")
            )
            .from("reports")
            .join("tasks", on: SQLColumn("task_id", table: "reports"), .equal, SQLColumn("id", table: "tasks"))
            .where(SQLColumn("plan_id", table: "tasks"), .equal, SQLBind(loaded.ids.plan))
        if let changedAfter {
            reportQuery = reportQuery.where(
                SQLColumn("change_seq", table: "reports"), .greaterThan, SQLBind(changedAfter))
        }
        let reports = try await reportQuery.all(decoding: ReportRow.self)
        if reports.isEmpty { return [] }
        var valueQuery = sql.select()
            .columns(
                SQLColumn("report_id", table: "report_values"), SQLColumn("indicator_id", table: "report_values"),
                SQLColumn("value", table: "report_values")
            )
            .from("report_values")
        if changedAfter != nil {
            valueQuery = valueQuery.where(
                SQLColumn("report_id", table: "report_values"), .in, SQLBind.group(reports.map(\.id)))
        } else {
            valueQuery =
                valueQuery
                .join(
                    "reports", on: SQLColumn("report_id", table: "report_values"), .equal,
                    SQLColumn("id", table: "reports")
                )
                .join("tasks", on: SQLColumn("task_id", table: "reports"), .equal, SQLColumn("id", table: "tasks"))
                .where(SQLColumn("plan_id", table: "tasks"), .equal, SQLBind(loaded.ids.plan))
        }
        let values = try await valueQuery.all(decoding: ValueRow.self)
        var valuesByReport: [UUID: [String: Double]] = [:]
        for value in values {
            if let code = loaded.indicatorCode(id: value.indicatorId) {
                valuesByReport[value.reportId, default: [:]][code] = value.value
            }
        }
        var taskCodes: [UUID: String] = [:]
        for (code, id) in loaded.ids.tasks { taskCodes[id] = code }
        var unitCodes: [UUID: String] = [:]
        for (code, id) in loaded.ids.units { unitCodes[id] = code }
        return reports.compactMap { report in
            guard let task = taskCodes[report.taskId], let unit = unitCodes[report.unitId],
                let month = ReportMonth(report.month)
            else { return nil }
            let facts = ReportFacts(
                unit: unit, month: month, state: ReportState(rawValue: report.state) ?? .draft,
                reportedStatus: ReportedStatus(rawValue: report.reportedStatus) ?? .inProgress,
                submittedAt: report.firstSubmittedAt, values: valuesByReport[report.id] ?? [:], comment: report.comment)
            return FactsRow(id: report.id, task: task, facts: facts, change: report.changeSeq)
        }
    }

    /// Every report of the plan's tasks, reduced for the status computation, by task code.
    public func facts(for loaded: LoadedPlan) async throws -> [String: [ReportFacts]] {
        Dictionary(grouping: try await factsRows(for: loaded), by: \.task).mapValues { $0.map(\.facts) }
    }

    /// A stored report read into plain values, not a model: what a page listing many reports reads.
    public struct StoredReport: Sendable {
        public var id: UUID
        public var taskID: UUID
        public var unitID: UUID
        public var month: String
        public var state: ReportState
        public var revision: Int
        public var firstSubmittedAt: Date?
        public var submittedAt: Date?
        /// The comment it was last sent back with.
        public var comment: String?
        /// The current content, evidence in upload order.
        public var content: ReportSnapshot
    }

    /// The reports of units `unitIDs` on `taskIDs` for `months`, with their values and evidence: three SQL queries
    /// into plain rows however many reports (the monthly page reads a unit's two months this way, and a write the
    /// reports it changes).
    public func stored(unitIDs: [UUID], taskIDs: [UUID], months: [ReportMonth], in loaded: LoadedPlan) async throws
        -> [StoredReport]
    {
        guard let sql = database as? any SQLDatabase, !unitIDs.isEmpty, !taskIDs.isEmpty, !months.isEmpty else {
            return []
        }
        struct Row: Decodable {
            var id: UUID
            var taskId: UUID
            var unitId: UUID
            var month: String
            var state: String
            var reportedStatus: String
            var narrative: String
            var revision: Int
            var firstSubmittedAt: Date?
            var submittedAt: Date?
            var comment: String?
            var carriedFrom: String?

            enum CodingKeys: String, CodingKey {
                case id, month, state, narrative, revision, comment
                case taskId = "task_id"
                case unitId = "unit_id"
                case reportedStatus = "reported_status"
                case firstSubmittedAt = "first_submitted_at"
                case submittedAt = "submitted_at"
                case carriedFrom = "carried_from"
            }
        }
        struct File: Decodable {
            var id: UUID
            var reportId: UUID
            var fileName: String
            var sha256: String

            enum CodingKeys: String, CodingKey {
                case id, sha256
                case reportId = "report_id"
                case fileName = "file_name"
            }
        }
        let reports = try await sql.select()
            .columns(
                "id", "task_id", "unit_id", "month", "state", "reported_status", "narrative", "revision",
                "first_submitted_at", "submitted_at", "comment", "carried_from"
            )
            .from(ReportRecord.schema)
            .where("unit_id", .in, SQLBind.group(unitIDs))
            .where("month", .in, SQLBind.group(months.map(\.description)))
            .where("task_id", .in, SQLBind.group(taskIDs))
            .all(decoding: Row.self)
        guard !reports.isEmpty else { return [] }
        let ids = reports.map(\.id)
        let values = try await sql.select().columns("report_id", "indicator_id", "value").from(ReportValueRecord.schema)
            .where("report_id", .in, SQLBind.group(ids))
            .all(decoding: ValueRow.self)
        let files = try await sql.select().columns("id", "report_id", "file_name", "sha256").from(EvidenceRecord.schema)
            .where("report_id", .in, SQLBind.group(ids)).orderBy("created_at").orderBy("id")
            .all(decoding: File.self)
        var valuesByReport: [UUID: [String: Double]] = [:]
        for value in values {
            if let code = loaded.indicatorCode(id: value.indicatorId) {
                valuesByReport[value.reportId, default: [:]][code] = value.value
            }
        }
        let filesByReport = Dictionary(grouping: files, by: \.reportId)
        return reports.map { row in
            StoredReport(
                id: row.id, taskID: row.taskId, unitID: row.unitId, month: row.month,
                state: ReportState(rawValue: row.state) ?? .draft, revision: row.revision,
                firstSubmittedAt: row.firstSubmittedAt, submittedAt: row.submittedAt, comment: row.comment,
                content: ReportSnapshot(
                    reportedStatus: ReportedStatus(rawValue: row.reportedStatus) ?? .inProgress,
                    narrative: row.narrative, values: valuesByReport[row.id] ?? [:],
                    evidence: (filesByReport[row.id] ?? []).map {
                        ReportSnapshot.EvidenceRef(id: $0.id, fileName: $0.fileName, sha256: $0.sha256)
                    }, carriedFrom: row.carriedFrom))
        }
    }

    /// The report of `unit` on `task` for `month`, if one was started.
    public func find(taskID: UUID, unitID: UUID, month: ReportMonth) async throws -> ReportRecord? {
        try await ReportRecord.query(on: database).filter(\.$task.$id == taskID).filter(\.$unit.$id == unitID)
            .filter(\.$month == month.description).with(\.$values).with(\.$evidence).first()
    }

    /// One workflow step on one report: what ``act(_:on:taskCode:unitCode:month:content:evidence:comment:actor:at:calendar:)``
    /// takes, and what ``perform(_:on:actor:at:calendar:)`` takes several of at once.
    public struct Step: Sendable {
        public var action: ReportAction
        public var taskCode: String
        public var unitCode: String
        public var month: ReportMonth
        /// Replaces the report's content for `save`, `requestApproval` and `approve` (when given).
        public var content: Content?
        public var evidence: [NewEvidence]
        /// Required when the action sends the report back.
        public var comment: String?
        /// The revision the writer's page showed (0 before the first save); when the stored report has moved on,
        /// the step is refused rather than overwrite what someone else wrote. Nil: not checked.
        public var expectedRevision: Int?

        public init(
            _ action: ReportAction, taskCode: String, unitCode: String, month: ReportMonth, content: Content? = nil,
            evidence: [NewEvidence] = [], comment: String? = nil, expectedRevision: Int? = nil
        ) {
            self.action = action
            self.taskCode = taskCode
            self.unitCode = unitCode
            self.month = month
            self.content = content
            self.evidence = evidence
            self.comment = comment
            self.expectedRevision = expectedRevision
        }
    }

    /// Takes `action` on the report of `unitCode` on `taskCode` for `month`, creating the report on first save.
    ///
    /// `content` replaces the report's content for `save`, `requestApproval` and `approve` (when given);
    /// `comment` is required when the action sends the report back. Lateness is fixed at first submission:
    /// a report first submitted after its due time is late, whatever happens later.
    @discardableResult
    public func act(
        _ action: ReportAction, on loaded: LoadedPlan, taskCode: String, unitCode: String, month: ReportMonth,
        content: Content?, evidence: [NewEvidence] = [], comment: String?, actor: Actor, at now: Date,
        calendar: ReportingCalendar
    ) async throws -> UUID {
        let step = Step(
            action, taskCode: taskCode, unitCode: unitCode, month: month, content: content, evidence: evidence,
            comment: comment)
        return try await perform([step], on: loaded, actor: actor, at: now, calendar: calendar)[0]
    }

    /// Takes every step in one transaction: all are written, or — when one is refused — none, and the
    /// ``Refusal`` names the task of the step refused. The monthly page (月度报送) saves and submits a unit's
    /// month this way.
    @discardableResult
    public func perform(
        _ steps: [Step], on loaded: LoadedPlan, actor: Actor, at now: Date, calendar: ReportingCalendar
    ) async throws -> [UUID] {
        let months = calendar.reportMonths(until: loaded.plan.end)
        for step in steps {
            func refuse(_ text: String) -> Refusal {
                Refusal(description: text, isPermission: false, taskCode: step.taskCode)
            }
            guard let task = loaded.task(code: step.taskCode), loaded.ids.units[step.unitCode] != nil else {
                throw refuse("没有该任务或单位")
            }
            guard months.contains(step.month) else { throw refuse("\(step.month.chinese)不在该任务的报送期内") }
            if step.action.needsComment && (step.comment?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "").isEmpty
            {
                throw refuse("请填写退回意见")
            }
            if let content = step.content {
                for code in content.values.keys where !task.indicators.contains(where: { $0.code == code }) {
                    throw refuse("该任务没有指标 \(code)")
                }
                for (code, value) in content.values where !value.isFinite || value < 0 {
                    throw refuse("指标 \(code) 的数值必须是非负数")
                }
            }
        }
        var addressed = Set<String>()
        for step in steps where !addressed.insert(Self.key(step, loaded)).inserted {
            throw Refusal(description: "同一份报告不能在一次提交中出现两次", isPermission: false, taskCode: step.taskCode)
        }
        return try await database.writeTransaction(touching: [.reports]) { db in
            let found = try await ReportStore(database: db).stored(
                unitIDs: Array(Set(steps.compactMap { loaded.ids.units[$0.unitCode] })),
                taskIDs: Array(Set(steps.compactMap { loaded.ids.tasks[$0.taskCode] })),
                months: Array(Set(steps.map(\.month))), in: loaded)
            let existing = Dictionary(
                found.map { ("\($0.taskID)|\($0.unitID)|\($0.month)", $0) }, uniquingKeysWith: { first, _ in first })
            var batch = Batch()
            let written = try steps.map { step in
                try take(
                    step, existing: existing[Self.key(step, loaded)], on: loaded, actor: actor, at: now, into: &batch)
            }
            try await batch.write(on: db)
            // The unit learns of a return on its home page (and through the gateway).
            let returned = steps.filter { $0.action == .returnToUnit }.map { step in
                NoticeStore.New(
                    unit: step.unitCode, kind: .reportReturned,
                    key: "returned|\(step.taskCode)|\(step.month)|\(Int(now.timeIntervalSince1970))",
                    subject: "\(step.taskCode)|\(step.unitCode)|\(step.month)",
                    title: "\(step.taskCode) \(step.month.chinese)报告被退回，请修改后重新报送",
                    body: "退回意见：\(step.comment ?? "")")
            }
            try await NoticeStore.add(returned, on: db, at: now)
            return written
        }
    }

    private static func key(_ step: Step, _ loaded: LoadedPlan) -> String {
        "\(loaded.ids.tasks[step.taskCode]!)|\(loaded.ids.units[step.unitCode]!)|\(step.month)"
    }

    /// What a set of steps writes, gathered so that each table is written in one statement (a chunk of rows at a
    /// time); reports that exist are updated one by one. Plain SQL with bound values: a unit's month is some fifty
    /// reports, and models cost more to encode than the statements take to run.
    private struct Batch {
        var created: [StoredReport] = []
        var updated: [StoredReport] = []
        /// Reports whose stored values the batch replaces.
        var replacingValues: [UUID] = []
        /// report id, indicator id, value
        var values: [(UUID, UUID, Double)] = []
        var evidence: [(report: UUID, file: NewEvidence, uploadedBy: String)] = []
        var revisions: [ReportRevisionRecord] = []
        var audit: [AuditRecord] = []
        var now = Date()

        func write(on db: any Database) async throws {
            let sql = db as! any SQLDatabase
            // The write's own number: the `reports` version this transaction counted.
            let change = try await CacheVersions.current(.reports, on: db)
            try await insert(
                into: ReportRecord.schema,
                [
                    "id", "task_id", "unit_id", "month", "state", "reported_status", "narrative", "revision",
                    "first_submitted_at", "submitted_at", "comment", "carried_from", "created_at", "updated_at",
                    "change_seq",
                ],
                created.map { r in
                    [
                        r.id, r.taskID, r.unitID, r.month, r.state.rawValue, r.content.reportedStatus.rawValue,
                        r.content.narrative, r.revision, r.firstSubmittedAt, r.submittedAt, r.comment,
                        r.content.carriedFrom, now, now, change,
                    ]
                }, on: sql)
            for r in updated {
                try await sql.update(ReportRecord.schema)
                    .set("state", to: r.state.rawValue).set("reported_status", to: r.content.reportedStatus.rawValue)
                    .set("narrative", to: r.content.narrative).set("revision", to: r.revision)
                    .set("first_submitted_at", to: r.firstSubmittedAt).set("submitted_at", to: r.submittedAt)
                    .set("comment", to: r.comment).set("carried_from", to: r.content.carriedFrom)
                    .set("updated_at", to: now).set("change_seq", to: change)
                    .where("id", .equal, r.id).run()
            }
            if !replacingValues.isEmpty {
                try await sql.delete(from: ReportValueRecord.schema)
                    .where("report_id", .in, SQLBind.group(replacingValues)).run()
            }
            try await insert(
                into: ReportValueRecord.schema, ["id", "report_id", "indicator_id", "value"],
                values.map { [UUID(), $0.0, $0.1, $0.2] }, on: sql)
            try await insert(
                into: EvidenceRecord.schema,
                [
                    "id", "report_id", "file_name", "content_type", "size", "sha256", "storage_key", "uploaded_by",
                    "created_at",
                ],
                // A microsecond apart: files are listed in the order they were uploaded.
                evidence.enumerated().map { index, e in
                    [
                        e.file.id, e.report, e.file.fileName, e.file.contentType, e.file.size, e.file.sha256,
                        e.file.storageKey, e.uploadedBy, now.addingTimeInterval(Double(index) / 1e6),
                    ]
                }, on: sql)
            try await insert(
                into: ReportRevisionRecord.schema,
                [
                    "id", "report_id", "number", "action", "state", "snapshot", "comment", "author_id", "author_name",
                    "created_at",
                ],
                revisions.map { r in
                    [
                        UUID(), r.$report.id, r.number, r.action, r.state, r.snapshot, r.comment, r.$author.id,
                        r.authorName, r.createdAt,
                    ]
                }, on: sql)
            try await insert(
                into: AuditRecord.schema,
                ["id", "at", "user_id", "username", "action", "entity", "entity_id", "before", "after"],
                audit.map { a in
                    [UUID(), a.at, a.userID, a.username, a.action, a.entity, a.entityID, a.before, a.after]
                }, on: sql)
        }

        /// Inserts `rows` (values in the order of `columns`), a few hundred rows a statement.
        private func insert(
            into table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]], on sql: any SQLDatabase
        ) async throws {
            var start = 0
            while start < rows.count {
                let chunk = rows[start..<min(rows.count, start + 200)]
                var builder = sql.insert(into: table).columns(columns)
                for row in chunk { builder = builder.values(row) }
                try await builder.run()
                start += chunk.count
            }
        }
    }

    /// One step, checked against the report as it stands (`existing`, nil before its first save), its writes
    /// gathered into `batch`; the step's arguments are checked. Returns the report's id.
    private func take(
        _ step: Step, existing: StoredReport?, on loaded: LoadedPlan, actor: Actor, at now: Date,
        into batch: inout Batch
    ) throws -> UUID {
        let (action, taskCode, unitCode, month, content) = (
            step.action, step.taskCode, step.unitCode, step.month, step.content
        )
        let task = loaded.task(code: taskCode)!
        let trimmedComment = step.comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        let state = existing?.state ?? .draft
        if let denial = ReportPolicy.denial(
            action: action, role: actor.role, actorUnit: actor.unitCode, reportUnit: unitCode, task: task,
            state: state)
        {
            throw Refusal(description: denial, isPermission: true, taskCode: taskCode)
        }
        if existing == nil && action != .save && action != .requestApproval && action != .approve {
            throw Refusal(description: "该报告尚未填写", isPermission: false, taskCode: taskCode)
        }
        if let expected = step.expectedRevision, expected != (existing?.revision ?? 0) {
            throw Refusal(
                description: "这份报告在您打开页面后已被修改，请查看最新内容后再改（您填写的内容仍在页面上）",
                isPermission: false, taskCode: taskCode)
        }
        var report =
            existing
            ?? StoredReport(
                id: UUID(), taskID: loaded.ids.tasks[taskCode]!, unitID: loaded.ids.units[unitCode]!,
                month: month.description, state: .draft, revision: 0, firstSubmittedAt: nil, submittedAt: nil,
                comment: nil,
                content: ReportSnapshot(reportedStatus: .inProgress, narrative: "", values: [:], evidence: []))
        let before = existing?.content
        let next = action.next(from: state, by: actor.role)!
        if let content {
            // Carried forward stays marked while the content is what was carried (a form re-sends it whole).
            let unchanged =
                existing != nil && report.content.reportedStatus == content.reportedStatus
                && report.content.narrative == content.narrative && report.content.values == content.values
            report.content.carriedFrom =
                content.carriedFrom?.description ?? (unchanged ? report.content.carriedFrom : nil)
            report.content.reportedStatus = content.reportedStatus
            report.content.narrative = content.narrative
            if existing != nil { batch.replacingValues.append(report.id) }
            for (code, value) in content.values {
                guard let indicatorID = loaded.ids.indicators[taskCode + "/" + code] else { continue }
                batch.values.append((report.id, indicatorID, value))
            }
            report.content.values = content.values
        }
        report.state = next
        report.revision += 1
        if action == .approve {
            report.submittedAt = now
            if report.firstSubmittedAt == nil {
                report.firstSubmittedAt = now
            }
        }
        report.comment = action.needsComment ? trimmedComment : (action == .accept ? nil : report.comment)
        for file in step.evidence {
            batch.evidence.append((report.id, file, actor.username))
            report.content.evidence.append(
                ReportSnapshot.EvidenceRef(id: file.id, fileName: file.fileName, sha256: file.sha256))
        }
        if existing == nil { batch.created.append(report) } else { batch.updated.append(report) }
        batch.revisions.append(
            try ReportRevisionRecord(
                reportID: report.id, number: report.revision, action: action, state: next, snapshot: report.content,
                comment: trimmedComment?.isEmpty == false ? trimmedComment : nil, authorID: actor.userID,
                authorName: actor.displayName, at: now))
        batch.audit.append(
            AuditLog.entry(
                actor: actor.audit, action: "report.\(action.rawValue)", entity: "report",
                entityID: "\(taskCode)/\(unitCode)/\(month)",
                before: before.map { AuditedReport(state: state, content: $0) },
                after: AuditedReport(state: next, content: report.content), at: now))
        return report.id
    }

    /// The newest version each of `reportIDs` was submitted in (审核通过并报送): what readers outside the unit
    /// see (``ReportPolicy/ReadAccess/asSubmitted``). Reports never submitted are missing.
    public func lastSubmitted(reportIDs: [UUID]) async throws -> [UUID: ReportRevisionRecord] {
        guard !reportIDs.isEmpty else { return [:] }
        let revisions = try await ReportRevisionRecord.query(on: database).filter(\.$report.$id ~~ reportIDs)
            .filter(\.$action == ReportAction.approve.rawValue).sort(\.$number).all()
        return Dictionary(revisions.map { ($0.$report.id, $0) }, uniquingKeysWith: { _, newer in newer })
    }

    /// All revisions of a report, oldest first.
    public func revisions(reportID: UUID) async throws -> [ReportRevisionRecord] {
        try await ReportRevisionRecord.query(on: database).filter(\.$report.$id == reportID).sort(\.$number).all()
    }
}

extension ReportRecord {
    /// The current content as a revision would keep it; needs the values and evidence loaded.
    public func snapshot(in loaded: LoadedPlan) -> ReportSnapshot {
        var values: [String: Double] = [:]
        for value in self.values {
            if let code = loaded.indicatorCode(id: value.$indicator.id) {
                values[code] = value.value
            }
        }
        return ReportSnapshot(
            reportedStatus: status, narrative: narrative, values: values,
            evidence: evidence.map {
                ReportSnapshot.EvidenceRef(id: $0.id!, fileName: $0.fileName, sha256: $0.sha256)
            }, carriedFrom: carriedFrom)
    }
}

struct AuditedReport: Encodable {
    var state: ReportState
    var content: ReportSnapshot
}

// Column names spelled out: SQLKit's snake-case key strategy converts every key of every row.
private struct ReportRow: Decodable {
    var id: UUID
    var taskId: UUID
    var unitId: UUID
    var month: String
    var state: String
    var reportedStatus: String
    var firstSubmittedAt: Date?
    var changeSeq: Int
    var comment: String?

    enum CodingKeys: String, CodingKey {
        case id, month, state, comment
        case taskId = "task_id"
        case unitId = "unit_id"
        case reportedStatus = "reported_status"
        case firstSubmittedAt = "first_submitted_at"
        case changeSeq = "change_seq"
    }
}

private struct ValueRow: Decodable {
    var reportId: UUID
    var indicatorId: UUID
    var value: Double

    enum CodingKeys: String, CodingKey {
        case value
        case reportId = "report_id"
        case indicatorId = "indicator_id"
    }
}
