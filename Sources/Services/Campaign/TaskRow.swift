import Campaign
import Foundation
import LantianCore

/// A task's line in lists and exports, worked out once from the snapshot.
public struct TaskRow: Sendable {
    public var task: PlanTask
    public var assessment: TaskAssessment
    public var progress: TaskProgress
    /// The status shown: from a unit's viewpoint when the list is for one unit.
    public var status: TaskStatus

    public init(task: PlanTask, assessment: TaskAssessment, progress: TaskProgress, status: TaskStatus) {
        self.task = task
        self.assessment = assessment
        self.progress = progress
        self.status = status
    }

    public static func rows(_ snapshot: CampaignSnapshot, filter: TaskFilter) -> [TaskRow] {
        let viewpoint = [filter.county, filter.unit].compactMap { $0 }.first { !$0.isEmpty }
        return snapshot.plan.tasks.compactMap { task in
            guard let assessment = snapshot.assessments[task.code], filter.matches(task, assessment) else { return nil }
            return TaskRow(
                task: task, assessment: assessment, progress: snapshot.progress(of: task),
                status: viewpoint.map { assessment.status(for: $0) } ?? assessment.status)
        }
    }

    /// Why the status is what it is, in a sentence.
    public func explanation(_ snapshot: CampaignSnapshot) -> String {
        switch status {
        case .done: return "牵头单位报告已完成，指标均达标"
        case .overdue: return "已过完成时限（\(task.deadline)）"
        case .notReported:
            let month = assessment.latestDueMonth?.chinese ?? ""
            return "\(month)进展未报送：" + assessment.missingUnits.map(snapshot.unitName).joined(separator: "、")
        case .lagging:
            let names = assessment.laggingIndicators.compactMap { code in
                task.indicators.first { $0.code == code }?.name
            }
            return "进度滞后：" + names.joined(separator: "、") + "（时间进度 \(NumberText.percent(assessment.elapsedShare))）"
        case .onTrack: return "时间进度 \(NumberText.percent(assessment.elapsedShare))"
        }
    }

    /// Indicators with current values, `名称 当前/目标 单位`.
    public func indicatorSummary() -> String {
        task.indicators.map { indicator in
            let current = progress.indicatorValues[indicator.code].map(NumberText.display) ?? "—"
            return
                "\(indicator.name) \(current)/\(indicator.direction.symbol)\(NumberText.display(indicator.target))\(indicator.unit)"
        }.joined(separator: "；")
    }
}
