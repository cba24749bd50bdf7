import Emergency
import LantianCore
import Testing

/// The gap-closer against the true optimum, found by enumerating every choice on fixtures small enough.
@Suite struct GapCloserTests {
    @Test func findsTheOptimumWhereGreedyWouldNot() {
        // Greedy takes A first (0.9 of the gap for 4.5), then needs B or C: 7.5. B and C together: 6.
        let options = [
            GapCloser.Option(group: 0, tag: 0, delta: Emissions(so2: 9), cost: 4.5),
            GapCloser.Option(group: 1, tag: 0, delta: Emissions(so2: 5), cost: 3),
            GapCloser.Option(group: 2, tag: 0, delta: Emissions(so2: 5), cost: 3),
        ]
        let result = GapCloser.close(Emissions(so2: 10), options: options)
        #expect(result.choices.map(\.group) == [1, 2])
        #expect(result.cost == 6)
        #expect(result.proven)
    }

    @Test func anInfeasibleGapSaysWhatIsLeft() {
        let options = [GapCloser.Option(group: 0, tag: 0, delta: Emissions(so2: 4, nox: 10), cost: 1)]
        let result = GapCloser.close(Emissions(so2: 10, nox: 5), options: options)
        #expect(!result.closesGap)
        #expect(result.residual == Emissions(so2: 6))
    }

    @Test func matchesEnumerationOnSeededFixtures() {
        var random = SplitMix64(seed: 20_211_001)
        var closedCount = 0
        for _ in 0..<300 {
            let groups = 2 + Int(random.next() % 6)
            var options: [GapCloser.Option] = []
            var most = Emissions.zero
            for group in 0..<groups {
                let count = 1 + Int(random.next() % 3)
                var base = Emissions.zero
                var cost = 0.0
                for tag in 0..<count {
                    // A ladder: each step cuts at least as much and costs at least as much as the one before.
                    for pollutant in EmissionPollutant.allCases where random.unit() < 0.8 {
                        base[pollutant] += (random.unit() * 50).rounded()
                    }
                    cost += (random.unit() * 20).rounded() + 1
                    options.append(GapCloser.Option(group: group, tag: tag, delta: base, cost: cost))
                }
                most = most + base
            }
            let fraction = 0.2 + random.unit() * 0.9
            var shortfall = most.scaled(by: fraction)
            for pollutant in EmissionPollutant.allCases where random.unit() < 0.3 { shortfall[pollutant] = 0 }
            let best = enumerate(shortfall, options, groups: groups)
            let result = GapCloser.close(shortfall, options: options)
            if let best {
                closedCount += 1
                #expect(result.closesGap)
                #expect(result.proven)
                #expect(abs(result.cost - best) < 1e-6, "closer \(result.cost), optimum \(best)")
                #expect(Set(result.choices.map(\.group)).count == result.choices.count)
            } else {
                #expect(!result.closesGap)
            }
        }
        // The fixtures exercise both outcomes.
        #expect(closedCount > 100 && closedCount < 300)
    }

    /// The least cost over every choice of at most one option per group; nil when none covers the shortfall.
    func enumerate(_ shortfall: Emissions, _ options: [GapCloser.Option], groups: Int) -> Double? {
        let byGroup = (0..<groups).map { group in options.filter { $0.group == group } }
        var best: Double?
        func walk(_ group: Int, _ sum: Emissions, _ cost: Double) {
            if group == groups {
                if EmissionPollutant.allCases.allSatisfy({ sum[$0] >= shortfall[$0] - 1e-9 }) {
                    best = min(best ?? .infinity, cost)
                }
                return
            }
            walk(group + 1, sum, cost)
            for option in byGroup[group] { walk(group + 1, sum + option.delta, cost + option.cost) }
        }
        walk(0, .zero, 0)
        return best
    }
}
