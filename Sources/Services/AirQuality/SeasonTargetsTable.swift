import AirQuality
import Campaign
import FluentKit
import Foundation
import LantianCore
import Persistence

/// The season's target table as plain values: what `lantian aq season` prints, `/api/v1/air/season` returns and
/// the 空气质量 page shows.
public struct SeasonTargetsTable: Codable, Sendable {
    public struct Row: Codable, Sendable {
        /// `pm25Mean`, `remainingBudget` or `heavyDays`.
        public var metric: String
        public var name: String
        public var unit: String
        public var target: Double?
        public var soFar: Double?
        /// The previous season over the same dates, one year earlier.
        public var previousSameDates: Double?
        public var change: Double?
        public var note: String
    }

    public var plan: String
    public var seasonStart: String
    public var seasonEnd: String
    /// The last day counted, inclusive.
    public var asOf: String
    public var elapsedDays: Int
    public var remainingDays: Int
    public var pm25ValidDays: Int
    public var outOfReach: Bool
    public var projectedHeavyDays: Double
    public var sandDustDays: [String]
    public var rows: [Row]

    /// The current plan's table as of the end of `asOf` (default: yesterday on the plan's calendar).
    public static func load(on db: any Database, now: Date, asOf: String? = nil) async throws -> SeasonTargetsTable {
        guard let record = try await PlanStore(database: db).currentPlan() else {
            throw SeasonTableError(description: "no plan is loaded")
        }
        let plan = try await PlanStore(database: db).load(record).plan
        guard let calendar = ReportingCalendar(plan: plan) else {
            throw SeasonTableError(description: "the plan has no time zone")
        }
        var day = calendar.civilDate(of: now).adding(days: -1)
        if let asOf {
            guard let parsed = CivilDate(asOf) else { throw SeasonTableError(description: "\(asOf) is not YYYY-MM-DD") }
            day = parsed
        }
        return SeasonTargetsTable(plan: plan, figures: try await SeasonFigures.load(plan: plan, asOf: day, on: db))
    }

    init(plan: Plan, figures f: SeasonFigures) {
        let s = f.status
        let p = f.previous
        self.plan = plan.code
        seasonStart = plan.start.description
        seasonEnd = plan.end.description
        asOf = f.asOf.description
        elapsedDays = s.elapsedDays
        remainingDays = s.remainingDays
        pm25ValidDays = s.pm25Days
        outOfReach = s.outOfReach
        projectedHeavyDays = s.projectedHeavyDays
        sandDustDays = f.sandDustDays.sorted().map { CivilDate(dayNumber: $0).description }
        func delta(_ a: Double?, _ b: Double?) -> Double? { a.flatMap { a in b.map { a - $0 } } }
        rows = [
            Row(
                metric: "pm25Mean", name: "PM2.5 平均浓度", unit: "µg/m³", target: f.pm25Target?.value, soFar: s.pm25Mean,
                previousSameDates: p?.pm25Mean, change: delta(s.pm25Mean, p?.pm25Mean),
                note: "有效天数 \(s.pm25Days) / 已过 \(s.elapsedDays) 天；沙尘日不计入"),
            Row(
                metric: "remainingBudget", name: "剩余天数 PM2.5 平均浓度上限", unit: "µg/m³", target: nil,
                soFar: s.remainingBudget, previousSameDates: nil, change: nil,
                note: s.outOfReach ? "已无法达标或实际难以达到" : "剩余 \(s.remainingDays) 天，按目标保留一位小数比较"),
            Row(
                metric: "heavyDays", name: "重度及以上污染天数", unit: "天", target: f.heavyTarget?.value,
                soFar: Double(s.heavyDays), previousSameDates: p.map { Double($0.heavyDays) },
                change: delta(Double(s.heavyDays), p.map { Double($0.heavyDays) }),
                note: String(format: "按目前节奏全季约 %.1f 天", s.projectedHeavyDays)),
        ]
    }
}

public struct SeasonTableError: Error, CustomStringConvertible {
    public var description: String
}
