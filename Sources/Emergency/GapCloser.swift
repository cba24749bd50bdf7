/// Closes a list's shortfall with the least output lost: from each enterprise at most one stricter measure, so
/// that every short pollutant's extra cut reaches its shortfall, at the least total cost (output share lost ×
/// the enterprise's output weight).
///
/// Method (docs/EMERGENCY.md): the problem is a multiple-choice covering problem, NP-hard in general. A greedy
/// pass (best shortfall covered per unit of cost, then redundant choices dropped) gives a first answer; a
/// depth-first branch and bound then searches for a cheaper one, pruning a branch when its cost plus a lower
/// bound — for each short pollutant, what is left times the cheapest cost per tonne still available — is no
/// better than the best found, or when the remaining enterprises cannot cover what is left. Within the node
/// budget the answer is proven optimal; beyond it the best found is returned and marked unproven.
public enum GapCloser {
    /// A stricter measure an enterprise could take: the extra cut it brings (t/yr) and its cost.
    public struct Option: Hashable, Sendable {
        /// The enterprise (its group): at most one option per group is chosen.
        public var group: Int
        /// What the option stands for in the caller's terms (the measure's index in the enterprise's ladder).
        public var tag: Int
        public var delta: Emissions
        public var cost: Double

        public init(group: Int, tag: Int, delta: Emissions, cost: Double) {
            self.group = group
            self.tag = tag
            self.delta = delta
            self.cost = max(0, cost)
        }
    }

    public struct Result: Hashable, Sendable {
        /// The chosen options, in group order.
        public var choices: [Option]
        /// What is still short after them (zero everywhere when the gap is closed).
        public var residual: Emissions
        public var cost: Double
        /// Whether the search finished within its budget (the cost is then the least possible).
        public var proven: Bool
        /// Search nodes visited.
        public var nodes: Int
        /// No choice closing the gap costs less than this (the fractional relaxation, pollutant by pollutant):
        /// when the search is not proven, the answer is within `cost − lowerBound` of the least.
        public var lowerBound: Double

        public var closesGap: Bool { residual.isZero }
    }

    static let epsilon = 1e-9

    /// The cheapest choice covering `shortfall`, or, when even every option cannot, the options that cover the
    /// most (each enterprise's largest step) and what is left short.
    public static func close(_ shortfall: Emissions, options: [Option], nodeBudget: Int = 200_000) -> Result {
        let short = EmissionPollutant.allCases.filter { shortfall[$0] > epsilon }
        guard !short.isEmpty else {
            return Result(choices: [], residual: .zero, cost: 0, proven: true, nodes: 0, lowerBound: 0)
        }
        var byGroup: [Int: [Option]] = [:]
        for option in options where short.contains(where: { option.delta[$0] > epsilon }) {
            byGroup[option.group, default: []].append(option)
        }
        let groups = byGroup.keys.sorted().map { byGroup[$0]!.sorted { $0.cost < $1.cost } }
        func covered(_ remaining: Emissions) -> Bool { short.allSatisfy { remaining[$0] <= epsilon } }
        func residual(_ chosen: [Option]) -> Emissions {
            var left = Emissions.zero
            for pollutant in short {
                left[pollutant] = max(0, shortfall[pollutant] - chosen.reduce(0) { $0 + $1.delta[pollutant] })
                if left[pollutant] <= epsilon { left[pollutant] = 0 }
            }
            return left
        }
        func coverage(_ option: Option, _ remaining: Emissions) -> Double {
            short.reduce(0) { $0 + min(option.delta[$1], remaining[$1]) / shortfall[$1] }
        }
        var incumbent = greedy(groups, shortfall, short, coverage)
        var best = Double.infinity
        if covered(residual(incumbent)) {
            incumbent = downgrade(
                prune(incumbent, shortfall: shortfall, short: short), groups, shortfall: shortfall, short: short)
            best = incumbent.reduce(0) { $0 + $1.cost }
        } else {
            incumbent = []
        }
        // The Lagrangian prices' own choice, completed greedily and trimmed, often beats the greedy answer; the
        // same prices bound the least cost from below.
        let relaxed = lowerBound(groups, shortfall, short, upper: best < .infinity ? best : total(groups))
        var repaired = relaxed.selection
        let rest = groups.filter { group in !repaired.contains { $0.group == group[0].group } }
        repaired += greedy(rest, residual(repaired), short, coverage)
        if covered(residual(repaired)) {
            repaired = downgrade(
                prune(repaired, shortfall: shortfall, short: short), groups, shortfall: shortfall, short: short)
            let cost = repaired.reduce(0) { $0 + $1.cost }
            if cost < best - epsilon {
                best = cost
                incumbent = repaired
            }
        }
        // Branch and bound over the groups, most efficient first.
        let order = groups.sorted { a, b in
            let ea = a.map { coverage($0, shortfall) / max($0.cost, epsilon) }.max()!
            let eb = b.map { coverage($0, shortfall) / max($0.cost, epsilon) }.max()!
            return ea != eb ? ea > eb : a[0].group < b[0].group
        }
        let n = order.count
        var maxLeft = [Emissions](repeating: .zero, count: n + 1)
        var cheapest = [Emissions](repeating: Emissions(all: .infinity), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var most = Emissions.zero
            var perTonne = cheapest[i + 1]
            for option in order[i] {
                for pollutant in short where option.delta[pollutant] > epsilon {
                    most[pollutant] = max(most[pollutant], option.delta[pollutant])
                    perTonne[pollutant] = min(perTonne[pollutant], option.cost / option.delta[pollutant])
                }
            }
            maxLeft[i] = maxLeft[i + 1] + most
            cheapest[i] = perTonne
        }
        var nodes = 0
        var exhausted = false
        var path: [Option] = []
        func search(_ i: Int, _ remaining: Emissions, _ cost: Double) {
            if covered(remaining) {
                if cost < best - epsilon || (cost <= best + epsilon && path.count < incumbent.count) {
                    best = cost
                    incumbent = path
                }
                return
            }
            guard i < n, !exhausted else { return }
            nodes += 1
            if nodes > nodeBudget {
                exhausted = true
                return
            }
            var bound = 0.0
            for pollutant in short where remaining[pollutant] > epsilon {
                if maxLeft[i][pollutant] < remaining[pollutant] - epsilon { return }
                bound = max(bound, remaining[pollutant] * cheapest[i][pollutant])
            }
            if cost + bound > best + epsilon { return }
            for option in order[i] where cost + option.cost <= best + epsilon {
                path.append(option)
                search(i + 1, remaining - option.delta, cost + option.cost)
                path.removeLast()
            }
            search(i + 1, remaining, cost)
        }
        search(0, shortfall, 0)
        guard best < .infinity else {
            // Nothing closes the gap (or nothing was found within the budget): each enterprise's most covering
            // step, and what is still short.
            let strongest = groups.map { group in group.max { coverage($0, shortfall) < coverage($1, shortfall) }! }
            return Result(
                choices: strongest, residual: residual(strongest), cost: strongest.reduce(0) { $0 + $1.cost },
                proven: !exhausted, nodes: nodes, lowerBound: 0)
        }
        let choices = incumbent.sorted { ($0.group, $0.tag) < ($1.group, $1.tag) }
        let cost = choices.reduce(0) { $0 + $1.cost }
        return Result(
            choices: choices, residual: residual(choices), cost: cost, proven: !exhausted, nodes: nodes,
            lowerBound: exhausted ? min(cost, relaxed.bound) : cost)
    }

    private static func total(_ groups: [[Option]]) -> Double {
        groups.reduce(0) { $0 + ($1.map(\.cost).max() ?? 0) }
    }

    /// Repeatedly the option covering the most of what is left per unit of cost, one per group.
    private static func greedy(
        _ groups: [[Option]], _ shortfall: Emissions, _ short: [EmissionPollutant],
        _ coverage: (Option, Emissions) -> Double
    ) -> [Option] {
        var remaining = shortfall
        var used = Set<Int>()
        var chosen: [Option] = []
        while short.contains(where: { remaining[$0] > epsilon }) {
            var pick: (option: Option, ratio: Double)?
            for group in groups where !used.contains(group[0].group) {
                for option in group {
                    let gain = coverage(option, remaining)
                    guard gain > epsilon else { continue }
                    let ratio = gain / max(option.cost, epsilon)
                    if pick == nil || ratio > pick!.ratio { pick = (option, ratio) }
                }
            }
            guard let pick else { break }
            chosen.append(pick.option)
            used.insert(pick.option.group)
            remaining = remaining - pick.option.delta
        }
        return chosen
    }

    /// A Lagrangian bound on the least cost: for prices λ ≥ 0 per tonne of each short pollutant,
    /// Σ λ·shortfall − Σ over groups of the best option's (λ·delta − cost), if positive, is no more than any
    /// closing choice costs (weak duality). The prices are improved by subgradient steps toward `upper`.
    static func lowerBound(
        _ groups: [[Option]], _ shortfall: Emissions, _ short: [EmissionPollutant], upper: Double,
        iterations: Int = 300
    ) -> (bound: Double, selection: [Option]) {
        var selection: [Option] = []
        var prices = Emissions.zero
        for pollutant in short { prices[pollutant] = upper / Double(short.count) / shortfall[pollutant] / 2 }
        var best = 0.0
        var step = 1.0
        var stale = 0
        for _ in 0..<iterations {
            var value = short.reduce(0) { $0 + prices[$1] * shortfall[$1] }
            var slack = shortfall
            var picked: [Option] = []
            for group in groups {
                var gain = 0.0
                var chosen: Option?
                for option in group {
                    let worth = short.reduce(0) { $0 + prices[$1] * option.delta[$1] } - option.cost
                    if worth > gain {
                        gain = worth
                        chosen = option
                    }
                }
                if let chosen {
                    value -= gain
                    slack = slack - chosen.delta
                    picked.append(chosen)
                }
            }
            if value > best + epsilon {
                best = value
                selection = picked
                stale = 0
            } else {
                stale += 1
                if stale >= 15 {
                    step /= 2
                    stale = 0
                }
            }
            let norm = short.reduce(0) { $0 + slack[$1] * slack[$1] }
            guard norm > epsilon, step > 1e-6 else { break }
            let move = step * max(upper - value, epsilon) / norm
            for pollutant in short { prices[pollutant] = max(0, prices[pollutant] + move * slack[pollutant]) }
        }
        return (best, selection)
    }

    /// Replaces each choice, most costly first, by the cheapest option of its group that keeps the gap closed.
    private static func downgrade(
        _ chosen: [Option], _ groups: [[Option]], shortfall: Emissions, short: [EmissionPollutant]
    ) -> [Option] {
        var kept = chosen
        let byGroup = Dictionary(uniqueKeysWithValues: groups.map { ($0[0].group, $0) })
        for option in chosen.sorted(by: { $0.cost > $1.cost }) {
            guard let index = kept.firstIndex(of: option) else { continue }
            var sum = Emissions.zero
            for (i, other) in kept.enumerated() where i != index { sum = sum + other.delta }
            if let cheaper = byGroup[option.group]?.first(where: { candidate in
                candidate.cost < option.cost
                    && short.allSatisfy { sum[$0] + candidate.delta[$0] >= shortfall[$0] - epsilon }
            }) {
                kept[index] = cheaper
            }
        }
        return kept
    }

    /// Drops choices not needed: most costly first, each one whose removal leaves the gap closed.
    private static func prune(_ chosen: [Option], shortfall: Emissions, short: [EmissionPollutant]) -> [Option] {
        var kept = chosen
        for option in chosen.sorted(by: { $0.cost > $1.cost }) {
            let without = kept.filter { $0 != option }
            let stillCovered = short.allSatisfy { pollutant in
                without.reduce(0) { $0 + $1.delta[pollutant] } >= shortfall[pollutant] - epsilon
            }
            if stillCovered { kept = without }
        }
        return kept
    }
}
