import ArgumentParser
import Emergency
import Foundation
import LantianCore
import Seed

extension Bench {
    /// `lantian bench emergency`: the emission-reduction list for a generated registry, gap-closer included.
    struct EmergencyList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "emergency",
            abstract: "Time an orange list for N generated enterprises with the shipped measures, gap-closer included.")

        @ArgumentParser.Option(help: "Enterprises in the registry.") var enterprises = 5_000
        @ArgumentParser.Option(help: "Repetitions.") var iterations = 20
        @ArgumentParser.Option(help: "The generator's seed.") var seed: UInt64 = 2021

        func run() throws {
            let measures = try MeasuresFile.read(try SeedEmergency.measures)
            let rules = try WarningRulesFile.read(try SeedEmergency.rules("shanxi-2020"))
            let registry = Self.registry(enterprises, seed: seed)
            // The inventory holds the registry's emissions and as much again from other sources, so the list falls
            // short and the gap-closer has work to do.
            let inventory = registry.reduce(Emissions.zero) { $0 + $1.emissions }.scaled(by: 2.2)
            let clock = ContinuousClock()
            var proposal: ReductionList.Proposal?
            var list: ReductionList?
            let elapsed = clock.measure {
                for _ in 0..<iterations {
                    let made = ReductionList(
                        enterprises: registry, measures: measures, level: .orange, inventory: inventory,
                        requiredShare: rules.requiredCuts[.orange] ?? .zero)
                    proposal = made.proposal(levels: rules.levels)
                    list = made
                }
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            guard let list, let proposal else { return }
            print("bench emergency: \(enterprises) enterprises, orange, \(iterations) iterations")
            print("  \(NumberText.threeDecimals(seconds / Double(iterations) * 1000)) ms per list with its proposal")
            let short = list.shortfall
            print(
                "  shortfall before (t/yr): "
                    + EmissionPollutant.allCases.map { "\($0.rawValue) \(NumberText.csv(short[$0]))" }.joined(
                        separator: ", "))
            print(
                "  proposal: \(proposal.additions.count) additions, closes the gap: \(proposal.residual.isZero), "
                    + "proven least output lost: \(proposal.proven)")
            print(
                "  output lost \(NumberText.csv(proposal.cost)), lower bound \(NumberText.csv(proposal.lowerBound))"
                    + " (at most \(NumberText.csv((proposal.cost / max(proposal.lowerBound, 1e-9) - 1) * 100))% above the least)"
            )
        }

        /// A Jincheng-like registry: steel, coke, cement, foundries, lime, coal chemicals, bricks and others in
        /// every grade, a few 保障类, emissions spread over two orders of magnitude.
        static func registry(_ count: Int, seed: UInt64) -> [Enterprise] {
            var random = SplitMix64(seed: seed)
            let industries = ["steel", "coke", "cement", "foundry", "lime", "coal-chemical", "brick", "other"]
            let grades: [PerformanceGrade] = [.a, .b, .b, .b, .c, .c, .d, .leading, .nonLeading, .exempt]
            let counties = ["城区", "泽州县", "高平市", "阳城县", "沁水县", "陵川县"]
            return (0..<count).map { index in
                let grade = grades[Int(random.next() % UInt64(grades.count))]
                let scale = pow(10, random.unit() * 2)
                let emissions = Emissions(
                    so2: (scale * random.unit() * 10).rounded() / 10, nox: (scale * random.unit() * 20).rounded() / 10,
                    pm: (scale * random.unit() * 10).rounded() / 10, vocs: (scale * random.unit() * 5).rounded() / 10)
                return Enterprise(
                    id: "E\(index)", name: "企业\(index)", county: counties[index % counties.count],
                    industry: industries[Int(random.next() % UInt64(industries.count))], grade: grade,
                    exemption: grade == .exempt ? .init(reason: "民生保障", approval: "示例") : nil,
                    output: (scale * 1000 * (0.5 + random.unit())).rounded(), emissions: emissions)
            }
        }
    }
}
