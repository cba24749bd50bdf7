import Campaign
import LantianCore
import Ledger
import Seed
import Testing

/// Ledger types as data, rows checked field by field, and the indicators they compute, on fixtures worked out by
/// hand.
@Suite struct LedgerTests {
    static var households: LedgerType {
        get throws { try LedgerTypeFile.read(try SeedLedgers.type("households")) }
    }

    static let lookup = LedgerRows.Lookup(
        county: { ["泽州县": "zezhou", "zezhou": "zezhou", "高平市": "gaoping", "gaoping": "gaoping"][$0] },
        unit: { _ in nil })

    @Test func theShippedTypeReads() throws {
        let type = try Self.households
        #expect(type.code == "households" && type.owner == .county)
        #expect(
            type.fields.map(\.key) == [
                "county", "township", "village", "household", "method", "coal", "status", "accepted",
            ])
        #expect(type.key == ["county", "township", "village", "household"])
        #expect(type.statuses == ["待改造", "已改造", "已验收"])
        #expect(
            type.indicators.map { "\($0.task).\($0.indicator)" } == [
                "t11.households", "t11.coal-replaced", "s03-1.households",
            ])
        #expect(type.allows(from: "待改造", to: "已改造") && !type.allows(from: "待改造", to: "已验收"))
        #expect(type.allows(from: "已验收", to: "已改造") && !type.allows(from: "已改造", to: "拆除"))
    }

    @Test func aBadTypeIsRejectedWithItsPaths() {
        let text = """
            format: lantian-ledger/1
            code: boilers
            name: 锅炉
            owner: county
            fields:
              - {key: county, name: 县区, type: county}
              - {key: name, name: 名称, type: colour}
              - {key: tons, name: 蒸吨, type: text}
            key: [county, serial]
            indicators:
              - {task: t14, indicator: boilers, aggregate: "sum:tons", on-time: name}
            """
        do {
            _ = try LedgerTypeFile.read(text)
            Issue.record("a bad type was read")
        } catch {
            let paths = error.issues.map(\.path)
            #expect(paths.contains("fields[1].type"), "an unknown field type: \(error.issues)")
            #expect(paths.contains("key[1]"), "a key that is no field")
            #expect(paths.contains("owner"), "a county-owned ledger without a required county field")
            #expect(paths.contains("indicators[0].aggregate"), "a sum of a text field")
            #expect(paths.contains("indicators[0].on-time"), "on time by a field that is no date")
        }
    }

    @Test func rowsAreCheckedFieldByField() throws {
        let csv = """
            县区,乡镇,村,户主,改造方式,替代散煤,状态,验收日期
            泽州县,巴公镇,东四义村,张三,气代煤,3,已验收,2021-10-20
            泽州县,巴公镇,东四义村,李四,煤改柴,3,已验收,2021-10-20
            阳城县,町店镇,崦山村,王五,气代煤,3,,
            高平市,米山镇,米西村,,集中供热,3,,
            高平市,米山镇,米西村,赵六,集中供热,abc,已验收,2021/10/32
            泽州县,巴公镇,东四义村,张三,气代煤,-2,已验收,2021-10-21
            高平市,米山镇,米西村,孙七,集中供热,,,
            """
        let read = LedgerRows.read(SheetRow.csv(csv), type: try Self.households, lookup: Self.lookup)
        #expect(
            read.problems.map { "\($0.line) \($0.field)" } == [
                "3 改造方式", "4 县区", "5 户主", "6 替代散煤", "6 验收日期",
            ])
        #expect(read.warnings.map { "\($0.line) \($0.field)" } == ["7 替代散煤", "7 key"])
        // 张三 twice: the later row counts; 孙七 gets the first status.
        #expect(read.records.count == 2)
        #expect(read.records[0]["coal"] == "-2" && read.records[0]["accepted"] == "2021-10-21")
        #expect(read.records[1]["status"] == "待改造" && read.records[1]["county"] == "gaoping")
    }

    @Test func countsAndSumsByCountyOnTimeAndAsOf() throws {
        let type = try Self.households
        func row(_ county: String, _ method: String, _ coal: String, _ status: String, _ accepted: String) -> LedgerRow
        {
            LedgerRow(values: [
                "county": county, "method": method, "coal": coal, "status": status, "accepted": accepted,
            ])
        }
        // t11's deadline 2021-10-31. 泽州县: accepted on 10-30 and 10-31 (on time), 11-01 (late); 高平市: accepted on
        // 10-15 and 10-20, one converted but not accepted, one accepted without a date (not counted as on time).
        let rows = [
            row("zezhou", "气代煤", "3", "已验收", "2021-10-30"), row("zezhou", "集中供热", "2.5", "已验收", "2021-10-31"),
            row("zezhou", "气代煤", "3", "已验收", "2021-11-01"), row("gaoping", "集中供热", "2", "已验收", "2021-10-15"),
            row("gaoping", "气代煤", "4", "已验收", "2021-10-20"), row("gaoping", "气代煤", "3", "已改造", "2021-10-10"),
            row("gaoping", "气代煤", "3", "已验收", ""),
        ]
        let deadline = try #require(CivilDate("2021-10-31"))
        let households = LedgerAggregate.compute(
            type.indicators[0], type: type, rows: rows, deadline: deadline, asOf: try #require(CivilDate("2021-11-30")))
        #expect(households.total == 4)
        #expect(households.byOwner == ["zezhou": 2, "gaoping": 2])
        #expect(households.byBreakdown == ["气代煤": 2, "集中供热": 2])
        #expect(households.rows == [0, 1, 3, 4])
        let coal = LedgerAggregate.compute(
            type.indicators[1], type: type, rows: rows, deadline: deadline, asOf: try #require(CivilDate("2021-11-30")))
        let expected: Double = 3 + 2.5 + 2 + 4
        #expect(coal.total == expected)
        // As of 2021-10-20 only the rows dated on or before it had happened.
        let early = LedgerAggregate.compute(
            type.indicators[0], type: type, rows: rows, deadline: deadline, asOf: try #require(CivilDate("2021-10-20")))
        #expect(early.total == 2 && early.byOwner == ["gaoping": 2])
    }

    @Test func onTimeByTheDayTheStatusChanged() {
        let type = LedgerType(
            code: "tanks", name: "储罐", owner: .county,
            fields: [
                LedgerField(key: "county", name: "县区", kind: .county, required: true),
                LedgerField(key: "tank", name: "储罐", kind: .text, required: true),
                LedgerField(key: "status", name: "状态", kind: .status),
            ], key: ["county", "tank"], statuses: ["待治理", "已治理"])
        let indicator = LedgerIndicator(
            task: "t08", indicator: "tanks", filter: ["status": ["已治理"]], onTime: LedgerIndicator.statusDate)
        let rows = [
            LedgerRow(values: ["county": "zezhou", "status": "已治理"], statusChanged: CivilDate("2021-12-31")),
            LedgerRow(values: ["county": "zezhou", "status": "已治理"], statusChanged: CivilDate("2022-01-01")),
        ]
        let result = LedgerAggregate.compute(
            indicator, type: type, rows: rows, deadline: CivilDate("2021-12-31")!, asOf: CivilDate("2022-03-31")!)
        #expect(result.total == 1, "a status changed after the deadline is not on time")
    }

    static func shipped(_ code: String) throws -> LedgerType { try LedgerTypeFile.read(try SeedLedgers.type(code)) }

    /// Every shipped type reads, and every indicator it computes is one the plan declares `source: {ledger: CODE}`
    /// for that very ledger — and the other way round, so a task's value and its ledger cannot drift apart.
    @Test func theShippedTypesMatchThePlan() throws {
        let plan = try PlanFile.read(try SeedPlans.jincheng20212022)
        var declared = Set<String>()
        for task in plan.tasks {
            for indicator in task.indicators {
                if case .ledger(let name, _) = indicator.source {
                    declared.insert("\(name):\(task.code).\(indicator.code)")
                }
            }
        }
        var computed = Set<String>()
        for code in SeedLedgers.codes {
            let type = try Self.shipped(code)
            #expect(type.code == code)
            for task in type.tasks { #expect(plan.tasks.contains { $0.code == task }, "\(code): no task \(task)") }
            for entry in type.indicators { computed.insert("\(code):\(entry.task).\(entry.indicator)") }
        }
        // The network-health stations of t32 are issue 16's; every other ledger source is computed.
        #expect(
            declared.subtracting(computed).allSatisfy { $0.hasPrefix("stations:") }, "\(declared.subtracting(computed))"
        )
        #expect(computed.subtracting(declared).isEmpty, "\(computed.subtracting(declared))")
        #expect(try Self.shipped("projects").tasks == ["s01-1"])
    }

    /// t15 counts the coal boilers of 35 up to 65 t/h: 35 is in, 65 is out; t14's remaining coal boilers below
    /// 35 t/h are those not yet done, whatever their date.
    @Test func rangesOfANumberField() throws {
        let type = try Self.shipped("boilers")
        func boiler(_ enterprise: String, _ capacity: String, _ action: String, _ status: String, _ done: String = "")
            -> LedgerRow
        {
            LedgerRow(values: [
                "county": "zezhou", "enterprise": enterprise, "fuel": "燃煤", "capacity": capacity, "action": action,
                "status": status, "done": done,
            ])
        }
        let rows = [
            boiler("天泽化工厂", "35", "超低排放改造", "已验收", "2021-11-20"),
            boiler("天泽化工厂", "40", "超低排放改造", "已完成", "2021-12-31"),
            boiler("兰花清洁能源", "65", "超低排放改造", "已验收", "2021-11-01"),
            boiler("兰花清洁能源", "34.9", "超低排放改造", "已验收", "2021-11-01"),
            boiler("周村镇供热站", "4", "淘汰", "已完成", "2021-10-30"),
            boiler("周村镇供热站", "6", "淘汰", "整治中"),
            boiler("周村镇中学", "10", "淘汰", "已完成", "2021-10-29"),
        ]
        func compute(_ task: String, _ indicator: String) throws -> LedgerAggregate {
            let entry = try #require(type.indicators.first { $0.task == task && $0.indicator == indicator })
            let deadline = task == "t14" ? "2021-10-31" : "2021-12-31"
            return LedgerAggregate.compute(
                entry, type: type, rows: rows, deadline: try #require(CivilDate(deadline)),
                asOf: try #require(CivilDate("2022-01-31")))
        }
        let t15 = try compute("t15", "boilers")
        #expect(t15.total == 2 && t15.rows == [0, 1] && t15.byBreakdown == ["天泽化工厂": 2])
        #expect(try compute("t15", "capacity").total == 75)
        // Below 10 t/h: the 4 t/h boiler; the 10 t/h one is not below 10, the 6 t/h one is not done.
        #expect(try compute("t14", "boilers-retired").total == 1)
        #expect(try compute("t14", "capacity-retired").total == 14)
        // Still in use or being worked on, below 35 t/h: only the 6 t/h boiler.
        #expect(try compute("t14", "boilers-below-35").rows == [5])
        #expect(
            LedgerCondition(range: ">=35 <65")
                == .range(lower: 35, lowerIncluded: true, upper: 65, upperIncluded: false))
        #expect(LedgerCondition(range: "about 35") == nil && LedgerCondition(range: "<=x") == nil)
    }

    /// t08's enterprises are the different enterprises behind the tanks checked, by county and by industry.
    @Test func distinctCounts() throws {
        let type = try Self.shipped("tanks")
        func tank(_ county: String, _ enterprise: String, _ industry: String, _ tank: String, _ status: String)
            -> LedgerRow
        {
            LedgerRow(values: [
                "county": county, "enterprise": enterprise, "industry": industry, "tank": tank, "status": status,
                "checked": "2021-12-01",
            ])
        }
        let rows = [
            tank("zezhou", "甲糠醛厂", "糠醛企业", "T1", "已排查"), tank("zezhou", "甲糠醛厂", "糠醛企业", "T2", "已治理"),
            tank("zezhou", "乙煤化工", "煤化工企业", "T1", "已排查"), tank("gaoping", "乙煤化工", "煤化工企业", "T9", "已排查"),
            tank("gaoping", "丙煤化工", "煤化工企业", "T1", "待排查"),
        ]
        let deadline = try #require(CivilDate("2021-12-31"))
        let asOf = try #require(CivilDate("2022-01-31"))
        let tanks = LedgerAggregate.compute(type.indicators[0], type: type, rows: rows, deadline: deadline, asOf: asOf)
        #expect(tanks.total == 4 && tanks.byBreakdown == ["糠醛企业": 2, "煤化工企业": 2])
        let firms = LedgerAggregate.compute(type.indicators[1], type: type, rows: rows, deadline: deadline, asOf: asOf)
        #expect(firms.total == 2)
        #expect(firms.byOwner == ["zezhou": 2, "gaoping": 1])
        #expect(firms.byBreakdown == ["糠醛企业": 1, "煤化工企业": 1])
        #expect(firms.rows == [0, 1, 2, 3])
    }
}
