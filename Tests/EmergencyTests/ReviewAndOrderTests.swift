import Emergency
import LantianCore
import Seed
import Testing

/// The episode review's verdict and counts, and what a control order says.
@Suite struct ReviewAndOrderTests {
    let shanxi = try! WarningRulesFile.read(try! SeedEmergency.rules("shanxi-2020"))

    func day(_ d: Int, _ forecast: Int?, _ observed: Int?) -> EpisodeReview.Day {
        EpisodeReview.Day(date: CivilDate(year: 2022, month: 1, day: d)!, forecast: forecast, observed: observed)
    }

    @Test func anOrangeWarningWhoseDaysObservedOnlyTwoHeavyWasTooHigh() {
        // 25th and 26th above 200: 48 hours → yellow under Shanxi's rules; orange was issued.
        let review = EpisodeReview(
            days: [day(24, 180, 190), day(25, 230, 250), day(26, 260, 270), day(27, 240, 150)], issued: .orange,
            rules: shanxi, inspected: 3, complied: 2)
        #expect(review.heavyDays == 2)
        #expect(review.observedLevel == .yellow)
        #expect(review.verdict == .tooHigh)
        #expect(review.complianceRate == 2.0 / 3.0)
    }

    @Test func threeHeavyDaysConfirmOrangeAndNoDataSaysSo() {
        let right = EpisodeReview(
            days: [day(25, 230, 250), day(26, 260, 201), day(27, 240, 230)], issued: .orange, rules: shanxi,
            inspected: 0, complied: 0)
        #expect(right.verdict == .right && right.heavyDays == 3 && right.complianceRate == nil)
        let exactly200 = EpisodeReview(
            days: [day(25, 230, 250), day(26, 260, 200), day(27, 240, 230)], issued: .orange, rules: shanxi,
            inspected: 0, complied: 0)
        // 200 is not above 200: two separate days with a 24-hour gap join, 48 hours → yellow.
        #expect(exactly200.heavyDays == 2 && exactly200.observedLevel == .yellow && exactly200.verdict == .tooHigh)
        let unknown = EpisodeReview(
            days: [day(25, 230, nil)], issued: .yellow, rules: shanxi, inspected: 0, complied: 0)
        #expect(unknown.verdict == .unknown)
    }

    @Test func anOrderNamesTheMeasureTheUnitsTheLawAndTheWarning() {
        let works = Enterprise(
            id: "D01", name: "示例钢铁有限公司", county: "zezhou", industry: "steel", grade: .b,
            emissions: Emissions(so2: 1800, nox: 2600, pm: 1500, vocs: 300),
            equipment: [
                Equipment(
                    id: "S1", kind: "sinter", name: "1号烧结机", emissions: Emissions(so2: 700, nox: 900, pm: 380, vocs: 80)
                )
            ])
        let measures = try! MeasuresFile.read(try! SeedEmergency.measures)
        let list = ReductionList(
            enterprises: [works], measures: measures, level: .orange, inventory: Emissions(all: 10_000),
            requiredShare: Emissions(all: 0.2))
        let order = ControlOrder(
            list.entries[0], level: .orange, from: "1月24日20时", warningDocument: "晋市气防办函〔2022〕3号",
            plan: shanxi.document)
        let text = order.paragraphs.joined(separator: "\n")
        #expect(order.paragraphs.first == "示例钢铁有限公司：")
        #expect(text.contains("根据晋市气防办函〔2022〕3号，本市自1月24日20时起启动重污染天气橙色预警（II级应急响应）"))
        #expect(text.contains("《中华人民共和国大气污染防治法》第九十六条和晋政办发〔2020〕50号"))
        #expect(text.contains("一、烧结、球团、石灰窑停产"))
        #expect(text.contains("二、停产的生产线和设备：1号烧结机。"))
        #expect(text.contains("SO₂ 700 吨/年，NOx 900 吨/年，颗粒物 380 吨/年，VOCs 80 吨/年"))
    }
}

/// Steel staggering by named blast furnace (seed §(二)).
@Suite struct StaggeringPlanTests {
    let works = Enterprise(
        id: "D01", name: "示例钢铁", county: "zezhou", industry: "steel", grade: .b, emissions: .zero,
        equipment: [
            Equipment(id: "BF1", kind: "blast-furnace", name: "1号高炉", size: 1080),
            Equipment(id: "BF2", kind: "blast-furnace", name: "2号高炉", size: 540),
            Equipment(id: "S1", kind: "sinter", name: "1号烧结机", size: 180),
            Equipment(id: "S2", kind: "sinter", name: "2号烧结机", size: 180),
            Equipment(id: "P1", kind: "pellet", name: "链篦机回转窑"),
            Equipment(id: "L1", kind: "lime-kiln", name: "石灰窑"),
        ])

    @Test func sharesAreByCapacityWhereEveryUnitHasOne() {
        // BF1 of 1080 + 540 m³: two thirds. One of two equal sinter machines: half — below two thirds.
        let plan = StaggeringPlan(enterprise: works, stopped: ["BF1", "S1", "P1", "L1"])
        #expect(plan.shares.map(\.kind) == ["blast-furnace", "sinter", "pellet", "lime-kiln"])
        #expect(abs(plan.shares[0].share - 2.0 / 3.0) < 1e-12 && plan.shares[0].byCapacity)
        #expect(plan.problems == ["烧结机错峰比例 50% 低于高炉 66.7%（不得低于高炉错峰生产比例）"])
        #expect(StaggeringPlan(enterprise: works, stopped: ["BF1", "S1", "S2", "P1", "L1"]).problems.isEmpty)
    }

    @Test func aPlanWithoutAStoppedFurnaceOrWithUnknownUnitsIsRefused() {
        let plan = StaggeringPlan(enterprise: works, stopped: ["S1", "X9"])
        #expect(plan.problems.contains("X9 不是本企业登记的设备"))
        #expect(plan.problems.contains("错峰生产须以具体高炉停产为基础：本方案没有停产高炉"))
        // The smaller furnace alone is a third: one sinter machine (half), the pellet and lime kilns stopped pass.
        #expect(StaggeringPlan(enterprise: works, stopped: ["BF2", "S1", "P1", "L1"]).problems.isEmpty)
        #expect(StaggeringPlan(enterprise: works, stopped: ["BF2", "S1"]).problems.count == 2)
    }
}
