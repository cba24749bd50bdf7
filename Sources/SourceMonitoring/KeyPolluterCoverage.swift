/// Seed §(十三): the key polluters (重点排污单位) listed must cover at least 65 % of industrial VOCs and NOx
/// emissions. The shares of the listed, and the fewest unlisted emitters that would lift both to the floor.
///
/// Industrial emissions are the registry's: the enterprises Lantian holds with their baseline emissions (t/yr)
/// make the denominator.
public enum KeyPolluterCoverage {
    /// An industrial emitter: the registry's code, VOCs and NOx in t/yr.
    public struct Emitter: Hashable, Sendable {
        public var id: String
        public var vocs: Double
        public var nox: Double

        public init(id: String, vocs: Double, nox: Double) {
            self.id = id
            self.vocs = vocs
            self.nox = nox
        }
    }

    public struct Result: Hashable, Sendable {
        /// Percent of the totals the listed cover; nil when a total is zero.
        public var vocsShare: Double?
        public var noxShare: Double?
        public var vocsTotal: Double
        public var noxTotal: Double
        /// The floor, percent.
        public var floor: Double
        /// The fewest unlisted emitters whose listing lifts both shares to the floor, largest contribution first;
        /// empty when the floor is met. `reachable` false when even listing every emitter would not.
        public var additions: [String]
        public var reachable: Bool
        /// Whether `additions` is proven the fewest (the search finished within its budget).
        public var proven: Bool

        public var meetsFloor: Bool {
            (vocsShare ?? 100) >= floor && (noxShare ?? 100) >= floor
        }
    }

    /// The shares of `keys` among `emitters` against `floor` percent, and the fewest additions (exact by branch and
    /// bound within `nodeBudget` nodes; else the greedy answer, not proven).
    public static func evaluate(
        _ emitters: [Emitter], keys: Set<String>, floor: Double = 65, nodeBudget: Int = 200_000
    ) -> Result {
        let vocsTotal = emitters.map(\.vocs).reduce(0, +)
        let noxTotal = emitters.map(\.nox).reduce(0, +)
        let listed = emitters.filter { keys.contains($0.id) }
        let vocsCovered = listed.map(\.vocs).reduce(0, +)
        let noxCovered = listed.map(\.nox).reduce(0, +)
        var result = Result(
            vocsShare: vocsTotal > 0 ? vocsCovered * 100 / vocsTotal : nil,
            noxShare: noxTotal > 0 ? noxCovered * 100 / noxTotal : nil, vocsTotal: vocsTotal, noxTotal: noxTotal,
            floor: floor, additions: [], reachable: true, proven: true)
        // A hair under the floor's exact amount, so that a share printed as 65.0 % counts as met.
        let gapV = max(0, floor / 100 * vocsTotal - vocsCovered - 1e-9 * vocsTotal)
        let gapN = max(0, floor / 100 * noxTotal - noxCovered - 1e-9 * noxTotal)
        guard gapV > 0 || gapN > 0 else { return result }
        let candidates = emitters.filter { !keys.contains($0.id) && ($0.vocs > 0 || $0.nox > 0) }
        guard candidates.map(\.vocs).reduce(0, +) >= gapV, candidates.map(\.nox).reduce(0, +) >= gapN else {
            result.reachable = false
            return result
        }
        func weight(_ e: Emitter) -> Double {
            (gapV > 0 ? min(e.vocs / gapV, 1) : 0) + (gapN > 0 ? min(e.nox / gapN, 1) : 0)
        }
        let order = candidates.sorted { (weight($0), $1.id) > (weight($1), $0.id) }
        // Greedy: the largest share of what is still missing, until both gaps close.
        var greedy: [Int] = []
        var left = (gapV, gapN)
        var used = Set<Int>()
        while left.0 > 0 || left.1 > 0 {
            let best = order.indices.filter { !used.contains($0) }.max { a, b in
                func gain(_ i: Int) -> Double {
                    (left.0 > 0 ? min(order[i].vocs / left.0, 1) : 0) + (left.1 > 0 ? min(order[i].nox / left.1, 1) : 0)
                }
                return (gain(a), b) < (gain(b), a)
            }!
            used.insert(best)
            greedy.append(best)
            left = (left.0 - order[best].vocs, left.1 - order[best].nox)
        }
        // Branch and bound over `order` for a smaller set: with r picks left from index i, the r largest VOCs and
        // NOx of the suffix bound what can still be covered.
        let n = order.count
        let depth = greedy.count - 1
        var topV = [[Double]](repeating: [0], count: n + 1)
        var topN = [[Double]](repeating: [0], count: n + 1)
        var largestV: [Double] = []
        var largestN: [Double] = []
        for i in stride(from: n - 1, through: 0, by: -1) {
            largestV.insert(order[i].vocs, at: largestV.firstIndex { $0 < order[i].vocs } ?? largestV.count)
            largestN.insert(order[i].nox, at: largestN.firstIndex { $0 < order[i].nox } ?? largestN.count)
            if largestV.count > depth { largestV.removeLast() }
            if largestN.count > depth { largestN.removeLast() }
            var sumsV: [Double] = [0]
            var sumsN: [Double] = [0]
            for value in largestV { sumsV.append(sumsV.last! + value) }
            for value in largestN { sumsN.append(sumsN.last! + value) }
            topV[i] = sumsV
            topN[i] = sumsN
        }
        var nodes = 0
        var best = greedy
        var chosen: [Int] = []
        var exhausted = false
        func search(_ i: Int, _ needV: Double, _ needN: Double) {
            if needV <= 0 && needN <= 0 {
                if chosen.count < best.count { best = chosen }
                return
            }
            nodes += 1
            if nodes > nodeBudget {
                exhausted = true
                return
            }
            let room = best.count - 1 - chosen.count
            guard room > 0, i < n else { return }
            let r = min(room, topV[i].count - 1)
            guard topV[i][r] >= needV, topN[i][min(room, topN[i].count - 1)] >= needN else { return }
            chosen.append(i)
            search(i + 1, needV - order[i].vocs, needN - order[i].nox)
            chosen.removeLast()
            if exhausted { return }
            search(i + 1, needV, needN)
        }
        search(0, gapV, gapN)
        result.additions = best.sorted { weight(order[$0]) > weight(order[$1]) }.map { order[$0].id }
        result.proven = !exhausted
        return result
    }
}
