import LantianCore
import SourceMonitoring
import Testing

/// The rules that read load, upload times, inspections and the outlet's own history: each on a series built to
/// trip it and on a near miss.
@Suite struct MoreRulesTests {
    static let monday = MinuteStamp(day: CivilDate(year: 2022, month: 1, day: 3)!, hour: 0)

    /// A dense series of `count` hours: SO2, flow and O2 from functions of the hour's index.
    static func series(
        count: Int, so2: (Int) -> Double, flow: (Int) -> Double = { _ in 50_000 }, o2: (Int) -> Double = { _ in 9 },
        sent: ((Int) -> Int)? = nil
    ) -> OutletSeries {
        func slots(_ value: (Int) -> Double) -> [OutletSeries.Hour?] {
            (0..<count).map { index in
                OutletSeries.Hour(
                    value: value(index),
                    sent: sent.map { monday.adding(minutes: 60 * (index + 1) + $0(index)) })
            }
        }
        return OutletSeries(
            mn: "M1", start: monday, count: count,
            factors: [Factor.so2: slots(so2), Factor.flow: slots(flow), Factor.oxygen: slots(o2)])
    }

    static func rules(_ hits: [AnomalyScan.Hit], _ rule: AnomalyScan.Rule) -> [String] {
        hits.filter { $0.rule == rule }.map { "\($0.factor) \($0.from.text)–\($0.to.text)" }
    }

    @Test func flatOxygenThatDoesNotFollowLoad() {
        // Flow swings between 30,000 and 60,000 m³/h over the day (a swing of 67 % of its mean); O2 fixed at 9.0.
        let load: (Int) -> Double = { 45_000 + 15_000 * (($0 % 24) < 12 ? 1 : -1) }
        let flat = Self.series(count: 30, so2: { 20 + Double($0 % 5) }, flow: load, o2: { _ in 9 })
        #expect(Self.rules(AnomalyScan.scan(flat), .o2Flat) == ["a19001 2022-01-03T00:00–2022-01-04T06:00"])
        // O2 that follows load (8 at full load, 10 at low load) is not flat.
        let following = Self.series(count: 30, so2: { _ in 20 }, flow: load, o2: { ($0 % 24) < 12 ? 8 : 10 })
        #expect(Self.rules(AnomalyScan.scan(following), .o2Flat).isEmpty)
        // Flat O2 under a steady load is no sign: the swing is under 30 %.
        let steady = Self.series(count: 30, so2: { 20 + Double($0 % 5) }, flow: { 50_000 + Double($0 % 2) * 5_000 })
        #expect(Self.rules(AnomalyScan.scan(steady), .o2Flat).isEmpty)
        // 23 flat hours are a near miss.
        let short = Self.series(count: 23, so2: { 20 + Double($0 % 5) }, flow: load)
        #expect(Self.rules(AnomalyScan.scan(short), .o2Flat).isEmpty)
    }

    @Test func lateUploadsFromTheSendingTime() {
        // Hours 3–5 sent 61, 200 and 90 minutes after their end; the others 5 minutes after; 60 is on time.
        let late = [3: 61, 4: 200, 5: 90, 7: 60]
        let series = Self.series(count: 10, so2: { 20 + Double($0) }, sent: { late[$0] ?? 5 })
        let hits = AnomalyScan.scan(series).filter { $0.rule == .lateUpload }
        #expect(hits.map { "\($0.from.text)–\($0.to.text)" } == ["2022-01-03T03:00–2022-01-03T06:00"])
        #expect(hits.first?.detail.contains("最迟晚 3 小时 20 分钟") == true)
        #expect(hits.first?.factor == "")
    }

    @Test func aDropDuringAnInspection() {
        // 80 mg/m³ for three days, then 30 while the inspectors are there (08:00 on day 4) for 8 hours, then 80.
        let inspection = Self.monday.adding(minutes: 60 * 80)
        let series = Self.series(count: 100, so2: { (80..<88).contains($0) ? 30 : 80 + Double($0 % 3) })
        let hits = AnomalyScan.scan(series, inspections: [inspection])
        #expect(Self.rules(hits, .inspectionDrop) == ["a21026 2022-01-06T08:00–2022-01-06T16:00"])
        // 45 is above half of the baseline (~81): a near miss.
        let milder = Self.series(count: 100, so2: { (80..<88).contains($0) ? 45 : 80 + Double($0 % 3) })
        #expect(Self.rules(AnomalyScan.scan(milder, inspections: [inspection]), .inspectionDrop).isEmpty)
        #expect(Self.rules(AnomalyScan.scan(series), .inspectionDrop).isEmpty)
    }

    @Test func aNightPatternUnlikeTheOutletsOwnHistory() {
        // Six weeks in which nights run at the day's level (ratio 1); in week 5 nights fall to a third.
        func value(_ index: Int) -> Double {
            let hour = index % 24
            let night = hour >= 22 || hour < 6
            return night && index / 168 == 4 ? 20 : 60
        }
        let hits = AnomalyScan.scan(Self.series(count: 6 * 168, so2: value))
        #expect(Self.rules(hits, .nightPattern) == ["a21026 2022-01-31T00:00–2022-02-07T00:00"])
        #expect(hits.first { $0.rule == .nightPattern }?.detail.contains("之比 0.33，该排放口平时为 1") == true)
        // Nights at 60 % of the day's level are within a factor of two: a near miss.
        let milder = AnomalyScan.scan(
            Self.series(count: 6 * 168) { index in
                let hour = index % 24
                return (hour >= 22 || hour < 6) && index / 168 == 4 ? 36 : 60
            })
        #expect(Self.rules(milder, .nightPattern).isEmpty)
    }

    @Test func weekendsUnlikeTheOutletsOwnHistory() {
        // Five weeks at 60; in week 3 the weekend drops to 10 (weekend/weekday ratio 0.17 against 1).
        let hits = AnomalyScan.scan(
            Self.series(count: 5 * 168) { index in index / 168 == 2 && index % 168 >= 120 ? 10 : 60 })
        #expect(Self.rules(hits, .weekdayPattern) == ["a21026 2022-01-17T00:00–2022-01-24T00:00"])
        // Four weeks of history are needed: three weeks say nothing.
        let short = AnomalyScan.scan(
            Self.series(count: 3 * 168) { index in index / 168 == 2 && index % 168 >= 120 ? 10 : 60 })
        #expect(Self.rules(short, .weekdayPattern).isEmpty)
    }

    @Test func validDaysNeedTwentyValidHours() {
        var series = Self.series(count: 48, so2: { _ in 20 })
        // Day 2 loses five hours to calibration: 19 valid hours.
        for index in 24..<29 { series.factors[Factor.so2]?[index]?.flag = "C" }
        let days = series.validDays(Factor.so2)
        #expect(days.valid == 1 && days.days == 2)
    }
}

/// The stored form of a month of hours.
@Suite struct HourBlockTests {
    @Test func aMonthRoundTripsAtSinglePrecision() {
        let month = 2022 * 12 + 1  // February 2022
        #expect(HourBlock.hours(inMonth: month) == 28 * 24)
        #expect(HourBlock.start(ofMonth: month).text == "2022-02-01T00:00")
        #expect(HourBlock.month(of: MinuteStamp(day: CivilDate(year: 2022, month: 2, day: 28)!, hour: 23)) == month)
        let start = HourBlock.start(ofMonth: month)
        var hours = [OutletSeries.Hour?](repeating: nil, count: HourBlock.hours(inMonth: month))
        hours[0] = .init(value: 12.3, corrected: 15.375, flag: "N", sent: start.adding(minutes: 65))
        hours[5] = .init(value: nil, flag: "D")
        hours[671] = .init(value: 2_345_678.5, flag: "S")
        let bytes = HourBlock.encode(hours, month: month)
        #expect(bytes.count == 672 * 11)
        let back = HourBlock.decode(bytes, month: month)
        #expect(back.count == 672)
        #expect(NumberText.csv(back[0]?.value) == "12.3" && back[0]?.corrected == 15.375)
        #expect(back[0]?.sent == start.adding(minutes: 65))
        #expect(back[5]?.flag == "D" && back[5]?.value == nil && back[5]?.sent == nil)
        #expect(back[671]?.value == 2_345_678.5 && back[671]?.flag == "S")
        #expect(back[1] == nil)
        #expect(HourBlock.same(hours[0], back[0]) && !HourBlock.same(hours[0], hours[5]))
    }
}

/// Seed §(十三)'s 65 % floor and the fewest additions.
@Suite struct KeyPolluterCoverageTests {
    @Test func sharesAndTheFewestAdditions() {
        let emitters = [
            KeyPolluterCoverage.Emitter(id: "A", vocs: 50, nox: 10), .init(id: "B", vocs: 10, nox: 50),
            .init(id: "C", vocs: 30, nox: 30), .init(id: "D", vocs: 5, nox: 5), .init(id: "E", vocs: 5, nox: 5),
        ]
        // Totals 100 and 100; A listed covers 50 % VOCs, 10 % NOx. C alone lifts them to 80 % and 40 %; B and C
        // together to 90 % and 90 %: two additions, and no single one suffices.
        let result = KeyPolluterCoverage.evaluate(emitters, keys: ["A"])
        #expect(result.vocsShare == 50 && result.noxShare == 10 && !result.meetsFloor)
        #expect(Set(result.additions) == ["B", "C"] && result.proven && result.reachable)
        #expect(KeyPolluterCoverage.evaluate(emitters, keys: ["A", "B", "C"]).additions.isEmpty)
        // Exactly 65 % meets the floor.
        let exact = KeyPolluterCoverage.evaluate(
            [.init(id: "A", vocs: 65, nox: 65), .init(id: "B", vocs: 35, nox: 35)], keys: ["A"])
        #expect(exact.meetsFloor && exact.additions.isEmpty)
    }

    @Test func theFewestAgreesWithEnumeration() {
        // Deterministic pseudo-random registries; the brute force tries every subset by size.
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 40) / Double(1 << 24)
        }
        for _ in 0..<30 {
            let emitters = (0..<11).map { i in
                KeyPolluterCoverage.Emitter(id: "E\(i)", vocs: (next() * 100).rounded(), nox: (next() * 100).rounded())
            }
            let keys: Set<String> = ["E0"]
            let result = KeyPolluterCoverage.evaluate(emitters, keys: keys)
            let totalV = emitters.map(\.vocs).reduce(0, +)
            let totalN = emitters.map(\.nox).reduce(0, +)
            let others = emitters.filter { !keys.contains($0.id) }
            var fewest: Int?
            for mask in 0..<(1 << others.count) {
                let chosen = others.indices.filter { mask & (1 << $0) != 0 }
                let v = emitters[0].vocs + chosen.map { others[$0].vocs }.reduce(0, +)
                let n = emitters[0].nox + chosen.map { others[$0].nox }.reduce(0, +)
                if v >= 0.65 * totalV && n >= 0.65 * totalN { fewest = min(fewest ?? .max, chosen.count) }
            }
            #expect(result.additions.count == fewest, "\(emitters)")
            let covered = emitters.filter { keys.contains($0.id) || result.additions.contains($0.id) }
            #expect(covered.map(\.vocs).reduce(0, +) >= 0.65 * totalV - 1e-6)
            #expect(covered.map(\.nox).reduce(0, +) >= 0.65 * totalN - 1e-6)
        }
    }
}

/// The inspectors' ranked list.
@Suite struct SuspectRankingTests {
    @Test func scoresExplainedRuleByRule() {
        let t = MinuteStamp(day: CivilDate(year: 2022, month: 1, day: 3)!, hour: 0)
        func hit(_ mn: String, _ rule: AnomalyScan.Rule, hours: Int) -> AnomalyScan.Hit {
            .init(mn: mn, factor: Factor.so2, rule: rule, from: t, to: t.adding(minutes: 60 * hours), detail: "")
        }
        // M1: a 4-hour o2_inconsistent run, 5 × (1 + 2) = 15, and a 1-hour gap, 1. M2: three 1-hour gaps, 3.
        let ranked = SuspectRanking.rank([
            hit("M2", .missing, hours: 1), hit("M1", .o2Inconsistent, hours: 4), hit("M2", .missing, hours: 1),
            hit("M1", .missing, hours: 1), hit("M2", .missing, hours: 1),
        ])
        #expect(ranked.map(\.mn) == ["M1", "M2"])
        #expect(ranked[0].score == 16 && ranked[1].score == 3)
        #expect(ranked[0].parts.map(\.rule) == [.o2Inconsistent, .missing] && ranked[0].parts[0].hours == 4)
    }
}
