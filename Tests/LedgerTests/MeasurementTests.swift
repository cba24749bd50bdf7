import Campaign
import LantianCore
import Ledger
import Seed
import Testing

/// Monthly per-county measurements: the shipped file against the plan, the indicators computed from a grid worked
/// out by hand, and a table's every bad line named.
@Suite struct MeasurementTests {
    static var shipped: [MonthlyMeasurement] { get throws { try MeasurementFile.read(try SeedLedgers.measurements) } }

    static func measurement(_ code: String) throws -> MonthlyMeasurement {
        try #require(try shipped.first { $0.code == code })
    }

    /// Every entry computes an indicator the plan declares `source: {measurement: CODE}` for, and the other way round.
    @Test func theShippedMeasurementsMatchThePlan() throws {
        let plan = try PlanFile.read(try SeedPlans.jincheng20212022)
        var declared = Set<String>()
        for task in plan.tasks {
            for indicator in task.indicators {
                if case .measurement(let code) = indicator.source {
                    declared.insert("\(code):\(task.code).\(indicator.code)")
                }
            }
        }
        let computed = Set(
            try Self.shipped.flatMap { m in m.indicators.map { "\(m.code):\($0.task).\($0.indicator)" } })
        #expect(declared == computed)
        #expect(declared.contains("dustfall:t31.dustfall") && declared.contains("dustfall:s09-1.dustfall"))
        let counties = Set(plan.units.filter { $0.kind == .county }.map(\.code))
        for m in try Self.shipped { #expect(Set(m.counties).isSubset(of: counties), "\(m.code)") }
        #expect(try Self.measurement("dustfall").bound == .atMost && Self.measurement("dustfall").limit == 7)
    }

    @Test func theWorstCountysMeanOverTheMonthsSoFar() throws {
        let dust = try Self.measurement("dustfall")
        // 泽州县 6 (Oct) and 8 (Nov): mean 7, within the limit; 高平市 7.5 (Oct): over it.
        let values = [
            MonthlyMeasurement.Value(county: "zezhou", month: "2021-10", value: 6),
            .init(county: "zezhou", month: "2021-11", value: 8), .init(county: "gaoping", month: "2021-10", value: 7.5),
        ]
        #expect(dust.countyMeans(values, through: "2021-11") == ["zezhou": 7, "gaoping": 7.5])
        #expect(dust.value(.worstCountyMean, values, through: "2021-10") == 7.5)
        #expect(dust.value(.worstCountyMean, values, through: "2021-11") == 7.5)
        // The mean of every county-month: (6 + 8 + 7.5) / 3.
        #expect(abs((dust.value(.mean, values, through: "2021-11") ?? 0) - 21.5 / 3) < 1e-12)
        #expect(dust.value(.sum, values, through: "2021-10") == 13.5)
        #expect(dust.value(.worstCountyMean, values, through: "2021-09") == nil)
        #expect(dust.keeps(7) && !dust.keeps(7.01))
        // For a rate the worst county is the lowest.
        let straw = try Self.measurement("straw-utilisation")
        let rates = [
            MonthlyMeasurement.Value(county: "zezhou", month: "2021-10", value: 92),
            .init(county: "gaoping", month: "2021-10", value: 88),
        ]
        #expect(straw.value(.worstCountyMean, rates, through: "2021-12") == 88)
        #expect(straw.keeps(90) && !straw.keeps(89.9))
    }

    @Test func everyBadLineIsNamed() throws {
        let city = try Self.measurement("cleaning-city")
        let csv = """
            县区,月份,数值
            城区,2021-10,76
            泽州县,2021-10,70
            城区,2021-13,70
            城区,2022-05,70
            城区,2021-11,七十
            城区,2021-11,101
            城区,2021年10月,77
            """
        let county: (String) -> String? = { ["城区": "chengqu", "泽州县": "zezhou"][$0] }
        let months = ["2021-10", "2021-11", "2021-12", "2022-01", "2022-02", "2022-03"]
        let read = MeasurementRows.read(SheetRow.csv(csv), measurement: city, county: county, months: months)
        #expect(read.problems.map { "\($0.line) \($0.field)" } == ["3 县区", "4 月份", "5 月份", "6 数值"])
        #expect(read.warnings.map { "\($0.line) \($0.field)" } == ["7 数值", "8 县区"])
        #expect(
            read.records == [
                .init(county: "chengqu", month: "2021-10", value: 77),
                .init(county: "chengqu", month: "2021-11", value: 101),
            ])
        let only = MeasurementRows.read(
            SheetRow.csv("县区,月份,数值\n泽州县,2021-10,5\n"), measurement: try Self.measurement("dustfall"),
            county: county, months: months, onlyCounty: "gaoping")
        #expect(only.problems.map(\.reason) == ["只能填报本县（gaoping）的数值"])
    }
}
