import Emergency
import Foundation
import LantianCore
import Persistence
import Plot
import Services
import SnapshotTesting
import Testing

@testable import Web

/// 重污染应急's pages rendered from their models, against the snapshots in `__Snapshots__/`: an orange list with a
/// shortfall and its proposal, as the office sees it.
@Suite struct EmergencyPageSnapshotTests {
    static let office = PageFixture.user("office1", role: .officeAdmin, unit: "office")

    @Test func orangeListWithItsProposal() throws {
        let bureaus = MarketBureaus(units: PageFixture.plan.units)
        let rules = try #require(EmergencyResponse.shippedRules["shanxi-2020"])
        let works = Enterprise(
            id: "D01", name: "示例钢铁有限公司", county: "zezhou", industry: "steel", grade: .b, output: 800_000,
            emissions: Emissions(so2: 1800, nox: 2600, pm: 1500, vocs: 300),
            equipment: [
                Equipment(
                    id: "S1", kind: "sinter", name: "1号烧结机", emissions: Emissions(so2: 700, nox: 900, pm: 380, vocs: 80)
                ),
                Equipment(
                    id: "BF1", kind: "blast-furnace", name: "1号高炉",
                    emissions: Emissions(so2: 60, nox: 150, pm: 200, vocs: 10)),
            ])
        let list = ReductionList(
            enterprises: [
                works,
                Enterprise(
                    id: "D03", name: "示例焦化一厂", county: "yangcheng", industry: "coke", grade: .b, output: 150_000,
                    emissions: Emissions(so2: 500, nox: 900, pm: 600, vocs: 700)),
                Enterprise(
                    id: "D11", name: "示例热电有限公司", county: "chengqu", industry: "other", grade: .exempt,
                    exemption: .init(reason: "集中供热（以热定产）", approval: "晋市气防办〔2021〕12号"),
                    emissions: Emissions(so2: 900, nox: 1300, pm: 200, vocs: 20)),
            ], measures: EmergencyResponse.shippedMeasures, level: .orange,
            inventory: Emissions(so2: 6000, nox: 10000, pm: 6000, vocs: 4000), requiredShare: Emissions(all: 0.2))
        let model = ReductionListPage.Model(level: .orange, rules: rules, list: list, countyName: bureaus.countyName)
        let page = ReductionListPage.render(model, PageFixture.context(Self.office, .emergency))
        assertSnapshot(of: page.render(indentedBy: .spaces(1)), as: .lines)
    }
}
