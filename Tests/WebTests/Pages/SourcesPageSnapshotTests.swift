import Foundation
import LantianCore
import Plot
import Services
import SnapshotTesting
import SourceMonitoring
import Testing

@testable import Web

/// 污染源监控's pages rendered from their models, against the snapshots in `__Snapshots__/`: the inspectors' week
/// with a falsified outlet above one with gaps, as 市生态环境局 sees it.
@Suite struct SourcesPageSnapshotTests {
    static let ecology = PageFixture.user("eeb-reporter", role: .unitReporter, unit: "city-eeb")

    @Test func theWeeksSuspects() throws {
        let monday = try #require(CivilDate(year: 2022, month: 2, day: 14))
        let start = MinuteStamp(day: monday, hour: 0)
        func hit(_ mn: String, _ rule: AnomalyScan.Rule, _ factor: String, from: Int, hours: Int, _ detail: String)
            -> AnomalyScan.Hit
        {
            .init(
                mn: mn, factor: factor, rule: rule, from: start.adding(minutes: 60 * from),
                to: start.adding(minutes: 60 * (from + hours)), detail: detail)
        }
        let hits = [
            hit(
                "140525D01001", .constant, Factor.so2, from: 28, hours: 32, "连续 32 小时数值恒为 13.2，同期烟气流量显示生产：数据可能被设定或采样失效"),
            hit(
                "140525D01001", .o2Inconsistent, Factor.so2, from: 28, hours: 32,
                "报送折算值 13.2 mg/m³ 与按实测值和含氧量计算的 11.379 mg/m³ 不符，共 32 小时"),
            hit("140581D05001", .missing, "", from: 50, hours: 2, "缺少 2 小时的整条记录（所有因子）"),
        ]
        let sinter = Outlet(
            mn: "140525D01001", enterprise: "D01", name: "1号烧结机机头烟囱", factors: [Factor.so2], installed: true,
            networked: true)
        let byDevice = Dictionary(grouping: hits, by: \.mn)
        let suspects = SuspectRanking.rank(hits).map { entry in
            OnlineMonitoring.Suspect(
                entry: entry, outlet: entry.mn == sinter.mn ? sinter : nil, enterprise: nil,
                hits: byDevice[entry.mn] ?? [])
        }
        let model = SuspectsPage.Model(week: monday, suspects: suspects, names: ["D01": "示例钢铁有限公司"])
        let page = SuspectsPage.render(model, PageFixture.context(Self.ecology, .sources))
        assertSnapshot(of: page.render(indentedBy: .spaces(1)), as: .lines)
    }
}
