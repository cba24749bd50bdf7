import ArgumentParser
import Campaign
import Foundation
import LantianCore
import Seed

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks; record their figures in docs/PERFORMANCE.md.",
        subcommands: [Status.self, AQ.self, EmergencyList.self, Sources.self, LedgerRows.self])

    /// The computation behind every dashboard request: every task's progress and status from every report.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time the status computation of the Jincheng plan with a full season of reports.")

        @ArgumentParser.Option(help: "Repetitions of the whole computation.") var iterations = 200

        func run() async throws {
            let plan = try PlanFile.read(try SeedPlans.jincheng20212022)
            guard let calendar = ReportingCalendar(plan: plan) else { throw ExitCode(1) }
            let months = calendar.reportMonths(until: plan.end)
            // Every reporting unit reports every month of the season, every indicator at half its target.
            var facts: [String: [ReportFacts]] = [:]
            for task in plan.tasks {
                let values = Dictionary(uniqueKeysWithValues: task.indicators.map { ($0.code, $0.target / 2) })
                facts[task.code] = task.reportingUnits.flatMap { unit in
                    months.map { month in
                        ReportFacts(
                            unit: unit, month: month, state: .submitted, reportedStatus: .inProgress,
                            submittedAt: calendar.lateFrom(month).addingTimeInterval(-3600), values: values)
                    }
                }
            }
            let reports = facts.values.reduce(0) { $0 + $1.count }
            let asOf = calendar.instant(CivilDate(year: 2022, month: 1, day: 15)!)
            let clock = ContinuousClock()
            var statuses: [TaskStatus: Int] = [:]
            let elapsed = clock.measure {
                for _ in 0..<iterations {
                    statuses = [:]
                    for task in plan.tasks {
                        let progress = TaskProgress(task: task, reports: facts[task.code] ?? [])
                        let assessment = TaskAssessment(
                            task: task, progress: progress, asOf: asOf, calendar: calendar, rules: plan.statusRules)
                        statuses[assessment.status, default: 0] += 1
                    }
                }
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let perRun = seconds / Double(iterations) * 1000
            print("bench status: \(plan.tasks.count) tasks, \(reports) reports, \(iterations) iterations")
            print(
                String(
                    format: "  %.3f ms per full computation, %.0f tasks/s", perRun,
                    Double(plan.tasks.count) / (perRun / 1000)))
            print(
                "  statuses: "
                    + statuses.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(
                        separator: ", "))
        }
    }
}
