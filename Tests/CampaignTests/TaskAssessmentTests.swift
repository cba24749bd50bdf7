import Campaign
import Foundation
import LantianCore
import Testing

/// The status rules of docs/STATUS-RULES.md at their edges.
@Suite struct TaskAssessmentTests {
    let calendar = ReportingCalendar(
        timeZone: "Asia/Shanghai", rule: ReportingRule(dueDay: 5, dueHour: 23, dueMinute: 59),
        periodStart: CivilDate(year: 2021, month: 10, day: 1)!, periodEnd: CivilDate(year: 2022, month: 3, day: 31)!)!
    let rules = StatusRules(lagTolerance: 0.1)
    let october = ReportMonth(year: 2021, month: 10)!

    func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// 散煤治理 16,000 户 by 2021-10-31, lead 市能源局, one county responsible.
    func coalTask(deadline: CivilDate = CivilDate(year: 2021, month: 12, day: 31)!) -> PlanTask {
        PlanTask(
            code: "t11", origin: .table, category: "能源结构调整", measures: "完成散煤治理1.6万户", deadline: deadline,
            deadlineText: "2021年12月底前", lead: ["energy"], responsible: ["zezhou"],
            indicators: [Indicator(code: "households", name: "户数", unit: "户", direction: .atLeast, target: 16000)])
    }

    func assess(_ task: PlanTask, _ progress: TaskProgress, _ time: String) -> TaskAssessment {
        TaskAssessment(task: task, progress: progress, asOf: at(time), calendar: calendar, rules: rules)
    }

    func reported(_ values: [String: Double], done: Bool = false, months: [ReportMonth] = []) -> TaskProgress {
        TaskProgress(
            indicatorValues: values, reportedDone: done,
            submittedMonths: ["energy": Set(months), "zezhou": Set(months)])
    }

    @Test func onTheDeadlineDayTheTaskIsNotYetOverdue() {
        let task = coalTask()
        let progress = reported(["households": 15000], months: [october, october.next])
        #expect(assess(task, progress, "2021-12-31T23:59:59+08:00").status != .overdue)
        #expect(assess(task, progress, "2022-01-01T00:00:00+08:00").status == .overdue)
    }

    @Test func doneNeedsTheReportAndEveryIndicatorMet() {
        let task = coalTask()
        #expect(assess(task, reported(["households": 16000], done: true), "2022-02-01T00:00:00+08:00").status == .done)
        #expect(
            assess(task, reported(["households": 15999], done: true), "2022-02-01T00:00:00+08:00").status == .overdue)
        #expect(
            assess(task, reported(["households": 16000], done: false), "2022-02-01T00:00:00+08:00").status == .overdue)
    }

    /// The October report is due 5 November 23:59: missing at 00:00 on the 6th, not at 23:59 on the 5th.
    @Test func missingReportCountsFromMidnightAfterTheFifth() {
        let task = coalTask()
        let progress = reported(["households": 8000])
        #expect(assess(task, progress, "2021-11-05T23:59:00+08:00").status == .onTrack)
        let late = assess(task, progress, "2021-11-06T00:00:00+08:00")
        #expect(late.status == .notReported)
        #expect(late.missingUnits == ["energy", "zezhou"])
        var partly = progress
        partly.submittedMonths = ["energy": [october]]
        let one = assess(task, partly, "2021-11-06T00:00:00+08:00")
        #expect(one.missingUnits == ["zezhou"])
        #expect(one.status(for: "energy") == .onTrack)
        #expect(one.status(for: "zezhou") == .notReported)
    }

    /// Half way through (2021-11-16 of 10-01…12-31), 40 % done trails 50 % by exactly the tolerance: on track;
    /// 39.9 % is lagging.
    @Test func laggingIsProgressBehindElapsedTimeBeyondTheTolerance() {
        let task = coalTask()
        let time = "2021-11-16T00:00:00+08:00"
        #expect(assess(task, reported(["households": 6400], months: [october]), time).status == .onTrack)
        let behind = assess(task, reported(["households": 6384], months: [october]), time)
        #expect(behind.status == .lagging)
        #expect(behind.laggingIndicators == ["households"])
        #expect(abs(behind.indicatorProgress["households"]! - 0.399) < 1e-9)
    }

    @Test func atMostIndicatorsLagOnlyWhenAboveTheirCeiling() {
        var task = coalTask(deadline: CivilDate(year: 2022, month: 3, day: 31)!)
        task.indicators = [
            Indicator(code: "dustfall", name: "降尘量", unit: "吨/(平方公里·月)", direction: .atMost, target: 7)
        ]
        let time = "2021-12-01T00:00:00+08:00"
        let months = [october]
        #expect(assess(task, reported(["dustfall": 7], months: months), time).status == .onTrack)
        #expect(assess(task, reported(["dustfall": 7.01], months: months), time).status == .lagging)
        // No measurement yet: a reporting matter, not a lagging one.
        #expect(assess(task, reported([:], months: months), time).status == .onTrack)
    }

    /// 35蒸吨以下燃煤锅炉清零: a ceiling of zero is met only at zero; an "at least 0" target from the start.
    @Test func zeroTargets() {
        var task = coalTask()
        task.indicators = [
            Indicator(code: "remaining", name: "剩余", unit: "台", direction: .atMost, target: 0),
            Indicator(code: "floor", name: "下限", unit: "台", direction: .atLeast, target: 0),
        ]
        let time = "2021-11-20T00:00:00+08:00"
        let none = assess(task, reported(["remaining": 0], months: [october]), time)
        #expect(none.status == .onTrack)
        #expect(none.indicatorProgress["floor"] == 1)
        #expect(assess(task, reported(["remaining": 1], months: [october]), time).laggingIndicators == ["remaining"])
        #expect(assess(task, reported(["remaining": 0, "floor": 0], done: true), time).status == .done)
    }

    @Test func progressUsesTheBaseline() {
        let indicator = Indicator(code: "s", name: "比例", unit: "%", direction: .atLeast, target: 80, baseline: 60)
        #expect(indicator.progress(of: 70) == 0.5)
        #expect(indicator.progress(of: 50) == 0)
        #expect(indicator.progress(of: 95) == 1)
    }

    /// The lead's figure is the task's; without one, the latest of any unit; a lagging unit of several leads does
    /// not make the task done.
    @Test func progressFromReports() {
        let task = coalTask()
        let reports = [
            ReportFacts(
                unit: "zezhou", month: october, state: .submitted, reportedStatus: .done,
                submittedAt: at("2021-11-04T10:00:00Z"),
                values: ["households": 900]),
            ReportFacts(
                unit: "energy", month: october, state: .accepted, reportedStatus: .inProgress,
                submittedAt: at("2021-11-03T10:00:00Z"),
                values: ["households": 9000]),
            ReportFacts(
                unit: "energy", month: october.next, state: .draft, reportedStatus: .done, submittedAt: nil,
                values: ["households": 16000]),
        ]
        let progress = TaskProgress(task: task, reports: reports)
        #expect(progress.indicatorValues["households"] == 9000)
        #expect(progress.reportedDone == false)
        #expect(progress.submittedMonths["zezhou"] == [october])
        let countyOnly = TaskProgress(task: task, reports: [reports[0]])
        #expect(countyOnly.indicatorValues["households"] == 900)
        #expect(
            TaskProgress(task: task, reports: reports, measured: ["households": 12000]).indicatorValues["households"]
                == 12000)
    }

    /// 泽州县's October report says done and the office accepts it: its November report is not asked for (the
    /// task is not "not reported" on its account, and it drops out of the due count), while 市能源局's still is.
    /// Before the office accepts — or after it returns the report — November is asked for as usual.
    @Test func aReportAcceptedAsDoneEndsTheUnitsReporting() {
        let task = coalTask()
        let november = october.next
        func facts(_ unit: String, _ month: ReportMonth, _ state: ReportState, done: Bool) -> ReportFacts {
            ReportFacts(
                unit: unit, month: month, state: state, reportedStatus: done ? .done : .inProgress,
                submittedAt: at("2021-11-04T10:00:00Z"), values: ["households": 9000])
        }
        let energy = [
            facts("energy", october, .submitted, done: false), facts("energy", november, .submitted, done: false),
        ]
        let afterNovemberDue = "2021-12-06T00:00:00+08:00"

        let accepted = TaskProgress(task: task, reports: energy + [facts("zezhou", october, .accepted, done: true)])
        #expect(accepted.acceptedDone == ["zezhou": october])
        func demand(_ unit: String, _ month: ReportMonth) -> ReportDemand {
            ReportDemand(unit: unit, task: task, month: month, progress: accepted)
        }
        #expect(demand("zezhou", october) == .asked)
        #expect(demand("zezhou", november) == .closed(october))
        #expect(demand("energy", november) == .asked)
        // Past the deadline (31 December) a task not accepted as done still asks; a cooperating unit is not asked.
        #expect(demand("energy", ReportMonth("2022-01")!) == .asked)
        #expect(demand("city-housing", november) == .optional)
        let closed = assess(task, accepted, afterNovemberDue)
        #expect(closed.latestDueMonth == november)
        #expect(closed.dueUnits == ["energy"])
        #expect(closed.missingUnits.isEmpty)
        #expect(closed.status(for: "zezhou") != .notReported)

        for state in [ReportState.submitted, .returned] {
            let open = assess(
                task, TaskProgress(task: task, reports: energy + [facts("zezhou", october, state, done: true)]),
                afterNovemberDue)
            #expect(open.dueUnits == ["energy", "zezhou"], "\(state)")
            #expect(open.missingUnits == ["zezhou"], "\(state)")
        }
        // Accepted, but saying in progress: reporting goes on.
        let inProgress = TaskProgress(task: task, reports: energy + [facts("zezhou", october, .accepted, done: false)])
        #expect(assess(task, inProgress, afterNovemberDue).missingUnits == ["zezhou"])

        let plan = Plan(
            code: "p", title: "p", start: calendar.periodStart, end: calendar.periodEnd, timeZone: "Asia/Shanghai",
            reporting: calendar.rule, statusRules: rules,
            document: OfficialDocument(number: "1", issuer: "市大气办", disclosure: .public), targets: [],
            units: [
                OrgUnit(code: "energy", name: "市能源局", kind: .department),
                OrgUnit(code: "zezhou", name: "泽州县", kind: .county),
            ], groups: [], sections: [], tasks: [task], forwardings: [])
        // On 3 December the month being reported is November: asked of 市能源局, not of 泽州县.
        let december = assess(task, accepted, "2021-12-03T10:00:00+08:00")
        #expect(december.reportingMonth == november)
        #expect(december.reportsAsked == ["energy"] && december.reportsIn == ["energy"])
        let county = StatusSummary.byCounty(plan: plan, assessments: [task.code: december]).first
        #expect(county?.reportsAsked == 0 && county?.reportsIn == 0)
        let lead = StatusSummary.byLead(plan: plan, assessments: [task.code: december]).first
        #expect(lead?.reportsAsked == 1 && lead?.reportsIn == 1)
    }
}
