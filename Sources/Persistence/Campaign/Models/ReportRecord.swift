import Campaign
import FluentKit
import Foundation
import LantianCore

/// A unit's monthly progress report on one task (进展报告). Its current content lives here and in
/// ``ReportValueRecord``; every change of it is kept as a ``ReportRevisionRecord``.
public final class ReportRecord: Model, @unchecked Sendable {
    public static let schema = "reports"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "task_id") public var task: TaskRecord
    @Parent(key: "unit_id") public var unit: UnitRecord
    /// The month reported on, `YYYY-MM`.
    @Field(key: "month") public var month: String
    @Field(key: "state") public var state: String
    @Field(key: "reported_status") public var reportedStatus: String
    @Field(key: "narrative") public var narrative: String
    /// Number of the latest revision.
    @Field(key: "revision") public var revision: Int
    /// When it first reached the office; lateness is judged on this.
    @OptionalField(key: "first_submitted_at") public var firstSubmittedAt: Date?
    @OptionalField(key: "submitted_at") public var submittedAt: Date?
    /// The office's (or leader's) latest comment when sending it back.
    @OptionalField(key: "comment") public var comment: String?
    /// `YYYY-MM`: the content is last month's, carried forward (与上月相同) and not edited since.
    @OptionalField(key: "carried_from") public var carriedFrom: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    @Children(for: \.$report) public var values: [ReportValueRecord]
    @Children(for: \.$report) public var evidence: [EvidenceRecord]

    public init() {}

    public init(taskID: UUID, unitID: UUID, month: ReportMonth) {
        self.$task.id = taskID
        self.$unit.id = unitID
        self.month = month.description
        self.state = ReportState.draft.rawValue
        self.reportedStatus = Campaign.ReportedStatus.inProgress.rawValue
        self.narrative = ""
        self.revision = 0
    }

    public var reportState: ReportState { ReportState(rawValue: state) ?? .draft }
    public var status: Campaign.ReportedStatus { Campaign.ReportedStatus(rawValue: reportedStatus) ?? .inProgress }
    public var reportMonth: ReportMonth? { ReportMonth(month) }
}
