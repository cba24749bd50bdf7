import Foundation
import LantianCore
import MarketSupervision
import Persistence
import Plot
import Services
import SnapshotTesting
import Testing

@testable import Web

/// 市场监管's pages rendered from their models, against the snapshots in `__Snapshots__/`: a failed batch with its
/// trace graph, as the county bureau that recorded it sees it.
@Suite struct MarketPageSnapshotTests {
    static let zezhouBureau = PageFixture.user("zz-samr", role: .unitReporter, unit: "zezhou-samr")

    @Test func failedBatchWithItsTrace() throws {
        let bureaus = MarketBureaus(units: PageFixture.plan.units)
        let sites = [
            MarketSite(code: "S1", name: "巴公加油站", kind: .fillingStation, county: "zezhou", address: "巴公镇"),
            MarketSite(code: "D1", name: "晋城油库", kind: .depot, county: "chengqu"),
            MarketSite(code: "S2", name: "北诗加油站", kind: .fillingStation, county: "gaoping"),
        ]
        let deliveries = [
            Delivery(from: "R", to: "D1", date: CivilDate("2021-10-20")!, product: "diesel", volume: nil, line: 2),
            Delivery(from: "D1", to: "S1", date: CivilDate("2021-11-01")!, product: "diesel", volume: nil, line: 3),
            Delivery(from: "D1", to: "S2", date: CivilDate("2021-11-05")!, product: "diesel", volume: nil, line: 4),
        ]
        let trace = SupplyTrace(
            from: "S1", product: "diesel", since: CivilDate("2021-08-22")!, windowDays: 30, deliveries: deliveries)
        let check = SpotCheck(
            product: "diesel", brand: "晋城石油", specification: "0号", batch: "20211118-0号", siteCode: "S1",
            siteName: "巴公加油站", address: "巴公镇", county: "zezhou", sampledOn: CivilDate("2021-11-20")!,
            testingBody: "山西省产品质量监督检验研究院",
            results: ["sulfur": MeasuredValue("10.4")!, "flash_point": MeasuredValue("55")!])
        let stored = MarketStore.StoredCheck(
            id: PageFixture.uuid(9001), unit: "zezhou-samr", check: check, standard: "GB 19147-2016", verdict: "不合格",
            failed: "flash_point:55<60", createdBy: "zz-samr", createdAt: Date(timeIntervalSince1970: 1_637_400_000))
        var model = SpotCheckPage.Model(
            stored, library: Market.shippedLibrary, trace: trace, sites: sites, caseFile: nil, bureaus: bureaus,
            mayWork: true, today: CivilDate("2021-12-03")!)
        model.mayUpload = true
        let page = SpotCheckPage.render(model, PageFixture.context(Self.zezhouBureau, .market))
        assertSnapshot(of: page.render(indentedBy: .spaces(1)), as: .lines)
    }
}
