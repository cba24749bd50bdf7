import Assessment
import Campaign
import LantianCore
import Seed
import Testing

/// A fixture with ranks and ties worked out by hand. Scheme: tasks 40, timeliness 20, air improvement 20 (full at
/// a 10 % fall), air rank 20; default credits (done and on track 1, lagging 0.5, overdue 0; late 0.5).
///
/// | unit | tasks | reports | air | total |
/// |---|---|---|---|---|
/// | 甲县 | done, done, lagging, overdue: 2.5/4 × 40 = 25 | 4 on time: 20 | 5.5 → 5.0, −9.09 %: 0.909 × 20 = 18.18; rank 1 (shared, 5.00): 20 | 83.18 → 83.2 |
/// | 乙县 | 4 done: 40 | 2 on time, 1 late, 1 missing: 2.5/4 × 20 = 12.5 | 5.0 → 5.0: 0; rank 1 shared: 20 | 72.5 |
/// | 丙县 | 3 done, 1 lagging: 35 | 4 on time: 20 | 5.0 → 6.0, +20 %: 0; rank 3 of 3: 0 | 55 |
/// | 丁局 | done, on track: 40 | 3 on time, 1 late: 17.5 | not a county: left out | 57.5 / 60 × 100 = 95.83 → 95.8 |
/// | 戊局 | as 丁局 | as 丁局 | — | 95.8, shares 1st with 丁局 |
///
/// Ranks: 丁局 and 戊局 1 (并列), 甲县 3, 乙县 4, 丙县 5. Accountability: 甲县 (an overdue task), 乙县 (2 reports late or
/// missing), 丙县 (index up 20 % and last of the counties).
@Suite struct ScorecardTests {
    static let scheme = ScoringScheme(
        code: "test", title: "测试",
        parts: [
            .init(code: "tasks", name: "任务完成", weight: 40, measure: .taskCompletion),
            .init(code: "timeliness", name: "报送及时", weight: 20, measure: .reportTimeliness),
            .init(code: "air-improvement", name: "空气质量改善", weight: 20, measure: .airImprovement),
            .init(code: "air-rank", name: "空气质量排名", weight: 20, measure: .airRank),
        ])

    static func tasks(_ statuses: [TaskStatus]) -> [UnitFacts.Task] {
        statuses.enumerated().map {
            UnitFacts.Task(code: "t\($0.offset + 1)", title: "任务\($0.offset + 1)", status: $0.element)
        }
    }

    static func reports(_ kinds: [UnitFacts.Timeliness]) -> [UnitFacts.Report] {
        kinds.enumerated().map {
            UnitFacts.Report(
                task: "t\($0.offset + 1)", month: ReportMonth(year: 2021, month: 12)!, timeliness: $0.element)
        }
    }

    static let facts: [UnitFacts] = [
        UnitFacts(
            code: "jia", name: "甲县", isCounty: true, tasks: tasks([.done, .done, .lagging, .overdue]),
            reports: reports([.onTime, .onTime, .onTime, .onTime]), air: .init(composite: 5.0, previousComposite: 5.5)),
        UnitFacts(
            code: "yi", name: "乙县", isCounty: true, tasks: tasks([.done, .done, .done, .done]),
            reports: reports([.onTime, .onTime, .late, .missing]), air: .init(composite: 5.0, previousComposite: 5.0)),
        UnitFacts(
            code: "bing", name: "丙县", isCounty: true, tasks: tasks([.done, .done, .done, .lagging]),
            reports: reports([.onTime, .onTime, .onTime, .onTime]), air: .init(composite: 6.0, previousComposite: 5.0)),
        UnitFacts(
            code: "ding", name: "丁局", isCounty: false, tasks: tasks([.done, .onTrack]),
            reports: reports([.onTime, .onTime, .onTime, .late])),
        UnitFacts(
            code: "wu", name: "戊局", isCounty: false, tasks: tasks([.done, .onTrack]),
            reports: reports([.onTime, .onTime, .onTime, .late])),
    ]

    @Test func ranksWithTiesAndExplainsEveryPart() throws {
        let card = Scorecard(scheme: Self.scheme, facts: Self.facts)
        #expect(card.units.map(\.code) == ["ding", "wu", "jia", "yi", "bing"])
        #expect(card.units.map(\.rank) == [1, 1, 3, 4, 5])
        #expect(card.units[0].sharedBy == 2 && card.units[2].sharedBy == 1)
        #expect(
            card.units.map { NumberText.fixed($0.score ?? -1, places: 1) } == ["95.8", "95.8", "83.2", "72.5", "55.0"])
        let jia = try #require(card.units.first { $0.code == "jia" })
        #expect(Scorecard.partsText(jia) == "tasks:25.0/40;timeliness:20.0/20;air-improvement:18.2/20;air-rank:20.0/20")
        #expect(jia.parts[0].facts.contains("t4 任务4 逾期未完成 +0"))
        #expect(jia.parts[0].reason == "2.5 / 4 项 × 40 = 25.0")
        #expect(jia.parts[3].facts == ["综合指数排名 并列1 / 3"])
        let ding = try #require(card.units.first { $0.code == "ding" })
        #expect(ding.parts[2].share == nil && ding.parts[3].share == nil)
        #expect(Scorecard.partsText(ding) == "tasks:40.0/40;timeliness:17.5/20;air-improvement:n/a/20;air-rank:n/a/20")
        let yi = try #require(card.units.first { $0.code == "yi" })
        #expect(yi.parts[1].facts == ["应报 4 项，按时 2 项", "2021年12月 t3 迟报 +0.5", "2021年12月 t4 未报 +0"])
    }

    @Test func accountabilityNamesTheFacts() {
        let list = AccountabilityList(scheme: Self.scheme, facts: Self.facts)
        #expect(list.entries.map(\.unit) == ["jia", "yi", "bing"])
        #expect(list.entries.map(\.reason) == [.missedTasks, .lateReports, .airWorsenedAndLast])
        #expect(list.entries[0].facts == ["t4 任务4 逾期未完成"])
        #expect(list.entries[2].facts == ["综合指数同比上升 20.0%，排名 3 / 3（末位）"])
    }

    @Test func theShippedSchemeReadsAndABadOneIsRefusedWhole() throws {
        let shipped = try ScoringSchemeFile.read(try SeedAssessment.scoring)
        #expect(shipped.parts.map(\.measure) == ScoringScheme.Measure.allCases)
        #expect(shipped.parts.reduce(0) { $0 + $1.weight } == 100)
        let bad = """
            format: lantian-scoring/1
            code: x
            title: 坏
            parts:
              - code: tasks
                weight: 0
                measure: taskCompletion
              - code: tasks
                weight: 20
                measure: luck
            late-credit: 2
            """
        do {
            _ = try ScoringSchemeFile.read(bad)
            Issue.record("a bad scheme was accepted")
        } catch {
            let reasons = error.issues.map(\.description).joined(separator: "\n")
            #expect(reasons.contains("parts[0].weight"))
            #expect(reasons.contains("parts[1].measure"))
            #expect(reasons.contains("late-credit"))
            #expect(error.issues.count >= 3)
        }
    }
}
