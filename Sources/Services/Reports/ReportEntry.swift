import Campaign
import Foundation
import LantianCore
import Persistence

/// What a unit typed for one report, as the form sent it: the text of each field before it is read. The per-task
/// report form and each row of the monthly page (月度报送) are read by the same rules.
public struct ReportEntry: Sendable, Equatable {
    /// ``ReportedStatus`` raw value; nil or unknown when none was chosen.
    public var reportedStatus: String?
    /// Indicator code → the number as typed ("16000", "16,000", "1.6万").
    public var values: [String: String]
    public var narrative: String

    public static let maxNarrative = 20000

    public init(reportedStatus: String?, values: [String: String], narrative: String) {
        self.reportedStatus = reportedStatus
        self.values = values
        self.narrative = narrative
    }

    /// The entry read for `task`: the content to store, and why it cannot be stored (one message per field,
    /// naming the indicator). `submitting` asks for what sending needs beyond a draft: a narrative.
    public func read(for task: PlanTask, submitting: Bool) -> (content: ReportStore.Content, problems: [String]) {
        var problems: [String] = []
        let status = reportedStatus.flatMap(ReportedStatus.init(rawValue:))
        if status == nil { problems.append("请选择完成情况") }
        var parsed: [String: Double] = [:]
        for indicator in task.indicators {
            let text = (values[indicator.code] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            switch ReportedNumber.parse(text, unit: indicator.unit) {
            case .success(let value): parsed[indicator.code] = value
            case .failure(let refusal): problems.append("\(indicator.name)：\(refusal)")
            }
        }
        let narrative = narrative.trimmingCharacters(in: .whitespacesAndNewlines)
        if narrative.count > Self.maxNarrative { problems.append("进展情况不超过 \(Self.maxNarrative) 字") }
        if submitting && narrative.isEmpty { problems.append("报送前请填写进展情况") }
        return (
            ReportStore.Content(reportedStatus: status ?? .inProgress, narrative: narrative, values: parsed), problems
        )
    }

    /// Whether anything was typed: a narrative or a number. A completion status alone, left at its default, is
    /// not an entry.
    public var isBlank: Bool {
        narrative.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            && values.values.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
            && (reportedStatus == nil || reportedStatus == ReportedStatus.inProgress.rawValue)
    }
}
