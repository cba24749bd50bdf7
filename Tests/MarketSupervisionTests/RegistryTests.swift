import LantianCore
import Testing

@testable import MarketSupervision

@Suite("Registries read from uploaded tables")
struct RegistryTests {
    static let counties = ["泽州县": "zezhou", "zezhou": "zezhou", "高平市": "gaoping"]

    func rows(_ csv: String) -> [SheetRow] { SheetRow.csv(csv) }

    @Test("Chinese headings, kinds and roads as offices write them")
    func chinese() {
        let read = Registry.sites(
            rows(
                """
                编号,名称,类型,县区,地址,沿线道路,持证（是/否）
                A1,巴公加油站,加油站,泽州县,巴公镇,G207,是
                A2,服务区加油站,加油站（点）,zezhou,晋阳高速,G55,
                A3,北诗加油站,加油点,高平市,,S331,否
                C1,配送中心,清洁煤供应点,泽州县,,,
                """), county: { Self.counties[$0] })
        #expect(read.problems.isEmpty)
        #expect(read.records.map(\.code) == ["A1", "A2", "A3", "C1"])
        #expect(read.records.map(\.road) == [.national, .expressway, .provincial, nil])
        #expect(read.records.map(\.licensed) == [true, true, false, true])
        #expect(read.records[3].kind == .coalPoint)
    }

    @Test("every bad row is named with its line and field, and a repeated code is a warning")
    func problems() {
        let read = Registry.sites(
            rows(
                """
                code,name,kind,county,road,licensed
                A1,甲,加油站,太原市,,是
                ,乙,加油站,泽州县,,
                A3,丙,炼油厂,泽州县,,
                A4,丁,加油站,泽州县,,也许
                A5,戊,加油站,泽州县,村道,
                A5,戊二,加油站,泽州县,,
                """), county: { Self.counties[$0] })
        #expect(
            read.problems.map { "\($0.line):\($0.field)" } == ["2:county", "3:code", "4:kind", "5:licensed"])
        #expect(read.warnings.map { "\($0.line):\($0.field)" } == ["6:road", "7:code"])
        #expect(read.records.map(\.name) == ["戊二"], "a repeated code keeps its last row")
    }

    @Test("a header without a required column is one problem on the header's line")
    func header() {
        let read = Registry.sites(rows("编号,名称,县区\nA1,甲,泽州县\n"), county: { Self.counties[$0] })
        #expect(read.problems.count == 1)
        #expect(read.problems.first?.line == 1)
        #expect(read.problems.first?.field == "kind")
    }

    @Test("deliveries: dates as cells hold them, N/A volumes and repeats warned, unknown sites warned")
    func deliveries() {
        let read = Registry.deliveries(
            rows(
                """
                供货方,收货方,日期,油品,数量（升）,单据号
                D1,S1,2021/11/3,diesel,20000,N1
                D1,S1,44503,diesel,20000,N1
                D1,S2,2021年11月4日,diesel,N/A,N2
                D1,S3,2021-11-31,diesel,5,N3
                D1,D1,2021-11-05,diesel,5,N4
                """), known: { $0 != "S2" })
        #expect(read.problems.map { "\($0.line):\($0.field)" } == ["5:date", "6:to"])
        #expect(read.warnings.map { "\($0.line):\($0.field)" } == ["3:document", "4:volume", "4:to"])
        #expect(read.records.map(\.date) == [CivilDate("2021-11-03")!, CivilDate("2021-11-04")!])
        #expect(read.records[1].volume == nil)
    }

    @Test("route numbers: G + three digits is a national road, other G numbers expressways, S provincial")
    func roads() {
        #expect(MarketSite.Road(cell: "G207") == .national)
        #expect(MarketSite.Road(cell: "G5") == .expressway)
        #expect(MarketSite.Road(cell: "G5512") == .expressway)
        #expect(MarketSite.Road(cell: "S331") == .provincial)
        #expect(MarketSite.Road(cell: "晋阳高速") == .expressway)
        #expect(MarketSite.Road(cell: "乡道") == nil)
    }
}

@Suite("Sampling progress and annual coverage")
struct SamplingProgressTests {
    static let sites = [
        MarketSite(code: "S1", name: "一", kind: .fillingStation, county: "zezhou", road: .national),
        MarketSite(code: "S2", name: "二", kind: .fillingStation, county: "zezhou"),
        MarketSite(code: "S3", name: "三", kind: .fillingStation, county: "gaoping"),
        MarketSite(code: "S4", name: "四", kind: .fillingStation, county: "gaoping", licensed: false),
        MarketSite(code: "C1", name: "煤", kind: .coalPoint, county: "zezhou"),
    ]

    func batch(_ unit: String, _ product: String, _ site: String?, _ day: String, failed: Bool = false)
        -> SamplingProgress.Batch
    {
        let road = Self.sites.first { $0.code == site }?.road != nil
        return .init(
            unit: unit, product: product, siteCode: site, sampledOn: CivilDate(day)!, failed: failed, alongRoad: road)
    }

    @Test("fuel: batches per bureau against quota, coverage of licensed stations by county, days left")
    func fuel() {
        let batches = [
            batch("zz", "diesel", "S1", "2021-11-20", failed: true), batch("zz", "gasoline-via", "S1", "2021-11-21"),
            batch("city", "diesel-20", "S3", "2021-12-01"), batch("zz", "diesel", "S2", "2020-12-30"),
            batch("zz", "def", "S2", "2021-11-01"), batch("other", "diesel", nil, "2021-10-01"),
        ]
        let progress = SamplingProgress(
            family: .fuel, year: 2021, quotas: [("city", 100), ("zz", 50)], batches: batches, sites: Self.sites,
            counties: ["zezhou", "gaoping"], today: CivilDate("2021-12-03")!)
        #expect(progress.lines.map(\.sampled) == [1, 2, 1], "last year's and urea batches do not count")
        #expect(progress.lines.map(\.failed) == [0, 1, 0])
        #expect(progress.lines.last?.quota == 0, "a bureau without a quota still shows its batches")
        #expect(progress.quota == 150)
        #expect(progress.coverage.map(\.registered) == [2, 1], "an unlicensed station is not counted")
        #expect(progress.coverage.map { $0.unsampled.map(\.code) } == [["S2"], []])
        #expect(progress.coveragePercent == 200.0 / 3)
        // 3 December to 31 December, both days counted.
        #expect(progress.daysLeft == 29)
    }

    @Test("urea counts only batches from stations along the roads; the rest are shown as not counted")
    func urea() {
        let progress = SamplingProgress(
            family: .urea, year: 2021, quotas: [("zz", 80)],
            batches: [batch("zz", "def", "S1", "2021-11-01"), batch("zz", "def", "S2", "2021-11-02")],
            sites: Self.sites, counties: ["zezhou"], today: CivilDate("2022-01-05")!)
        #expect(progress.sampled == 1)
        #expect(progress.uncounted == 1)
        #expect(progress.coverage.isEmpty, "urea is sampled by batch, not by site")
        #expect(progress.daysLeft == 0)
    }
}

@Suite("Case stages")
struct CaseFileTests {
    let day = CivilDate("2021-12-03")!

    @Test("forward only: filed → rectifying → penalized → closed, with the short cuts the law allows")
    func forward() {
        #expect(CaseFile.refusal(from: .filed, to: .rectifying, on: day, deadline: day.adding(days: 10)) == nil)
        #expect(CaseFile.refusal(from: .filed, to: .penalized, on: day, deadline: nil) == nil)
        #expect(CaseFile.refusal(from: .rectifying, to: .closed, on: day, deadline: nil) == nil)
        #expect(CaseFile.refusal(from: .penalized, to: .rectifying, on: day, deadline: day.adding(days: 3)) != nil)
        #expect(CaseFile.refusal(from: .closed, to: .penalized, on: day, deadline: nil) == "案件已结案，不能再变更")
    }

    @Test("rectification needs a deadline after today")
    func deadline() {
        #expect(CaseFile.refusal(from: .filed, to: .rectifying, on: day, deadline: nil) == "责令整改须填写整改期限")
        #expect(CaseFile.refusal(from: .filed, to: .rectifying, on: day, deadline: day) != nil)
    }
}
