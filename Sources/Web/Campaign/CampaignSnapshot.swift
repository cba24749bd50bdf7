import Campaign
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Persistence
import Vapor

/// The current plan with every task's assessment at one moment: what the dashboard, lists and task pages show.
struct CampaignSnapshot: Sendable {
    let loaded: LoadedPlan
    let calendar: ReportingCalendar
    let now: Date
    /// Reports by task code.
    let facts: [String: [ReportFacts]]
    /// Assessment by task code.
    let assessments: [String: TaskAssessment]
    /// The day the view is as of, when it is not now (`?asOf=YYYY-MM-DD`).
    let asOf: CivilDate?

    var plan: Plan { loaded.plan }

    init(loaded: LoadedPlan, facts: [String: [ReportFacts]], now: Date, asOf: CivilDate? = nil) throws {
        guard let calendar = ReportingCalendar(plan: loaded.plan) else {
            throw Abort(.internalServerError, reason: "未知时区 \(loaded.plan.timeZone)")
        }
        self.loaded = loaded
        self.calendar = calendar
        self.now = now
        self.facts = facts
        self.asOf = asOf
        var assessments: [String: TaskAssessment] = [:]
        for task in loaded.plan.tasks {
            assessments[task.code] = TaskAssessment(
                task: task, progress: TaskProgress(task: task, reports: facts[task.code] ?? []), asOf: now,
                calendar: calendar, rules: loaded.plan.statusRules)
        }
        self.assessments = assessments
    }

    func progress(of task: PlanTask) -> TaskProgress {
        TaskProgress(task: task, reports: facts[task.code] ?? [])
    }

    func unitName(_ code: String) -> String { loaded.unit(code: code)?.name ?? code }
}

/// Keeps loaded plans in memory: a stored plan's tasks never change after import, so one load serves every
/// request until the process ends.
final class PlanCache: Sendable {
    private let plans = NIOLockedValueBox<[UUID: LoadedPlan]>([:])

    func loaded(_ record: PlanRecord, on db: any Database) async throws -> LoadedPlan {
        let id = try record.requireID()
        if let cached = plans.withLockedValue({ $0[id] }) { return cached }
        let loaded = try await PlanStore(database: db).load(record)
        plans.withLockedValue { $0[id] = loaded }
        return loaded
    }

    /// Forgets every plan, after units change.
    func invalidate() { plans.withLockedValue { $0 = [:] } }
}

/// Keeps the reports of the current plan, reduced for the status computation, until the next write
/// transaction anywhere on the database (``Database/writeCount()``): one cheap query instead of reading
/// every report on every page. Requests that find the same new count share one load.
final class ReportFactsCache: Sendable {
    private typealias Load = Task<[String: [ReportFacts]], any Error>
    private let entry = NIOLockedValueBox<(plan: UUID, writes: Int, load: Load)?>(nil)

    func facts(for loaded: LoadedPlan, on db: any Database) async throws -> [String: [ReportFacts]] {
        let writes = try await db.writeCount()
        let load = entry.withLockedValue { entry -> Load in
            if let entry, entry.plan == loaded.ids.plan, entry.writes == writes { return entry.load }
            let load = Load { try await ReportStore(database: db).facts(for: loaded) }
            entry = (loaded.ids.plan, writes, load)
            return load
        }
        do {
            return try await load.value
        } catch {
            entry.withLockedValue { if $0?.writes == writes { $0 = nil } }
            throw error
        }
    }
}

extension Application {
    private struct PlanCacheKey: StorageKey {
        typealias Value = PlanCache
    }

    /// Set once by `configure`, before the server starts.
    var planCache: PlanCache {
        get { storage[PlanCacheKey.self]! }
        set { storage[PlanCacheKey.self] = newValue }
    }

    private struct ReportFactsCacheKey: StorageKey {
        typealias Value = ReportFactsCache
    }

    /// Set once by `configure`, before the server starts.
    var reportFactsCache: ReportFactsCache {
        get { storage[ReportFactsCacheKey.self]! }
        set { storage[ReportFactsCacheKey.self] = newValue }
    }
}

extension Request {
    /// The current plan, loaded; 404 with a message when no plan is loaded.
    func currentPlan() async throws -> LoadedPlan {
        guard let record = try await PlanStore(database: db).currentPlan() else {
            throw Abort(.notFound, reason: "尚未导入攻坚方案。请大气办管理员在“方案导入”中导入。")
        }
        return try await application.planCache.loaded(record, on: db)
    }

    /// The current plan with every task assessed now — or, with `?asOf=YYYY-MM-DD` on a page that only reads,
    /// as it stood at the end of that day: reports first submitted later are left out.
    func campaign(allowingAsOf: Bool = true) async throws -> CampaignSnapshot {
        let loaded = try await currentPlan()
        let facts = try await application.reportFactsCache.facts(for: loaded, on: db)
        guard allowingAsOf, let text = query[String.self, at: "asOf"], !text.isEmpty else {
            return try CampaignSnapshot(loaded: loaded, facts: facts, now: now)
        }
        guard let day = CivilDate(text), let calendar = ReportingCalendar(plan: loaded.plan),
            calendar.startOfDay(day) <= now
        else { throw Abort(.badRequest, reason: "统计时点应为今天或以前的日期（YYYY-MM-DD）") }
        let instant = calendar.endOfDay(day)
        let then = facts.mapValues { reports in reports.filter { ($0.submittedAt ?? .distantFuture) < instant } }
        return try CampaignSnapshot(loaded: loaded, facts: then, now: instant, asOf: day)
    }
}
