import Campaign
import Foundation
import LantianCore
import Persistence

/// The current plan with every task's assessment at one moment: what the dashboard, lists and task pages show.
public struct CampaignSnapshot: Sendable {
    public let loaded: LoadedPlan
    public let calendar: ReportingCalendar
    public let now: Date
    /// Reports by task code.
    public let facts: [String: [ReportFacts]]
    /// Assessment by task code.
    public let assessments: [String: TaskAssessment]
    /// The day the view is as of, when it is not now (`?asOf=YYYY-MM-DD`).
    public let asOf: CivilDate?
    /// Values from connected indicator sources, by task and indicator code.
    public let measured: [String: [String: Double]]

    /// The cache versions the snapshot was built at: later reads of the same request reuse them.
    public let versions: CacheVersions

    public var plan: Plan { loaded.plan }

    public init(
        loaded: LoadedPlan, facts: [String: [ReportFacts]], now: Date, asOf: CivilDate? = nil,
        measured: [String: [String: Double]] = [:], versions: CacheVersions = CacheVersions()
    ) throws {
        guard let calendar = ReportingCalendar(plan: loaded.plan) else {
            throw ServiceError.invalid("方案的时区 \(loaded.plan.timeZone) 未知")
        }
        self.loaded = loaded
        self.calendar = calendar
        self.now = now
        self.facts = facts
        self.asOf = asOf
        self.measured = measured
        self.versions = versions
        var assessments: [String: TaskAssessment] = [:]
        var progress: [String: TaskProgress] = [:]
        for task in loaded.plan.tasks {
            let known = TaskProgress(task: task, reports: facts[task.code] ?? [], measured: measured[task.code] ?? [:])
            progress[task.code] = known
            assessments[task.code] = TaskAssessment(
                task: task, progress: known, asOf: now, calendar: calendar, rules: loaded.plan.statusRules)
        }
        self.assessments = assessments
        self.progressByTask = progress
    }

    private let progressByTask: [String: TaskProgress]

    /// What is known of `task`'s progress: what its assessment judged.
    public func progress(of task: PlanTask) -> TaskProgress {
        progressByTask[task.code]
            ?? TaskProgress(task: task, reports: facts[task.code] ?? [], measured: measured[task.code] ?? [:])
    }

    public func unitName(_ code: String) -> String { loaded.unit(code: code)?.name ?? code }
}
