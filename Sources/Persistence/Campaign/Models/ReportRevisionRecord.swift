import Campaign
import FluentKit
import Foundation

/// One version of a report: what it said after an action, who took the action, and when. Never changed.
public final class ReportRevisionRecord: Model, @unchecked Sendable {
    public static let schema = "report_revisions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "report_id") public var report: ReportRecord
    @Field(key: "number") public var number: Int
    @Field(key: "action") public var action: String
    @Field(key: "state") public var state: String
    /// JSON of ``ReportSnapshot``.
    @Field(key: "snapshot") public var snapshot: String
    @OptionalField(key: "comment") public var comment: String?
    @OptionalParent(key: "author_id") public var author: UserRecord?
    @Field(key: "author_name") public var authorName: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(
        reportID: UUID, number: Int, action: ReportAction, state: ReportState, snapshot: ReportSnapshot,
        comment: String?, authorID: UUID?, authorName: String, at: Date
    ) throws {
        self.$report.id = reportID
        self.number = number
        self.action = action.rawValue
        self.state = state.rawValue
        self.snapshot = String(decoding: try JSONEncoder().encode(snapshot), as: UTF8.self)
        self.comment = comment
        self.$author.id = authorID
        self.authorName = authorName
        self.createdAt = at
    }

    public func content() throws -> ReportSnapshot {
        try JSONDecoder().decode(ReportSnapshot.self, from: Data(snapshot.utf8))
    }
}

/// A report's content at one revision.
public struct ReportSnapshot: Codable, Sendable, Equatable {
    public var reportedStatus: Campaign.ReportedStatus
    public var narrative: String
    /// Indicator code → value.
    public var values: [String: Double]
    /// Evidence file names with their SHA-256.
    public var evidence: [EvidenceRef]
    /// `YYYY-MM` when the content was carried forward from that month unchanged (与上月相同).
    public var carriedFrom: String?

    public init(
        reportedStatus: Campaign.ReportedStatus, narrative: String, values: [String: Double], evidence: [EvidenceRef],
        carriedFrom: String? = nil
    ) {
        self.reportedStatus = reportedStatus
        self.narrative = narrative
        self.values = values
        self.evidence = evidence
        self.carriedFrom = carriedFrom
    }

    public struct EvidenceRef: Codable, Sendable, Equatable {
        public var id: UUID
        public var fileName: String
        public var sha256: String

        public init(id: UUID, fileName: String, sha256: String) {
            self.id = id
            self.fileName = fileName
            self.sha256 = sha256
        }
    }
}
