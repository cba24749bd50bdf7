import ArgumentParser
import Campaign
import Foundation
import LantianCore
import Services

struct TaskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task", abstract: "The plan's tasks as the dashboard assesses them.", subcommands: [Show.self])

    /// `lantian task show CODE [--as-of DAY] [--format json]` (docs/LEDGER-FORMAT.md, a contract).
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A task with its indicators: each one's current value, its source and its status.",
            discussion: """
                CSV under a header: task,indicator,name,unit,direction,target,current,source,status — one line an \
                indicator. current is empty when nothing has measured it; source is report, ledger:CODE, \
                measurement:CODE, airQuality, market:METRIC or sources:METRIC (where the value came from: a \
                connected source without data leaves the reports' value, source report); status is met, lagging, \
                onTrack or noValue. With --format json, one object: task (code, title, deadline, status), asOf and \
                the indicators. --as-of takes the view at the end of that day (reports submitted by then, ledger \
                rows dated by then).
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case csv, json
        }

        @ArgumentParser.Argument(help: "The task's code (t11, s03-1).") var code: String
        @ArgumentParser.Option(name: .customLong("as-of"), help: "The day of the view, YYYY-MM-DD (default: now).")
        var asOf: String?
        @ArgumentParser.Option(help: "csv or json.") var format: Format = .csv

        func run() async throws {
            var stderr = FileHandleOutputStream.standardError
            let output = try await withDatabase { db, _ -> String? in
                let campaigns = Campaigns(db: db, caches: Campaigns.Caches(), sources: Campaigns.indicatorSources())
                let snapshot: CampaignSnapshot
                do { snapshot = try await campaigns.snapshot(now: Date(), asOf: asOf) } catch let error as ServiceError
                {
                    print("\(error)", to: &stderr)
                    return nil
                }
                guard let task = snapshot.loaded.task(code: code), let assessment = snapshot.assessments[code] else {
                    print("no task \(code) in plan \(snapshot.plan.code)", to: &stderr)
                    return nil
                }
                let lines = snapshot.indicatorLines(of: task)
                let day = snapshot.asOf ?? snapshot.calendar.civilDate(of: snapshot.now)
                switch format {
                case .csv:
                    var text = "task,indicator,name,unit,direction,target,current,source,status\n"
                    for line in lines {
                        let indicator = line.indicator
                        text +=
                            CSVWriter.record([
                                task.code, indicator.code, indicator.name, indicator.unit,
                                indicator.direction.rawValue, NumberText.csv(indicator.target),
                                line.current.map(NumberText.csv) ?? "", line.source, line.status.rawValue,
                            ]) + "\n"
                    }
                    return text
                case .json:
                    let json = TaskJSON(
                        task: .init(
                            code: task.code, title: task.title, deadline: task.deadline.description,
                            status: assessment.status.rawValue),
                        asOf: day.description,
                        indicators: lines.map {
                            .init(
                                code: $0.indicator.code, name: $0.indicator.name, unit: $0.indicator.unit,
                                direction: $0.indicator.direction.rawValue, target: $0.indicator.target,
                                current: $0.current, source: $0.source, status: $0.status.rawValue)
                        })
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    return String(decoding: try encoder.encode(json), as: UTF8.self) + "\n"
                }
            }
            guard let output else { throw ExitCode(1) }
            print(output, terminator: "")
        }
    }

    struct TaskJSON: Encodable {
        struct Task: Encodable {
            var code: String
            var title: String
            var deadline: String
            var status: String
        }

        struct Line: Encodable {
            var code: String
            var name: String
            var unit: String
            var direction: String
            var target: Double
            var current: Double?
            var source: String
            var status: String
        }

        var task: Task
        var asOf: String
        var indicators: [Line]
    }
}
