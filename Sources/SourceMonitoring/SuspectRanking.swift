import Foundation

/// The inspectors' list: outlets ranked by a score from their hits, each score explained rule by rule. A hit
/// scores its rule's weight × (1 + log₂ hours): a long run counts more than a short one, but not in proportion. A
/// run flagged only F (the plant stopped) scores nothing: stopping is no sign of anything.
public enum SuspectRanking {
    /// Weights by rule: signs of fraud above signs of malfunction above gaps.
    public static let weights: [AnomalyScan.Rule: Double] = [
        .o2Inconsistent: 5, .inspectionDrop: 5, .constant: 4, .zeroWhileRunning: 4, .o2Flat: 3, .nightPattern: 3,
        .exceedance: 3, .weekdayPattern: 2, .rangeLimit: 2, .missing: 1, .lateUpload: 1, .flagInvalid: 1,
    ]

    /// One rule's part of an outlet's score.
    public struct Part: Hashable, Sendable {
        public var rule: AnomalyScan.Rule
        public var hits: Int
        public var hours: Int
        public var points: Double
    }

    public struct Entry: Hashable, Sendable {
        public var mn: String
        public var score: Double
        /// Largest part first.
        public var parts: [Part]
    }

    /// The outlets with hits, highest score first (then by device id).
    public static func rank(
        _ hits: [AnomalyScan.Hit], weights: [AnomalyScan.Rule: Double] = SuspectRanking.weights
    ) -> [Entry] {
        var entries: [Entry] = []
        let scored = hits.filter {
            !($0.rule == .flagInvalid && !$0.flags.isEmpty && $0.flags.allSatisfy { $0 == "F" })
        }
        for (mn, outletHits) in Dictionary(grouping: scored, by: \.mn) {
            var parts: [Part] = []
            for (rule, ruleHits) in Dictionary(grouping: outletHits, by: \.rule) {
                let weight = weights[rule] ?? 1
                var points = 0.0
                for hit in ruleHits { points += weight * (1 + log2(Double(hit.hours))) }
                parts.append(
                    Part(rule: rule, hits: ruleHits.count, hours: ruleHits.map(\.hours).reduce(0, +), points: points))
            }
            parts.sort { ($0.points, $1.rule.rawValue) > ($1.points, $0.rule.rawValue) }
            entries.append(Entry(mn: mn, score: parts.map(\.points).reduce(0, +), parts: parts))
        }
        return entries.sorted { ($0.score, $1.mn) > ($1.score, $0.mn) }
    }
}
