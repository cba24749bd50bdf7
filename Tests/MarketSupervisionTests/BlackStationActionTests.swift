import Foundation
import LantianCore
import Testing

@testable import MarketSupervision

@Suite("The 30-day action against black filling stations")
struct BlackStationActionTests {
    let action = BlackStationAction(
        title: "打击黑加油站点专项行动", start: CivilDate("2021-11-01")!, end: CivilDate("2021-11-30")!)

    func find(_ kind: CaseFile.Kind, _ county: String, _ day: String, _ volume: String?, police: Bool = false)
        -> BlackStationAction.Find
    {
        .init(kind: kind, county: county, day: CivilDate(day)!, volume: volume, transferredToPolice: police)
    }

    @Test("days run: 0 before the start, the day's number during it, 30 from the last day on")
    func daysRun() {
        #expect(action.length == 30)
        #expect(action.daysRun(by: CivilDate("2021-10-31")!) == 0)
        #expect(action.daysRun(by: CivilDate("2021-11-01")!) == 1)
        #expect(action.daysRun(by: CivilDate("2021-11-15")!) == 15)
        #expect(action.daysRun(by: CivilDate("2021-12-20")!) == 30)
    }

    @Test("the tally counts by day, type and county, sums litres exactly, and leaves out finds outside the action")
    func tally() {
        let finds = [
            find(.fixedStation, "zezhou", "2021-11-02", "1200.5", police: true),
            find(.mobileTanker, "zezhou", "2021-11-02", "0.1"), find(.mobileTanker, "gaoping", "2021-11-03", "0.2"),
            find(.storageTank, "gaoping", "2021-11-05", nil), find(.illegalSale, "zezhou", "2021-12-02", "50"),
            find(.fixedStation, "zezhou", "2021-11-06", "10"),
        ]
        let tally = action.tally(finds, today: CivilDate("2021-11-05")!)
        #expect(tally.days.count == 5)
        #expect(tally.days[1].counts == [1, 1, 0, 0])
        #expect(tally.byKind == [1, 2, 1, 0], "the find of 6 November is after today")
        #expect(tally.byCounty == ["zezhou": 2, "gaoping": 2])
        // 1200.5 + 0.1 + 0.2 exactly (a double would give 1200.8000000000002).
        #expect(tally.volume == Decimal(string: "1200.8")!)
        #expect(tally.transferred == 1)
        #expect(tally.outside == 1)
        let summary = action.summary(tally, today: CivilDate("2021-11-05")!) { $0 == "zezhou" ? "泽州县" : "高平市" }
        #expect(
            summary == "打击黑加油站点专项行动（2021-11-01至2021-11-30）已开展5天（共30天），共查处4起，其中固定黑加油站点1起、流动加油车2起、"
                + "非法储油设施1起；分县区：高平市2起、泽州县2起；查扣油品1200.8升，移送公安机关1起。")
    }
}
