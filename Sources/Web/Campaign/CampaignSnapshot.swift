import Campaign
import Fluent
import Foundation
import LantianCore
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
    /// Values from connected indicator sources, by task and indicator code.
    let measured: [String: [String: Double]]

    var plan: Plan { loaded.plan }

    init(
        loaded: LoadedPlan, facts: [String: [ReportFacts]], now: Date, asOf: CivilDate? = nil,
        measured: [String: [String: Double]] = [:]
    ) throws {
        guard let calendar = ReportingCalendar(plan: loaded.plan) else {
            throw Abort(.internalServerError, reason: "未知时区 \(loaded.plan.timeZone)")
        }
        self.loaded = loaded
        self.calendar = calendar
        self.now = now
        self.facts = facts
        self.asOf = asOf
        self.measured = measured
        var assessments: [String: TaskAssessment] = [:]
        for task in loaded.plan.tasks {
            assessments[task.code] = TaskAssessment(
                task: task,
                progress: TaskProgress(
                    task: task, reports: facts[task.code] ?? [], measured: measured[task.code] ?? [:]),
                asOf: now,
                calendar: calendar, rules: loaded.plan.statusRules)
        }
        self.assessments = assessments
    }

    func progress(of task: PlanTask) -> TaskProgress {
        TaskProgress(task: task, reports: facts[task.code] ?? [], measured: measured[task.code] ?? [:])
    }

    func unitName(_ code: String) -> String { loaded.unit(code: code)?.name ?? code }
}

/// Keeps loaded plans in memory: a stored plan's tasks never change after import, so one load serves every
/// request — until the units change (the office adds one, on any instance): each request counts the units, one
/// cheap query, and a different count reloads.
final class PlanCache: Sendable {
    private let plans = NIOLockedValueBox<[UUID: (units: Int, plan: LoadedPlan)]>([:])

    func loaded(_ record: PlanRecord, on db: any Database) async throws -> LoadedPlan {
        let id = try record.requireID()
        let units = try await UnitRecord.query(on: db).count()
        if let cached = plans.withLockedValue({ $0[id] }), cached.units == units { return cached.plan }
        let loaded = try await PlanStore(database: db).load(record)
        plans.withLockedValue { $0[id] = (units, loaded) }
        return loaded
    }
}

/// Keeps the reports of the current plan, reduced for the status computation, until the next write
/// transaction anywhere on the database (``Database/writeCount()``: one cheap query per page). After a write it
/// reads only the reports changed since the newest it holds (less a margin for instances' clocks and
/// transactions still committing), not all of them. Requests that find the same new count share one load.
final class ReportFactsCache: Sendable {
    struct Entry: Sendable {
        var plan: UUID
        var writes: Int
        var rows: [UUID: ReportStore.FactsRow]
        var newest: Date
        var facts: [String: [ReportFacts]]
    }

    private typealias Load = Task<Entry, any Error>
    private let current = NIOLockedValueBox<(writes: Int, plan: UUID, load: Load)?>(nil)
    /// How far before the newest change held a refresh looks again.
    static let margin: TimeInterval = 10

    func facts(for loaded: LoadedPlan, on db: any Database) async throws -> [String: [ReportFacts]] {
        let writes = try await db.writeCount()
        let load = current.withLockedValue { current -> Load in
            if let current, current.plan == loaded.ids.plan, current.writes == writes { return current.load }
            let previous = current?.plan == loaded.ids.plan ? current?.load : nil
            let load = Load {
                let store = ReportStore(database: db)
                if let base = try? await previous?.value {
                    let changed = try await store.factsRows(
                        for: loaded, updatedSince: base.newest.addingTimeInterval(-Self.margin))
                    var rows = base.rows
                    for row in changed { rows[row.id] = row }
                    return Self.entry(loaded, writes, rows)
                }
                let all = try await store.factsRows(for: loaded)
                return Self.entry(loaded, writes, Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { $1 }))
            }
            current = (writes, loaded.ids.plan, load)
            return load
        }
        do {
            return try await load.value.facts
        } catch {
            current.withLockedValue { if $0?.writes == writes { $0 = nil } }
            throw error
        }
    }

    private static func entry(_ loaded: LoadedPlan, _ writes: Int, _ rows: [UUID: ReportStore.FactsRow]) -> Entry {
        let facts = Dictionary(grouping: rows.values, by: \.task).mapValues { group in
            group.sorted { ($0.facts.unit, $0.facts.month) < ($1.facts.unit, $1.facts.month) }.map(\.facts)
        }
        return Entry(
            plan: loaded.ids.plan, writes: writes, rows: rows,
            newest: rows.values.map(\.updatedAt).max() ?? .distantPast, facts: facts)
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
            let measured = try await measuredValues(for: loaded, asOf: now)
            return try CampaignSnapshot(loaded: loaded, facts: facts, now: now, measured: measured)
        }
        guard let day = CivilDate(text), let calendar = ReportingCalendar(plan: loaded.plan),
            calendar.startOfDay(day) <= now
        else { throw Abort(.badRequest, reason: "统计时点应为今天或以前的日期（YYYY-MM-DD）") }
        let instant = calendar.endOfDay(day)
        let then = facts.mapValues { reports in reports.filter { ($0.submittedAt ?? .distantFuture) < instant } }
        let measured = try await measuredValues(for: loaded, asOf: instant)
        return try CampaignSnapshot(loaded: loaded, facts: then, now: instant, asOf: day, measured: measured)
    }
}
