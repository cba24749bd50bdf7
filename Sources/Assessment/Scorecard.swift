import Campaign
import Foundation
import LantianCore

/// The scores of every unit for a period under a ``ScoringScheme``: each unit's parts with their points and the
/// facts behind them, its total out of 100 and its rank (higher is better; equal totals at one place share a
/// rank, 并列). Pure: the facts are gathered by the caller.
public struct Scorecard: Sendable {
    /// One part of one unit's score.
    public struct Part: Sendable, Equatable {
        public var code: String
        public var name: String
        public var weight: Double
        /// 0…1; nil when the part does not apply to the unit (it is left out of the total).
        public var share: Double?
        public var points: Double? { share.map { $0 * weight } }
        /// Why: `t11 散煤治理 已完成 +1`, `2021年12月 t05 迟报 +0.5` …
        public var facts: [String]
        /// The part's arithmetic in a sentence: `3.5 / 5 项 × 40 = 28.0`.
        public var reason: String
    }

    public struct Unit: Sendable {
        public var code: String
        public var name: String
        public var parts: [Part]
        /// Σ points / Σ weights that apply × 100; nil when no part applies.
        public var score: Double?
        public var rank: Int?
        /// How many share the rank (1 when alone).
        public var sharedBy: Int
    }

    public var scheme: ScoringScheme
    public var units: [Unit]

    /// Scores `facts` (the counties' air ranks are taken among the counties given).
    public init(scheme: ScoringScheme, facts: [UnitFacts]) {
        self.scheme = scheme
        let counties = facts.filter { $0.isCounty && $0.air != nil }
        let airRanking = Ranking(counties.map { ($0.code, $0.air?.composite) }, places: 2)
        let scored = facts.map { unit -> Unit in
            let parts = scheme.parts.map { part in
                Self.score(part, unit, scheme: scheme, airRanking: airRanking, counties: counties.count)
            }
            let applying = parts.filter { $0.share != nil }
            let weights = applying.reduce(0) { $0 + $1.weight }
            let points = applying.reduce(0) { $0 + ($1.points ?? 0) }
            return Unit(
                code: unit.code, name: unit.name, parts: parts, score: weights > 0 ? points / weights * 100 : nil,
                rank: nil, sharedBy: 1)
        }
        let ranking = Ranking(scored.map { ($0.code, $0.score) }, places: 1, lowerIsBetter: false)
        units = ranking.entries.compactMap { entry in
            guard var unit = scored.first(where: { $0.code == entry.key }) else { return nil }
            unit.rank = entry.rank
            unit.sharedBy = entry.sharedBy
            return unit
        }
    }

    /// `tasks:28.0/40;timeliness:n/a/15;…` — the CLI's `parts` column.
    public static func partsText(_ unit: Unit) -> String {
        unit.parts.map { part in
            "\(part.code):" + (part.points.map { NumberText.fixed($0, places: 1) } ?? "n/a") + "/"
                + NumberText.csv(part.weight)
        }.joined(separator: ";")
    }

    static func score(
        _ part: ScoringScheme.Part, _ unit: UnitFacts, scheme: ScoringScheme, airRanking: Ranking<String>,
        counties: Int
    ) -> Part {
        func make(_ share: Double?, _ facts: [String], _ reason: String) -> Part {
            Part(
                code: part.code, name: part.name, weight: part.weight, share: share.map { min(1, max(0, $0)) },
                facts: facts, reason: reason)
        }
        let weight = NumberText.csv(part.weight)
        switch part.measure {
        case .taskCompletion:
            guard !unit.tasks.isEmpty else { return make(nil, [], "无承担任务，不计分") }
            var credit = 0.0
            var facts: [String] = []
            for task in unit.tasks {
                let earned = scheme.statusCredit[task.status] ?? 0
                credit += earned
                facts.append("\(task.code) \(task.title) \(task.status.chinese) +\(NumberText.csv(earned))")
            }
            let share = credit / Double(unit.tasks.count)
            return make(
                share, facts,
                "\(NumberText.csv(credit)) / \(unit.tasks.count) 项 × \(weight) = \(NumberText.fixed(share * part.weight, places: 1))"
            )
        case .reportTimeliness:
            guard !unit.reports.isEmpty else { return make(nil, [], "期内无到期报送，不计分") }
            var credit = 0.0
            var facts: [String] = []
            for report in unit.reports {
                let earned: Double
                let word: String
                switch report.timeliness {
                case .onTime: (earned, word) = (1, "按时")
                case .late: (earned, word) = (scheme.lateCredit, "迟报")
                case .missing: (earned, word) = (0, "未报")
                }
                credit += earned
                if report.timeliness != .onTime {
                    facts.append("\(report.month.chinese) \(report.task) \(word) +\(NumberText.csv(earned))")
                }
            }
            let share = credit / Double(unit.reports.count)
            let onTime = unit.reports.filter { $0.timeliness == .onTime }.count
            return make(
                share, ["应报 \(unit.reports.count) 项，按时 \(onTime) 项"] + facts,
                "\(NumberText.csv(credit)) / \(unit.reports.count) 项 × \(weight) = \(NumberText.fixed(share * part.weight, places: 1))"
            )
        case .airImprovement:
            guard unit.isCounty, let air = unit.air else { return make(nil, [], "非县区或无监测数据，不计分") }
            guard let change = air.change, let before = air.previousComposite else {
                return make(nil, ["综合指数 \(NumberText.fixed(air.composite, places: 2))，上年同期无数据"], "上年同期无数据，不计分")
            }
            let share = scheme.fullImprovement > 0 ? -change / scheme.fullImprovement : 0
            return make(
                share,
                [
                    "综合指数 \(NumberText.fixed(air.composite, places: 2))，上年同期 \(NumberText.fixed(before, places: 2))，变化 "
                        + (change > 0 ? "+" : "") + NumberText.fixed(change * 100, places: 1) + "%"
                ],
                "下降 \(NumberText.fixed(scheme.fullImprovement * 100, places: 0))% 得满分，上升或持平不得分：\(NumberText.fixed(min(1, max(0, share)) * part.weight, places: 1))"
            )
        case .airRank:
            guard unit.isCounty, unit.air != nil, let entry = airRanking.entry(unit.code), let rank = entry.rank else {
                return make(nil, [], "非县区或无监测数据，不计分")
            }
            let share = counties > 1 ? Double(counties - rank) / Double(counties - 1) : 1
            return make(
                share, ["综合指数排名 \(Ranking.rankText(entry)) / \(counties)"],
                "第一名满分、末名不得分：(\(counties) − \(rank)) / (\(counties) − 1) × \(weight) = \(NumberText.fixed(min(1, max(0, share)) * part.weight, places: 1))"
            )
        case .warningCompliance:
            guard unit.isCounty, unit.inspected > 0 else { return make(nil, [], "期内无预警检查记录，不计分") }
            let share = Double(unit.complied) / Double(unit.inspected)
            return make(
                share, ["预警期间检查 \(unit.inspected) 家次，落实 \(unit.complied) 家次"],
                "\(unit.complied) / \(unit.inspected) × \(weight) = \(NumberText.fixed(share * part.weight, places: 1))"
            )
        case .spotCheckCoverage:
            guard let quota = unit.quota, quota > 0 else { return make(nil, [], "无抽检任务，不计分") }
            let share = Double(unit.sampled) / Double(quota)
            return make(
                share, ["抽检 \(unit.sampled) 批次，任务 \(quota) 批次"],
                "\(unit.sampled) / \(quota) × \(weight)（封顶） = \(NumberText.fixed(min(1, share) * part.weight, places: 1))"
            )
        }
    }
}
