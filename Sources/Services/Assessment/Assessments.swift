import AirQuality
import Assessment
import Campaign
import FluentKit
import Foundation
import LantianCore
import Persistence
import Seed

/// Assessment (考核, seed §三(十五)) as `lantian assess` and the office's page read it: every unit's facts for a
/// period gathered from the stores — its tasks' status at the period's end, its monthly reports due in the period,
/// a county's composite index against a year earlier, the warning inspections in its county, a market bureau's
/// spot checks against its quotas — and scored by the scheme.
public struct Assessments: Sendable {
    public let campaigns: Campaigns

    public init(campaigns: Campaigns) {
        self.campaigns = campaigns
    }

    /// The shipped scheme (`Seed/Resources/assessment/scoring.yaml`).
    public static func shippedScheme() throws -> ScoringScheme {
        try ScoringSchemeFile.read(try SeedAssessment.scoring)
    }

    public struct Result: Sendable {
        public var from: CivilDate
        public var to: CivilDate
        public var scorecard: Scorecard
        public var accountability: AccountabilityList
        public var facts: [UnitFacts]
    }

    /// Scores the period `from`…`to` (inclusive days, `to` not after today) with `scheme`.
    public func assess(from: CivilDate, to: CivilDate, scheme: ScoringScheme, now: Date) async throws -> Result {
        guard from <= to else { throw ServiceError.invalid("起始日期不能晚于截止日期") }
        let snapshot = try await campaigns.snapshot(now: now, asOf: to.description)
        let plan = snapshot.plan
        let db = campaigns.db
        let end = snapshot.calendar.endOfDay(to)
        let start = snapshot.calendar.startOfDay(from)

        // Report months whose deadline fell in the period.
        let dueMonths = snapshot.calendar.reportMonths(until: plan.end).filter {
            let late = snapshot.calendar.lateFrom($0)
            return late > start && late <= end
        }
        var tasks: [String: [UnitFacts.Task]] = [:]
        var reports: [String: [UnitFacts.Report]] = [:]
        for task in plan.tasks {
            guard let assessment = snapshot.assessments[task.code] else { continue }
            let progress = snapshot.progress(of: task)
            for unit in Set(task.lead + task.responsible) {
                tasks[unit, default: []].append(
                    UnitFacts.Task(code: task.code, title: task.title, status: assessment.status(for: unit)))
            }
            for month in dueMonths {
                let lateFrom = snapshot.calendar.lateFrom(month)
                for unit in task.reportingUnits
                where ReportDemand(unit: unit, task: task, month: month, progress: progress).isAsked {
                    let submitted = (snapshot.facts[task.code] ?? []).first { $0.unit == unit && $0.month == month }?
                        .submittedAt
                    let timeliness: UnitFacts.Timeliness
                    if progress.submittedMonths[unit]?.contains(month) == true, let submitted {
                        timeliness = submitted >= lateFrom ? .late : .onTime
                    } else {
                        timeliness = .missing
                    }
                    reports[unit, default: []].append(
                        UnitFacts.Report(task: task.code, month: month, timeliness: timeliness))
                }
            }
        }

        let air = try await countyComposites(plan: plan, from: from, to: to, db: db)
        let emergency = EmergencyStore(database: db)
        let countyOfEnterprise = Dictionary(
            try await emergency.enterprises().map { ($0.id, $0.county) }, uniquingKeysWith: { a, _ in a })
        var inspected: [String: (Int, Int)] = [:]
        for inspection in try await emergency.inspections()
        where inspection.recordedAt >= start && inspection.recordedAt < end {
            guard let county = countyOfEnterprise[inspection.enterprise] else { continue }
            let count = inspected[county] ?? (0, 0)
            inspected[county] = (count.0 + 1, count.1 + (inspection.complied ? 1 : 0))
        }
        let market = MarketStore(database: db)
        var quotas: [String: Int] = [:]
        for stored in try await market.plans() where (from.year...to.year).contains(stored.year) {
            for quota in stored.quotas { quotas[quota.unit, default: 0] += quota.quota }
        }
        var sampled: [String: Int] = [:]
        for check in try await market.checks() where check.check.sampledOn >= from && check.check.sampledOn <= to {
            sampled[check.unit, default: 0] += 1
        }

        let facts = plan.units.compactMap { unit -> UnitFacts? in
            let isCounty = unit.kind == .county
            guard tasks[unit.code] != nil || reports[unit.code] != nil || quotas[unit.code] != nil || isCounty else {
                return nil
            }
            let checks = inspected[unit.code] ?? (0, 0)
            return UnitFacts(
                code: unit.code, name: unit.name, isCounty: isCounty, tasks: tasks[unit.code] ?? [],
                reports: reports[unit.code] ?? [], air: isCounty ? air[unit.code] : nil, inspected: checks.0,
                complied: checks.1, sampled: sampled[unit.code] ?? 0, quota: quotas[unit.code])
        }
        return Result(
            from: from, to: to, scorecard: Scorecard(scheme: scheme, facts: facts),
            accountability: AccountabilityList(scheme: scheme, facts: facts), facts: facts)
    }

    /// Each county unit's composite index over the period and the same dates a year earlier, from the stations
    /// whose county is the unit's name or one of its aliases (城区 → 城区人民政府); sand-dust days left out.
    func countyComposites(plan: Plan, from: CivilDate, to: CivilDate, db: any Database) async throws
        -> [String: UnitFacts.Air]
    {
        let store = AirQualityStore(database: db)
        let stations = try await store.stations().filter { $0.kind == .nationalControl || $0.kind == .provincial }
        var unitOfCounty: [String: String] = [:]
        for unit in plan.units where unit.kind == .county {
            for station in stations where station.county == unit.name || unit.aliases.contains(station.county) {
                unitOfCounty[station.code] = unit.code
            }
        }
        var sandDust = Set<Int>()
        for period in try await store.sandDustPeriods() {
            if let first = CivilDate(period.firstDay), let last = CivilDate(period.lastDay), first <= last {
                sandDust.formUnion(first.dayNumber...last.dayNumber)
            }
        }
        func composites(_ first: CivilDate, _ last: CivilDate) async throws -> [String: Double] {
            let days = try await store.stationDays(from: first.description, to: last.description).filter {
                unitOfCounty[$0.station] != nil && !sandDust.contains($0.statistics.dayNumber)
            }
            return Dictionary(grouping: days, by: { unitOfCounty[$0.station]! }).compactMapValues { rows in
                let daily = Dictionary(grouping: rows, by: \.statistics.dayNumber).map { day, rows in
                    DailyStatistics.city(rows.map(\.statistics), dayNumber: day)
                }
                return SeasonSummary(days: daily).compositeIndex
            }
        }
        let now = try await composites(from, to)
        let before = try await composites(from.yearEarlier, to.yearEarlier)
        var result: [String: UnitFacts.Air] = [:]
        for (unit, composite) in now {
            result[unit] = UnitFacts.Air(composite: composite, previousComposite: before[unit])
        }
        return result
    }
}
