import Campaign
import LantianCore
import Seed
import Testing

/// The shipped Jincheng plan file against the seed text (shared/seed/jincheng-2021-2022-autumn-winter-plan.txt).
@Suite struct JinchengPlanTests {
    let plan: Plan

    init() throws {
        plan = try PlanFile.read(try SeedPlans.jincheng20212022)
    }

    func task(_ code: String) throws -> PlanTask {
        try #require(plan.tasks.first { $0.code == code })
    }

    func indicator(_ task: String, _ code: String) throws -> Indicator {
        try #require(try self.task(task).indicators.first { $0.code == code })
    }

    @Test func periodTargetsAndDocuments() throws {
        #expect(plan.start == CivilDate(year: 2021, month: 10, day: 1))
        #expect(plan.end == CivilDate(year: 2022, month: 3, day: 31))
        #expect(plan.reporting == ReportingRule(dueDay: 5, dueHour: 23, dueMinute: 59))
        let pm25 = plan.targets.first { $0.metric == .pm25PeriodMean }
        #expect(pm25?.value == 48.7 && pm25?.direction == .atMost && pm25?.unit == "µg/m³")
        let heavy = plan.targets.first { $0.metric == .heavyDays }
        #expect(heavy?.value == 7 && heavy?.direction == .atMost)
        #expect(plan.document.number == "晋市气防〔2021〕5号")
        #expect(plan.document.issuer == "晋城市大气污染防治工作领导组")
        #expect(plan.document.disclosure == .public)
        let forwarding = try #require(plan.forwardings.first)
        #expect(forwarding.document.number == "晋市市监办发〔2021〕133号")
        #expect(forwarding.document.date == CivilDate(year: 2021, month: 11, day: 29))
        #expect(forwarding.from == "city-samr")
        #expect(forwarding.to.count == 7)
        #expect(forwarding.requirements.count == 3)
    }

    /// 15 numbered sections; 29 bracketed responsibility clauses in sections (一)–(十) (28 on one line each, one
    /// broken across a page in (七)) plus one task per section (十一)–(十五) and two in (十三); 36 rows in the
    /// task table (5 + 8 + 9 + 9 + 5 over its five pages); 3 requirements in the forwarding notice.
    @Test func counts() {
        #expect(plan.sections.count == 15)
        #expect(plan.tasks.filter { $0.origin == .text }.count == 35)
        #expect(plan.tasks.filter { $0.origin == .table }.count == 36)
        #expect(plan.tasks.filter { $0.origin == .forwarding }.count == 3)
        #expect(Set(plan.tasks.compactMap(\.section)) == Set(1...15))
        #expect(plan.tasks.allSatisfy { !$0.lead.isEmpty })
    }

    /// Every task carries a short title of its own, chosen from its clause (issue 9: s01-3 and s02-3 used to read
    /// "2021年底前"); the clause itself stays the measure text.
    @Test func everyTaskHasItsOwnTitle() throws {
        #expect(plan.tasks.count == 74)
        #expect(plan.tasks.allSatisfy { $0.explicitTitle != nil })
        #expect(Set(plan.tasks.map(\.title)).count == 74)
        // Not the clause's opening words: no deadline ("2021年底前"), no "按照".
        #expect(
            plan.tasks.allSatisfy {
                $0.title.count <= 40 && !($0.title.hasPrefix("202") && $0.title.dropFirst(4).hasPrefix("年"))
                    && !$0.title.hasPrefix("按照")
            })
        #expect(try task("s01-3").title == "天溪煤制油分公司关停搬迁")
        #expect(try task("s02-3").title == "福盛钢铁粗钢产量压减40.4万吨")
        #expect(try task("s02-3").measures.hasPrefix("2021年底前"))
        #expect(try task("t11").title.contains("1.6万户"))
    }

    @Test func countiesAndDepartments() {
        let counties = Set(plan.units.filter { $0.kind == .county }.map(\.name))
        #expect(
            counties == ["城区人民政府", "泽州县人民政府", "高平市人民政府", "阳城县人民政府", "陵川县人民政府", "沁水县人民政府", "开发区管委会"])
        let names = Set(plan.units.map(\.name))
        for department in [
            "市生态环境局", "市工信局", "市能源局", "市市场监督管理局", "市交通运输局", "市城市管理局", "市住建局", "市农业农村局", "市发改委",
            "市公安局交通警察支队", "市商务局", "市审批服务管理局", "晋能控股装备制造集团",
        ] {
            #expect(names.contains(department), "missing \(department)")
        }
        let bureaus = plan.units.filter { $0.kind == .countyBureau }
        #expect(bureaus.count == 7 && bureaus.allSatisfy { $0.parent == "city-samr" })
    }

    /// 完成17台670蒸吨（其中兰花科创化工分公司1台35蒸吨、兰花清洁能源2台70蒸吨、天泽化工厂6台220蒸吨、天泽煤气化厂7台310蒸吨、
    /// 兰花丹峰化工1台35蒸吨）… 燃煤锅炉超低排放改造 — 2021年12月底前, 市生态环境局.
    @Test func boilerRow() throws {
        let row = try #require(plan.tasks.first { $0.origin == .table && $0.mainTask == "燃煤锅炉超低排放改造" })
        #expect(row.deadline == CivilDate(year: 2021, month: 12, day: 31))
        #expect(row.lead == ["city-eeb"])
        #expect(row.subjects.count == 5)
        let count = try #require(row.indicators.first { $0.unit == "台" })
        #expect(count.target == 17 && count.direction == .atLeast)
        #expect(count.breakdown.map(\.target) == [1, 2, 6, 7, 1])
        let capacity = try #require(row.indicators.first { $0.unit.contains("蒸吨") })
        #expect(capacity.target == 670)
        #expect(capacity.breakdown.map(\.target) == [35, 70, 220, 310, 35])
    }

    /// 完成散煤治理1.6万户，其中，气代煤0.82万户、集中供热0.78万户，共替代散煤4.8万吨 — 2021年10月底前, 市能源局.
    @Test func scatteredCoalRow() throws {
        let row = try #require(plan.tasks.first { $0.origin == .table && $0.mainTask == "散煤治理" })
        #expect(row.deadline == CivilDate(year: 2021, month: 10, day: 31))
        #expect(row.lead == ["city-energy"])
        let households = try #require(row.indicators.first { $0.unit == "户" })
        #expect(households.target == 16000)
        #expect(Set(households.breakdown.map(\.target)) == [8200, 7800])
        #expect(row.indicators.contains { $0.target == 48000 && $0.unit == "吨" })
    }

    @Test func marketSupervisionNumbers() throws {
        let all = plan.tasks.flatMap { task in task.indicators.map { (task, $0) } }
        func has(_ target: Double, _ unit: String, _ direction: Direction = .atLeast) -> Bool {
            all.contains { $0.1.target == target && $0.1.unit == unit && $0.1.direction == direction }
        }
        #expect(has(600, "批次"))  // 车用汽柴油 600 批次
        #expect(has(80, "批次"))  // 尿素 80 批次以上
        let vocs = try #require(all.first { $0.1.target == 20 && $0.1.unit == "批次" }?.1)
        #expect(vocs.breakdown.map(\.target) == [10, 5, 5])
        #expect(has(757, "辆"))  // 淘汰国三及以下柴油货车 757 辆
        #expect(has(7, "吨/(平方公里·月)", .atMost))  // 降尘量 ≤ 7
        #expect(has(31, "个") || has(31, "座"))  // 31 个重点乡镇空气站
        #expect(has(2150, "万吨", .atMost))  // 煤炭消费总量 2150 万吨以下
        let cleaning = all.filter { $0.1.unit == "%" && $0.0.measures.contains("机械化清扫") }.map(\.1.target)
        #expect(Set(cleaning) == [75, 100, 65])
        let shares = plan.tasks.filter { $0.measures.contains("清洁运输（铁路、管道、新能源或国六货车）") }
            .flatMap(\.indicators).map(\.target)
        #expect(shares.sorted() == [50, 50, 80])
    }
}
