import LantianCore
import SourceMonitoring
import Testing

/// Each rule on a series built to trip it and on a near miss that must not.
@Suite struct AnomalyScanTests {
    static let start = MinuteStamp(day: CivilDate(year: 2022, month: 1, day: 24)!, hour: 0)

    /// Hourly records from `so2` values (nil: no record that hour), with a flow of `flow` m³/h and O2 `o2` %.
    static func series(
        so2: [Double?], flags: [Int: String] = [:], corrected: [Int: Double] = [:], flow: Double = 50_000,
        o2: Double = 9
    ) -> OutletSeries {
        var records: [MonitoringRecord] = []
        for (hour, value) in so2.enumerated() {
            var readings: [String: MonitoringRecord.Reading] = [
                Factor.flow: .init(value: flow), Factor.oxygen: .init(value: o2),
            ]
            if let value {
                readings[Factor.so2] = .init(value: value, corrected: corrected[hour], flag: flags[hour] ?? "N")
            }
            records.append(
                MonitoringRecord(
                    mn: "M1", kind: .hour, time: start.adding(minutes: 60 * hour), readings: readings, line: hour + 2))
        }
        return OutletSeries.build(records)[0]
    }

    static func rules(_ hits: [AnomalyScan.Hit]) -> [String] {
        hits.filter { $0.factor == Factor.so2 }.map { "\($0.rule.rawValue) \($0.from.text)–\($0.to.text)" }
    }

    @Test func exceedanceJudgesTheCorrectedValue() {
        // 30 at 9 % O2 is 37.5 at 6 %: over a limit of 35, while 28 (35 corrected) is not.
        let limits = [Factor.so2: AnomalyScan.Limit(limit: 35, o2Reference: 6)]
        let hits = AnomalyScan.scan(Self.series(so2: [20, 30, 30, 28, 20]), limits: limits)
        #expect(Self.rules(hits) == ["exceedance 2022-01-24T01:00–2022-01-24T03:00"])
        #expect(hits.first?.detail.contains("最高 37.5 mg/m³") == true)
        #expect(
            Self.rules(AnomalyScan.scan(Self.series(so2: [20, 30, 30]), limits: [Factor.so2: .init(limit: 35)])).isEmpty
        )
    }

    @Test func aConstantRunWhileThePlantRunsAndANearMiss() {
        let constant = Self.series(so2: [12, 15, 15, 15, 15, 15, 15, 13])
        #expect(Self.rules(AnomalyScan.scan(constant)) == ["constant 2022-01-24T01:00–2022-01-24T07:00"])
        let five = Self.series(so2: [12, 15, 15, 15, 15, 15, 13, 14])
        #expect(Self.rules(AnomalyScan.scan(five)).isEmpty)
        // The same values while the plant stands (flow 0) are not suspect.
        let stopped = Self.series(so2: [12, 15, 15, 15, 15, 15, 15, 13], flow: 0)
        #expect(Self.rules(AnomalyScan.scan(stopped)).isEmpty)
    }

    @Test func zerosWhileRunningButNotWhileStopped() {
        #expect(
            Self.rules(AnomalyScan.scan(Self.series(so2: [12, 0, -1, 14]))) == [
                "zero_while_running 2022-01-24T01:00–2022-01-24T03:00"
            ])
        #expect(Self.rules(AnomalyScan.scan(Self.series(so2: [12, 0, 0, 14], flow: 500))).isEmpty)
    }

    @Test func flagsRangeLimitAndMissingHours() {
        let series = Self.series(so2: [12, 13, nil, nil, 14, 999, 999, 15, 16], flags: [5: "T", 6: "T", 8: "D"])
        #expect(
            Self.rules(AnomalyScan.scan(series)) == [
                "flag_invalid 2022-01-24T08:00–2022-01-24T09:00", "range_limit 2022-01-24T05:00–2022-01-24T07:00",
                "missing 2022-01-24T02:00–2022-01-24T04:00",
            ])
        // S (a manually set value) counts as valid and is not flagged.
        #expect(Self.rules(AnomalyScan.scan(Self.series(so2: [12, 13, 14], flags: [1: "S"]))).isEmpty)
    }

    @Test func aReportedCorrectionThatDoesNotFollowO2() {
        // 30 at 9 % O2 corrected to 6 % is 37.5: 37.9 is within 5 %, 30 (the measured value passed off as corrected)
        // is not.
        let limits = [Factor.so2: AnomalyScan.Limit(limit: 100, o2Reference: 6)]
        let series = Self.series(so2: [30, 30, 30], corrected: [0: 37.9, 1: 30, 2: 30])
        let hits = AnomalyScan.scan(series, limits: limits)
        #expect(Self.rules(hits) == ["o2_inconsistent 2022-01-24T01:00–2022-01-24T03:00"])
        #expect(hits.first?.detail == "报送折算值 30 mg/m³ 与按实测值和含氧量计算的 37.5 mg/m³ 不符，共 2 小时")
    }

    @Test func minutesMakeAnHourWithFortyFiveValidOnes() {
        func minutes(_ valid: Int) -> [MonitoringRecord] {
            (0..<60).map { minute in
                MonitoringRecord(
                    mn: "M1", kind: .minute, time: Self.start.adding(minutes: minute),
                    readings: [Factor.so2: .init(value: 20, flag: minute < valid ? "N" : "C")], line: minute + 2)
            }
        }
        #expect(OutletSeries.build(minutes(45))[0].hour(Factor.so2, at: Self.start)?.isValid == true)
        let short = OutletSeries.build(minutes(44))[0].hour(Factor.so2, at: Self.start)
        #expect(short?.isValid == false && short?.flag == "C")
    }
}
