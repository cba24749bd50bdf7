import Campaign
import Foundation
import LantianCore
import Persistence
import Services
import Vapor

struct PlanSummaryDTO: Content {
    var code: String
    var title: String
    var start: String
    var end: String
    var active: Bool
}

struct PlanDTO: Content {
    var plan: Plan
    var taskCount: Int
}

struct TaskDTO: Content {
    struct IndicatorDTO: Codable {
        var indicator: Indicator
        var current: Double?
        var progress: Double?
    }

    var task: PlanTask
    var status: TaskStatus
    var statusText: String
    var explanation: String
    var elapsedShare: Double
    var latestDueMonth: ReportMonth?
    var missingUnits: [String]
    var indicators: [IndicatorDTO]

    init(row: TaskRow, snapshot: CampaignSnapshot) {
        task = row.task
        status = row.status
        statusText = row.status.chinese
        explanation = row.explanation(snapshot)
        elapsedShare = row.assessment.elapsedShare
        latestDueMonth = row.assessment.latestDueMonth
        missingUnits = row.assessment.missingUnits
        indicators = row.task.indicators.map {
            IndicatorDTO(
                indicator: $0, current: row.progress.indicatorValues[$0.code],
                progress: row.assessment.indicatorProgress[$0.code])
        }
    }
}

struct ReportDTO: Content {
    struct EvidenceDTO: Codable {
        var id: UUID?
        var fileName: String
        var size: Int
        var sha256: String
    }

    var task: String
    var unit: String
    var month: String
    var state: ReportState
    var reportedStatus: ReportedStatus
    var narrative: String
    var values: [String: Double]
    var revision: Int
    var firstSubmittedAt: Date?
    var late: Bool
    var comment: String?
    var evidence: [EvidenceDTO]

    /// The report as `record` holds it, or — for readers outside the unit — as it was last `submitted`.
    init(record: ReportRecord, taskCode: String, snapshot: CampaignSnapshot, submitted: ReportSnapshot? = nil) {
        task = taskCode
        unit = snapshot.loaded.unitCode(id: record.$unit.id) ?? ""
        month = record.month
        state = record.reportState
        reportedStatus = record.status
        narrative = record.narrative
        var values: [String: Double] = [:]
        for value in record.values {
            if let code = snapshot.loaded.indicatorCode(id: value.$indicator.id) { values[code] = value.value }
        }
        self.values = values
        revision = record.revision
        firstSubmittedAt = record.firstSubmittedAt
        if let submitted = record.firstSubmittedAt, let month = record.reportMonth {
            late = snapshot.calendar.isLate(submittedAt: submitted, for: month)
        } else {
            late = false
        }
        comment = record.comment
        evidence = record.evidence.map {
            EvidenceDTO(id: $0.id, fileName: $0.fileName, size: $0.size, sha256: $0.sha256)
        }
        if let submitted {
            reportedStatus = submitted.reportedStatus
            narrative = submitted.narrative
            self.values = submitted.values
            let sizes = Dictionary(record.evidence.compactMap { e in e.id.map { ($0, e.size) } }, uniquingKeysWith: max)
            evidence = submitted.evidence.map {
                EvidenceDTO(id: $0.id, fileName: $0.fileName, size: sizes[$0.id] ?? 0, sha256: $0.sha256)
            }
        }
    }
}

/// An API token as its owner and the office see it: never the token itself.
struct TokenDTO: Content {
    var id: UUID
    var name: String
    var user: String
    var createdAt: Date?
    var expiresAt: Date?

    init(_ record: UserTokenRecord) {
        id = record.id ?? UUID()
        name = record.name
        user = record.user.username
        createdAt = record.createdAt
        expiresAt = record.expiresAt
    }
}
