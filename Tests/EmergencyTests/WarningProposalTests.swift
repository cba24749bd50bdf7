import Emergency
import LantianCore
import Seed
import Testing

/// The warning levels the shipped editions propose, at each edge of their conditions (air-quality-standards.md
/// §3, supervision.md §1). Forecasts are built by hand: `run(n, aqi)` is n hours at that rolling-24h AQI.
@Suite struct WarningProposalTests {
    let shanxi = try! WarningRulesFile.read(try! SeedEmergency.rules("shanxi-2020"))
    let national = try! WarningRulesFile.read(try! SeedEmergency.rules("national-2017"))
    /// 2022-01-24 20:00 Beijing, the start of the first forecast hour.
    let start = HourStamp(dayNumber: CivilDate(year: 2022, month: 1, day: 24)!.dayNumber, hour: 21)

    func forecast(_ parts: [(Int, Int)], sandDust: Set<Int> = []) -> Forecast {
        Forecast(start: start, aqi: parts.flatMap { Array(repeating: $0.1, count: $0.0) }, sandDust: sandDust)
    }

    func levels(_ parts: [(Int, Int)], _ rules: WarningRules, sandDust: Set<Int> = []) -> [WarningLevel] {
        WarningProposal.episodes(forecast(parts, sandDust: sandDust), rules: rules).map(\.level)
    }

    @Test func fortySevenHoursIsNoWarningFortyEightIsYellow() {
        #expect(levels([(10, 150), (47, 250), (10, 150)], shanxi) == [.none])
        #expect(levels([(10, 150), (48, 250), (10, 150)], shanxi) == [.yellow])
        #expect(levels([(71, 250)], shanxi) == [.yellow])
        #expect(levels([(72, 250)], shanxi) == [.orange])
    }

    @Test func exactlyTwoHundredIsNotAboveIt() {
        #expect(levels([(48, 200)], shanxi) == [])
        #expect(levels([(48, 201)], shanxi) == [.yellow])
        #expect(levels([(47, 201), (1, 200)], shanxi) == [.none])
    }

    @Test func redNeedsFortyEightHoursAboveThreeHundredWithinNinetySix() {
        // 96 h above 200, 47 of them above 300: orange under Shanxi's rules; 48 of them: red.
        #expect(levels([(49, 250), (47, 320)], shanxi) == [.orange])
        #expect(levels([(48, 250), (48, 320)], shanxi) == [.red])
        // 95 h above 200 with 60 above 300 is not red.
        #expect(levels([(35, 250), (60, 320)], shanxi) == [.orange])
    }

    @Test func aSingleHourAtFiveHundredIsRedInShanxiNotNationally() {
        #expect(levels([(1, 500)], shanxi) == [.red])
        #expect(levels([(1, 499)], shanxi) == [.none])
        #expect(levels([(1, 500)], national) == [.none])
        #expect(levels([(24, 500)], national) == [.red])
        #expect(levels([(23, 500)], national) == [.none])
    }

    @Test func nationalBlueAndOrangeNeedTheirOwnConditions() {
        #expect(levels([(23, 250)], national) == [.none])
        #expect(levels([(24, 250)], national) == [.blue])
        // 72 h above 200 without an hour above 300 stays yellow nationally; one hour above 300 makes it orange.
        #expect(levels([(72, 250)], national) == [.yellow])
        #expect(levels([(71, 250), (1, 301)], national) == [.orange])
    }

    @Test func sandDustHoursDoNotCount() {
        // 60 h above 200, 20 of them sand-dust: 40 counting hours, so no warning; without the sand-dust, yellow.
        let sand = Set(20..<40)
        #expect(levels([(60, 260)], shanxi, sandDust: sand) == [.none])
        #expect(levels([(60, 260)], shanxi) == [.yellow])
        // A run that is sand-dust throughout is no episode at all.
        #expect(levels([(80, 400)], shanxi, sandDust: Set(0..<80)) == [])
    }

    @Test func twoRunsWithAShortGapAreOneEpisode() {
        // 40 h, 35 h below, 40 h: the warning would not be lifted, one episode of 80 h above 200 → orange.
        let joined = WarningProposal.episodes(forecast([(40, 250), (35, 150), (40, 250)]), rules: shanxi)
        #expect(joined.map(\.level) == [.orange])
        #expect(joined.first?.runs == 2)
        #expect(joined.first?.hours(above: 200) == 80)
        // A 36 h gap lifts it: two episodes of 40 h, neither reaching yellow.
        #expect(levels([(40, 250), (36, 150), (40, 250)], shanxi) == [.none, .none])
    }

    @Test func aFluctuatingRunTakesTheLevelOfItsWholeLength() {
        // 80 hours that dip to 195 every tenth hour: runs of 9 hours, 72 hours above 200 in all → orange.
        let parts = Array(repeating: [(9, 230), (1, 195)], count: 8).flatMap { $0 }
        let episodes = WarningProposal.episodes(forecast(parts), rules: shanxi)
        #expect(episodes.map(\.level) == [.orange])
        #expect(episodes.first?.hours(above: 200) == 72)
    }

    @Test func theReasonSpellsOutHoursAndTimes() {
        // The issue's example: 74 hours from 1月24日20时 to 1月27日22时 → orange.
        let episode = WarningProposal.episodes(forecast([(74, 240)]), rules: shanxi)[0]
        #expect(episode.reason.hasPrefix("AQI > 200 预计持续 74 小时（1月24日20时至1月27日22时）"))
        #expect(episode.reason.hasSuffix("→ 橙色"))
        #expect(HourClock.text(episode.start) == "2022-01-24T20:00")
        #expect(HourClock.text(episode.end) == "2022-01-27T22:00")
    }

    @Test func aDailyForecastCountsTwentyFourHoursAPeriod() throws {
        let rows = SheetRow.csv("date,aqi\n2022-01-24,180\n2022-01-25,230\n2022-01-26,260\n2022-01-27,240\n")
        let read = Forecast.read(rows)
        #expect(read.problems.isEmpty)
        let episodes = WarningProposal.episodes(try #require(read.records.first), rules: shanxi)
        #expect(episodes.map(\.level) == [.orange])
        #expect(episodes.first.map { HourClock.text($0.start) } == "2022-01-25T00:00")
        #expect(episodes.first.map { HourClock.text($0.end) } == "2022-01-28T00:00")
    }

    @Test func badForecastRowsAreNamed() {
        let read = Forecast.read(
            SheetRow.csv(
                "time,aqi,sand_dust\n2022-01-24T21:00,230,0\n2022-01-24T21:00,231,0\n2022-01-24T22:00,abc,0\n"
                    + "2022-01-24T25:00,230,2\n2022-01-25T02:00,230,0\n"))
        #expect(read.problems.map(\.line) == [3, 4, 5, 5])
        #expect(read.problems.first?.reason.contains("与第 2 行重复") == true)
    }

    @Test func editionsAreCheckedWhole() {
        let bad = """
            format: lantian-warning-rules/1
            code: Bad Code
            title: t
            document: d
            episode-above: 200
            lift-hours: 0
            levels:
              - level: yellow
                when:
                  - [{above: 200, at-least: 300, hours: 48}]
            required-cuts: {}
            """
        #expect(throws: WarningRulesFile.Rejected.self) { try WarningRulesFile.read(bad) }
        do {
            _ = try WarningRulesFile.read(bad)
        } catch {
            #expect(error.issues.count == 4, "\(error.issues)")
        }
    }
}
