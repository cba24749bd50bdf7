import Foundation
import LantianCore
import Services
import SourceMonitoring

/// What 本周可疑排放口 shows: the week's outlets ranked by score, each score explained rule by rule, the strongest
/// hits with their charts.
extension SuspectsPage {
    struct Model {
        struct Part {
            var rule: String
            var text: String
        }

        struct HitLink {
            var text: String
            var detail: String
            var chart: String
        }

        struct Row {
            var rank: Int
            var enterprise: String
            var outlet: String
            var mn: String
            var score: String
            var parts: [Part]
            var hits: [HitLink]
            var outletPath: String
        }

        var week: CivilDate
        var title: String
        var previous: String
        var next: String
        var rows: [Row]
    }
}

extension SuspectsPage.Model {
    /// Hits shown under each outlet, strongest rules first.
    static let shownHits = 4

    init(week: CivilDate, suspects: [OnlineMonitoring.Suspect], names: [String: String]) {
        self.week = week
        title = "\(week) 至 \(week.adding(days: 6))"
        previous = SiteURL.sourcesSuspects(week: week.adding(days: -7)).path
        next = SiteURL.sourcesSuspects(week: week.adding(days: 7)).path
        rows = suspects.enumerated().map { index, suspect in
            let order = Dictionary(
                suspect.entry.parts.enumerated().map { ($1.rule, $0) }, uniquingKeysWith: { a, _ in a })
            // The longest hit of each rule, strongest rule first; then the rest, so that one rule does not fill the list.
            let sorted = suspect.hits.sorted {
                (order[$0.rule] ?? 99, -$0.hours, $0.from) < (order[$1.rule] ?? 99, -$1.hours, $1.from)
            }
            var seen = Set<AnomalyScan.Rule>()
            let firsts = sorted.filter { seen.insert($0.rule).inserted }
            let strongest = (firsts + sorted.filter { hit in !firsts.contains(hit) }).prefix(Self.shownHits)
            return Row(
                rank: index + 1, enterprise: suspect.outlet.flatMap { names[$0.enterprise] } ?? "（未登记）",
                outlet: suspect.outlet?.name ?? suspect.entry.mn, mn: suspect.entry.mn,
                score: NumberText.csv((suspect.entry.score * 10).rounded() / 10),
                parts: suspect.entry.parts.map { part in
                    Part(
                        rule: part.rule.chinese,
                        text: "\(part.hits) 处，共 \(part.hours) 小时，\(NumberText.csv((part.points * 10).rounded() / 10)) 分"
                    )
                },
                hits: strongest.map { hit in
                    HitLink(
                        text: "\(hit.rule.chinese) · \(hit.factor.isEmpty ? "整条记录" : Factor.name(hit.factor)) · "
                            + "\(HitText.span(hit))",
                        detail: hit.detail,
                        chart: SiteURL.sourcesChart(
                            mn: hit.mn, factor: hit.factor.isEmpty ? Factor.flow : hit.factor, from: hit.from.text,
                            to: hit.to.text
                        ).path)
                },
                outletPath: SiteURL.sourcesOutlet(mn: suspect.entry.mn, from: week, to: week.adding(days: 6)).path)
        }
    }
}

/// How the pages write a hit's hours: `2022-02-15 04:00 – 02-16 12:00（32 小时）`.
enum HitText {
    static func span(_ hit: AnomalyScan.Hit) -> String {
        let from = hit.from.text.replacingOccurrences(of: "T", with: " ")
        let to = hit.to.text.replacingOccurrences(of: "T", with: " ")
        let shortTo = to.hasPrefix(String(from.prefix(4))) ? String(to.dropFirst(5)) : to
        return "\(from) – \(shortTo)（\(hit.hours) 小时）"
    }
}
