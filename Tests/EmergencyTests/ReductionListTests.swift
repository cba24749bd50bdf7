import Emergency
import LantianCore
import Seed
import Testing

/// The list's arithmetic against hand-computed totals, with the shipped default measures
/// (Resources/emergency/measures.yaml: B limits 20 %, C stops 50 %, D stops, A self-directed at orange).
@Suite struct ReductionListTests {
    let measures = try! MeasuresFile.read(try! SeedEmergency.measures)
    let inventory = Emissions(so2: 1000, nox: 2000, pm: 1500, vocs: 800)

    func enterprise(
        _ id: String, _ grade: PerformanceGrade, _ e: Emissions, industry: String = "other",
        equipment: [Equipment] = []
    ) -> Enterprise {
        Enterprise(
            id: id, name: id, county: "zezhou", industry: industry, grade: grade,
            exemption: grade == .exempt ? .init(reason: "集中供热", approval: "晋市气防办〔2021〕3号") : nil,
            emissions: e, equipment: equipment)
    }

    @Test func totalsSharesAndShortfallsAtOrange() {
        let list = ReductionList(
            enterprises: [
                enterprise("E1", .b, Emissions(so2: 100, nox: 200, pm: 50, vocs: 40)),
                enterprise("E2", .c, Emissions(so2: 50, nox: 100, pm: 100, vocs: 0)),
                enterprise("E3", .d, Emissions(so2: 10, nox: 20, pm: 30, vocs: 5)),
                enterprise("E4", .a, Emissions(so2: 200, nox: 100, pm: 100, vocs: 100)),
                enterprise("E5", .exempt, Emissions(so2: 300, nox: 300, pm: 300, vocs: 300)),
            ], measures: measures, level: .orange, inventory: inventory, requiredShare: Emissions(all: 0.2))
        // E1 20 %: 20, 40, 10, 8; E2 50 %: 25, 50, 50, 0; E3 all: 10, 20, 30, 5; E4 nothing; E5 apart.
        #expect(list.reduction == Emissions(so2: 55, nox: 110, pm: 90, vocs: 13))
        #expect(list.exempt.map(\.id) == ["E5"])
        #expect(list.entries.map(\.enterprise.id) == ["E1", "E2", "E3", "E4"])
        let so2 = list.accounts[0]
        #expect(so2.total == 1000 && so2.required == 200 && abs(so2.share - 0.055) < 1e-12)
        #expect(list.shortfall == Emissions(so2: 145, nox: 290, pm: 210, vocs: 147))
    }

    @Test func steelWorksByItsEquipment() {
        let units = [
            Equipment(
                id: "BF1", kind: "blast-furnace", name: "1号高炉", emissions: Emissions(so2: 10, nox: 20, pm: 30, vocs: 2)),
            Equipment(
                id: "BF2", kind: "blast-furnace", name: "2号高炉", emissions: Emissions(so2: 10, nox: 20, pm: 30, vocs: 2)),
            Equipment(
                id: "S1", kind: "sinter", name: "180 m² 烧结机",
                emissions: Emissions(so2: 300, nox: 200, pm: 100, vocs: 10)),
            Equipment(
                id: "P1", kind: "pellet", name: "链篦机回转窑", emissions: Emissions(so2: 50, nox: 40, pm: 20, vocs: 1)),
            Equipment(id: "L1", kind: "lime-kiln", name: "石灰窑", emissions: Emissions(so2: 5, nox: 10, pm: 15, vocs: 0)),
        ]
        let total = Emissions(so2: 400, nox: 300, pm: 200, vocs: 20)
        func cut(_ grade: PerformanceGrade) -> Measure.Applied? {
            ReductionList(
                enterprises: [enterprise("FS", grade, total, industry: "steel", equipment: units)], measures: measures,
                level: .orange, inventory: inventory, requiredShare: Emissions(all: 0.2)
            ).entries.first?.applied
        }
        // B: sinter, pellet and lime kiln stop: 355, 250, 135, 11.
        #expect(cut(.b)?.cut == Emissions(so2: 355, nox: 250, pm: 135, vocs: 11))
        #expect(cut(.b)?.basis == .equipment)
        // C: as B and half the blast furnaces — one of two, the first listed: 365, 270, 165, 13.
        #expect(cut(.c)?.cut == Emissions(so2: 365, nox: 270, pm: 165, vocs: 13))
        #expect(cut(.c)?.stopped.map(\.id).sorted() == ["BF1", "L1", "P1", "S1"])
        // Without unit emissions the measure's shares apply: B 0.5, 0.4, 0.3, 0.2 of the works' total.
        let bare = ReductionList(
            enterprises: [enterprise("FS", .b, total, industry: "steel")], measures: measures, level: .orange,
            inventory: inventory, requiredShare: Emissions(all: 0.2))
        #expect(bare.entries.first?.cut == Emissions(so2: 200, nox: 120, pm: 60, vocs: 4))
    }

    @Test func theProposalClosesTheGapAndNeverTouchesAnExemptEnterprise() throws {
        let list = ReductionList(
            enterprises: [
                enterprise("E1", .b, Emissions(so2: 400, nox: 800, pm: 600, vocs: 300)),
                enterprise("E2", .c, Emissions(so2: 300, nox: 600, pm: 400, vocs: 200)),
                enterprise("E3", .b, Emissions(so2: 200, nox: 300, pm: 300, vocs: 200)),
                enterprise("E5", .exempt, Emissions(so2: 900, nox: 900, pm: 900, vocs: 900)),
            ], measures: measures, level: .orange, inventory: inventory.scaled(by: 3),
            requiredShare: Emissions(all: 0.2))
        // Required 600, 1200, 900, 480; cut 270, 520, 380, 200 (B 20 %, C 50 %).
        #expect(list.shortfall == Emissions(so2: 330, nox: 680, pm: 520, vocs: 280))
        let shortfall = list.shortfall
        #expect(!shortfall.isZero)
        let proposal = list.proposal(levels: [.yellow, .orange, .red])
        #expect(proposal.residual.isZero)
        #expect(proposal.proven)
        #expect(!proposal.additions.contains { $0.enterprise.id == "E5" })
        let extra = proposal.additions.reduce(Emissions.zero) { $0 + $1.extra }
        for pollutant in EmissionPollutant.allCases { #expect(extra[pollutant] >= shortfall[pollutant] - 1e-9) }
    }

    @Test func theShippedFilesLoad() throws {
        for code in SeedEmergency.ruleCodes { _ = try WarningRulesFile.read(try SeedEmergency.rules(code)) }
        #expect(measures.industries.contains { $0.code == "other" })
        #expect(measures.measure(industry: "coke", grade: .exempt, level: .red) == nil)
        #expect(measures.measure(industry: "coke", grade: .b, level: .orange)?.text.contains("结焦时间") == true)
        #expect(measures.measure(industry: "coke", grade: .b, level: .yellow)?.text == "限产 10%")
    }
}
