import FluentKit
import Foundation

/// An evidence file (佐证材料) attached to a report. The bytes live in the file store under `storageKey`;
/// the SHA-256 lets anyone check that what is served is what was uploaded.
public final class EvidenceRecord: Model, @unchecked Sendable {
    public static let schema = "evidence_files"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "report_id") public var report: ReportRecord
    @Field(key: "file_name") public var fileName: String
    @Field(key: "content_type") public var contentType: String
    @Field(key: "size") public var size: Int
    @Field(key: "sha256") public var sha256: String
    @Field(key: "storage_key") public var storageKey: String
    @Field(key: "uploaded_by") public var uploadedBy: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(
        id: UUID? = nil, reportID: UUID, fileName: String, contentType: String, size: Int, sha256: String,
        storageKey: String, uploadedBy: String
    ) {
        self.id = id
        self.$report.id = reportID
        self.fileName = fileName
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.storageKey = storageKey
        self.uploadedBy = uploadedBy
    }
}
