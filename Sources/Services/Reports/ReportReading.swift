import Campaign
import FluentKit
import Foundation
import LantianCore
import Persistence

/// What a reader may read of reports and their evidence: the one place ``ReportPolicy/readAccess(role:actorUnit:reportUnit:task:supervisor:)``
/// is applied to stored reports, for the report page, the API and evidence downloads alike.
///
/// A report's own unit reads every version. The office, viewers, the lead unit and the supervising unit read
/// the version last submitted (审核通过并报送): edits after a return and files attached to them stay with the unit.
/// Other units read nothing.
public struct ReportReading: Sendable {
    public let db: any Database

    public init(db: any Database) {
        self.db = db
    }

    /// One report as a reader sees it.
    public struct View: Sendable {
        public var access: ReportPolicy.ReadAccess
        /// The stored report with its values and evidence; nil before the unit first saved it.
        public var record: ReportRecord?
        /// For a reader outside the unit, the version last submitted (what the page shows instead of `record`).
        public var submitted: ReportSnapshot?
        /// The revisions the reader may list: outside the unit, none after the submitted one but the office's steps.
        public var revisions: [ReportRevisionRecord]

        public init(
            access: ReportPolicy.ReadAccess, record: ReportRecord?, submitted: ReportSnapshot?,
            revisions: [ReportRevisionRecord]
        ) {
            self.access = access
            self.record = record
            self.submitted = submitted
            self.revisions = revisions
        }
    }

    /// `unit`'s report on `task` for `month`; `forbidden` for a reader who may not read it (yet).
    public func report(
        task: PlanTask, unit: String, month: ReportMonth, in loaded: LoadedPlan, reader: ReportStore.Actor
    ) async throws -> View {
        guard let taskID = loaded.ids.tasks[task.code], let unitID = loaded.ids.units[unit] else {
            throw ServiceError.notFound("没有这份报告")
        }
        let access = Self.access(of: reader, toReportsOf: unit, on: task, in: loaded)
        guard access != .none else { throw ServiceError.forbidden("无权查看其他单位的报告") }
        let store = ReportStore(database: db)
        let record = try await store.find(taskID: taskID, unitID: unitID, month: month)
        var revisions: [ReportRevisionRecord] = []
        if let record { revisions = try await store.revisions(reportID: record.requireID()) }
        var submitted: ReportSnapshot?
        if access == .asSubmitted, record != nil {
            guard let revision = revisions.last(where: { $0.action == ReportAction.approve.rawValue }) else {
                throw ServiceError.forbidden("该报告尚未报送大气办，草稿仅本单位可见")
            }
            submitted = try revision.content()
            // Who wrote and approved what was submitted stays visible; versions after it are unsent edits.
            revisions = revisions.filter {
                $0.number <= revision.number || ReportAction(rawValue: $0.action)?.isOffice == true
            }
        }
        return View(access: access, record: record, submitted: submitted, revisions: revisions)
    }

    /// Every report on `task` the reader may read, by month, each with the submitted version where the reader
    /// reads only that.
    public func reports(
        on task: PlanTask, in loaded: LoadedPlan, reader: ReportStore.Actor
    ) async throws -> [(record: ReportRecord, submitted: ReportSnapshot?)] {
        guard let taskID = loaded.ids.tasks[task.code] else { throw ServiceError.notFound("没有这项任务") }
        let records = try await ReportRecord.query(on: db).filter(\.$task.$id == taskID).with(\.$values)
            .with(\.$evidence).sort(\.$month).all()
        let access = records.map { record in
            Self.access(of: reader, toReportsOf: loaded.unitCode(id: record.$unit.id) ?? "", on: task, in: loaded)
        }
        let outside = zip(records, access).filter { $0.1 == .asSubmitted }.compactMap { $0.0.id }
        let submitted = try await ReportStore(database: db).lastSubmitted(reportIDs: outside)
        return zip(records, access).compactMap { record, access in
            switch access {
            case .everyVersion: return (record, nil)
            case .asSubmitted:
                guard let id = record.id, let content = try? submitted[id]?.content() else { return nil }
                return (record, content)
            case .none: return nil
            }
        }
    }

    /// Evidence file `id` if the reader may download it: a file attached to a draft stays private to the unit
    /// until a submitted version includes it.
    public func evidence(id: UUID, in loaded: LoadedPlan, reader: ReportStore.Actor) async throws -> EvidenceRecord {
        guard let file = try await EvidenceRecord.query(on: db).filter(\.$id == id).with(\.$report).first(),
            let unit = loaded.unitCode(id: file.report.$unit.id),
            let task = loaded.taskCode(id: file.report.$task.id).flatMap(loaded.task(code:))
        else { throw ServiceError.notFound("没有这个文件") }
        switch Self.access(of: reader, toReportsOf: unit, on: task, in: loaded) {
        case .everyVersion:
            return file
        case .asSubmitted:
            let submitted = try await ReportStore(database: db).lastSubmitted(reportIDs: [file.report.requireID()])
            let refs = try submitted.values.first.map { try $0.content().evidence } ?? []
            guard refs.contains(where: { $0.id == id }) else {
                throw ServiceError.forbidden("该佐证材料尚未随报告报送，仅填报单位可见")
            }
            return file
        case .none:
            throw ServiceError.forbidden("无权查看该单位的佐证材料")
        }
    }

    /// What `reader` may read of `unit`'s reports on `task`.
    public static func access(
        of reader: ReportStore.Actor, toReportsOf unit: String, on task: PlanTask, in loaded: LoadedPlan
    ) -> ReportPolicy.ReadAccess {
        ReportPolicy.readAccess(
            role: reader.role, actorUnit: reader.unitCode, reportUnit: unit, task: task,
            supervisor: loaded.ids.supervisors[task.code])
    }
}
