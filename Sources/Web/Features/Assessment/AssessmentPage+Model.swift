import Assessment
import Campaign
import Foundation
import LantianCore
import Services

extension AssessmentPage {
    /// What the page shows for a period: the scheme, every unit's score and rank, the accountability list, and
    /// for each unit its parts with their arithmetic and the facts behind them, each fact linked to its page.
    struct Model {
        struct FactLink {
            var text: String
            var url: SiteURL?
        }

        struct Part {
            var name: String
            var weight: String
            var points: String
            var reason: String
            var facts: [String]
            /// Where the part's facts are kept.
            var source: FactLink
        }

        struct Unit {
            var code: String
            var name: String
            var score: String
            var rank: String
            var parts: [Part]
            /// The unit's own facts, linked: its tasks at the period's end, its reports not on time.
            var tasks: [FactLink]
            var reports: [FactLink]
        }

        struct Entry {
            var unit: String
            var name: String
            var reason: String
            var facts: [String]
        }

        var from: String
        var to: String
        var scheme: ScoringScheme
        var units: [Unit]
        var accountability: [Entry]
        var errors: [String]
    }
}

extension AssessmentPage.Model {
    init(result: Assessments.Result, errors: [String] = []) {
        let facts = Dictionary(result.facts.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let to = result.to
        self.init(
            from: result.from.description, to: to.description, scheme: result.scorecard.scheme,
            units: result.scorecard.units.map { unit in
                let known = facts[unit.code]
                return Unit(
                    code: unit.code, name: unit.name, score: unit.score.map { NumberText.fixed($0, places: 1) } ?? "—",
                    rank: unit.rank.map { unit.sharedBy > 1 ? "并列\($0)" : "\($0)" } ?? "—",
                    parts: unit.parts.map { part in
                        Part(
                            name: part.name, weight: NumberText.display(part.weight),
                            points: part.points.map { NumberText.fixed($0, places: 1) } ?? "不适用",
                            reason: part.reason, facts: part.facts,
                            source: Self.source(of: part, in: result.scorecard.scheme, asOf: to))
                    },
                    tasks: (known?.tasks ?? []).map {
                        FactLink(
                            text: "\($0.code) \($0.title)：\($0.status.chinese)",
                            url: .task(code: $0.code, asOf: to.description))
                    },
                    reports: (known?.reports ?? []).filter { $0.timeliness != .onTime }.map {
                        FactLink(
                            text: "\($0.month.chinese) \($0.task)：\($0.timeliness == .late ? "迟报" : "未报")",
                            url: .report(task: $0.task, unit: unit.code, month: $0.month))
                    })
            },
            accountability: result.accountability.entries.map {
                Entry(unit: $0.unit, name: $0.name, reason: Self.reasonText($0.reason), facts: $0.facts)
            },
            errors: errors)
    }

    /// The page a part's facts come from.
    static func source(of part: Scorecard.Part, in scheme: ScoringScheme, asOf: CivilDate) -> FactLink {
        switch scheme.parts.first(where: { $0.code == part.code })?.measure {
        case .taskCompletion: FactLink(text: "任务清单", url: .tasks(TaskFilter()))
        case .reportTimeliness: FactLink(text: "各单位报送（下列迟报、未报）", url: nil)
        case .airImprovement, .airRank: FactLink(text: "空气质量", url: .air)
        case .warningCompliance: FactLink(text: "重污染应急 · 现场检查", url: .emergencyWarnings)
        case .spotCheckCoverage: FactLink(text: "市场监管 · 抽检记录", url: .marketChecks)
        case nil: FactLink(text: "", url: nil)
        }
    }

    static func reasonText(_ reason: AccountabilityList.Entry.Reason) -> String {
        switch reason {
        case .missedTasks: "任务逾期未完成"
        case .lateReports: "多次迟报、未报"
        case .airWorsenedAndLast: "空气质量同比恶化且排名末位"
        }
    }
}
