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
        public var updatedAt: Date
    }

    /// The plan's reports, reduced for the status computation — all of them, or those changed at or after
    /// `updatedSince`.
    ///
    /// The bulk path of every page: two SQL queries decoded into plain rows, no models.
    public func factsRows(for loaded: LoadedPlan, updatedSince: Date? = nil) async throws -> [FactsRow] {
        guard let sql = database as? any SQLDatabase else { return [] }
        var reportQuery = sql.select()
            .columns(
                SQLColumn("id", table: "reports"), SQLColumn("task_id", table: "reports"),
                SQLColumn("unit_id", table: "reports"), SQLColumn("month", table: "reports"),
                SQLColumn("state", table: "reports"), SQLColumn("reported_status", table: "reports"),
                SQLColumn("first_submitted_at", table: "reports"), SQLColumn("updated_at", table: "reports"),
                SQLColumn("comment", table: "reports")
            )
            .from("reports")
            .join("tasks", on: SQLColumn("task_id", table: "reports"), .equal, SQLColumn("id", table: "tasks"))
            .where(SQLColumn("plan_id", table: "tasks"), .equal, SQLBind(loaded.ids.plan))
        if let updatedSince {
            reportQuery = reportQuery.where(
                SQLColumn("updated_at", table: "reports"), .greaterThanOrEqual, SQLBind(updatedSince))
        }
        let reports = try await reportQuery.all(decoding: ReportRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        if reports.isEmpty { return [] }
        var valueQuery = sql.select()
            .columns(
                SQLColumn("report_id", table: "report_values"), SQLColumn("indicator_id", table: "report_values"),
                SQLColumn("value", table: "report_values")
            )
            .from("report_values")
        if updatedSince != nil {
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
        let values = try await valueQuery.all(decoding: ValueRow.self, keyDecodingStrategy: .convertFromSnakeCase)
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
            return FactsRow(id: report.id, task: task, facts: facts, updatedAt: report.updatedAt ?? .distantPast)
        }
    }

    /// Every report of the plan's tasks, reduced for the status computation, by task code.
    public func facts(for loaded: LoadedPlan) async throws -> [String: [ReportFacts]] {
        Dictionary(grouping: try await factsRows(for: loaded), by: \.task).mapValues { $0.map(\.facts) }
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
    ) async throws -> ReportRecord {
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
    ) async throws -> [ReportRecord] {
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
        return try await database.writeTransaction(touching: [.reports]) { db in
            var written: [ReportRecord] = []
            for step in steps {
                written.append(try await take(step, on: loaded, actor: actor, at: now, db: db))
            }
            return written
        }
    }

    /// One step inside the caller's transaction; the step's arguments are checked.
    private func take(_ step: Step, on loaded: LoadedPlan, actor: Actor, at now: Date, db: any Database)
        async throws -> ReportRecord
    {
        let (action, taskCode, unitCode, month, content) = (
            step.action, step.taskCode, step.unitCode, step.month, step.content
        )
        let task = loaded.task(code: taskCode)!
        let taskID = loaded.ids.tasks[taskCode]!
        let unitID = loaded.ids.units[unitCode]!
        let trimmedComment = step.comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        let existing = try await ReportRecord.query(on: db).filter(\.$task.$id == taskID)
            .filter(\.$unit.$id == unitID).filter(\.$month == month.description)
            .with(\.$values).with(\.$evidence).first()
        let state = existing?.reportState ?? .draft
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
        let report = existing ?? ReportRecord(taskID: taskID, unitID: unitID, month: month)
        let before = existing.map { $0.snapshot(in: loaded) }
        let next = action.next(from: state, by: actor.role)!
        var values =
            existing.map { current in
                Dictionary(
                    current.values.compactMap { v in
                        loaded.indicatorCode(id: v.$indicator.id).map { ($0, v.value) }
                    }, uniquingKeysWith: { a, _ in a })
            } ?? [:]
        if let content {
            // Carried forward stays marked while the content is what was carried (a form re-sends it whole).
            let unchanged =
                existing != nil && report.reportedStatus == content.reportedStatus.rawValue
                && report.narrative == content.narrative && values == content.values
            report.carriedFrom = content.carriedFrom?.description ?? (unchanged ? report.carriedFrom : nil)
            report.reportedStatus = content.reportedStatus.rawValue
            report.narrative = content.narrative
        }
        report.state = next.rawValue
        report.revision += 1
        if action == .approve {
            report.submittedAt = now
            if report.firstSubmittedAt == nil {
                report.firstSubmittedAt = now
            }
        }
        report.comment = action.needsComment ? trimmedComment : (action == .accept ? nil : report.comment)
        if existing == nil { try await report.create(on: db) } else { try await report.update(on: db) }
        let reportID = try report.requireID()
        if let content {
            try await ReportValueRecord.query(on: db).filter(\.$report.$id == reportID).delete()
            for (code, value) in content.values {
                guard let indicatorID = loaded.ids.indicators[taskCode + "/" + code] else { continue }
                try await ReportValueRecord(reportID: reportID, indicatorID: indicatorID, value: value).create(
                    on: db)
            }
            values = content.values
        }
        var files =
            existing?.evidence.map {
                ReportSnapshot.EvidenceRef(id: $0.id!, fileName: $0.fileName, sha256: $0.sha256)
            } ?? []
        for file in step.evidence {
            try await EvidenceRecord(
                id: file.id, reportID: reportID, fileName: file.fileName, contentType: file.contentType,
                size: file.size, sha256: file.sha256, storageKey: file.storageKey, uploadedBy: actor.username
            ).create(on: db)
            files.append(ReportSnapshot.EvidenceRef(id: file.id, fileName: file.fileName, sha256: file.sha256))
        }
        let after = ReportSnapshot(
            reportedStatus: report.status, narrative: report.narrative, values: values, evidence: files,
            carriedFrom: report.carriedFrom)
        try await ReportRevisionRecord(
            reportID: reportID, number: report.revision, action: action, state: next, snapshot: after,
            comment: trimmedComment?.isEmpty == false ? trimmedComment : nil, authorID: actor.userID,
            authorName: actor.displayName, at: now
        ).create(on: db)
        try await AuditLog.record(
            on: db, actor: actor.audit, action: "report.\(action.rawValue)", entity: "report",
            entityID: "\(taskCode)/\(unitCode)/\(month)",
            before: before.map { AuditedReport(state: state, content: $0) },
            after: AuditedReport(state: next, content: after), at: now)
        return report
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

private struct ReportRow: Decodable {
    var id: UUID
    var taskId: UUID
    var unitId: UUID
    var month: String
    var state: String
    var reportedStatus: String
    var firstSubmittedAt: Date?
    var updatedAt: Date?
    var comment: String?
}

private struct ValueRow: Decodable {
    var reportId: UUID
    var indicatorId: UUID
    var value: Double
}
