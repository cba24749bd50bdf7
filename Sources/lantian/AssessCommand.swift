import ArgumentParser
import Assessment
import Foundation
import LantianCore
import Services

/// `lantian assess --from DAY --to DAY [--format csv|json]` (docs/ASSESSMENT.md, a contract).
struct AssessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess", abstract: "Score and rank every unit for a period (考核).",
        discussion: """
            CSV under a header: unit,score,rank,parts — one line a unit, the best first. score is out of 100 (one \
            place) over the parts that apply to the unit; rank is shared by equal scores (1, 1, 3); parts is \
            code:points/weight per part, `;`-separated, n/a where a part does not apply. With --format json, an \
            array of objects with the same four keys, parts each with code, name, weight, points, reason and facts. \
            The period's days are inclusive; the scheme is the shipped one (Seed/Resources/assessment/scoring.yaml).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @ArgumentParser.Option(help: "The first day, YYYY-MM-DD.") var from: String
    @ArgumentParser.Option(help: "The last day, YYYY-MM-DD (not after today).") var to: String
    @ArgumentParser.Option(help: "csv or json.") var format: Format = .csv

    func run() async throws {
        var stderr = FileHandleOutputStream.standardError
        guard let first = CivilDate(from), let last = CivilDate(to) else {
            print("--from and --to should be days, YYYY-MM-DD", to: &stderr)
            throw ExitCode(1)
        }
        let scheme = try Assessments.shippedScheme()
        let result = try await withDatabase { db, _ -> Assessments.Result? in
            let campaigns = Campaigns(db: db, caches: Campaigns.Caches(), sources: Campaigns.indicatorSources())
            do {
                return try await Assessments(campaigns: campaigns).assess(
                    from: first, to: last, scheme: scheme, now: Date())
            } catch let error as ServiceError {
                print("\(error)", to: &stderr)
                return nil
            }
        }
        guard let result else { throw ExitCode(1) }
        let units = result.scorecard.units
        switch format {
        case .csv:
            var text = "unit,score,rank,parts\n"
            for unit in units {
                text +=
                    CSVWriter.record([
                        unit.code, unit.score.map { NumberText.fixed($0, places: 1) } ?? "",
                        unit.rank.map(String.init) ?? "", Scorecard.partsText(unit),
                    ]) + "\n"
            }
            print(text, terminator: "")
        case .json:
            let rows = units.map { unit in
                UnitJSON(
                    unit: unit.code, score: unit.score.map { ($0 * 10).rounded(.toNearestOrEven) / 10 },
                    rank: unit.rank,
                    parts: unit.parts.map {
                        PartJSON(
                            code: $0.code, name: $0.name, weight: $0.weight,
                            points: $0.points.map { ($0 * 10).rounded(.toNearestOrEven) / 10 }, reason: $0.reason,
                            facts: $0.facts)
                    })
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
        }
    }

    /// Every key always present: a unit without a score, a part that does not apply, write `null`.
    struct UnitJSON: Encodable {
        var unit: String
        var score: Double?
        var rank: Int?
        var parts: [PartJSON]

        enum CodingKeys: String, CodingKey { case unit, score, rank, parts }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(unit, forKey: .unit)
            try container.encode(score, forKey: .score)
            try container.encode(rank, forKey: .rank)
            try container.encode(parts, forKey: .parts)
        }
    }

    struct PartJSON: Encodable {
        var code: String
        var name: String
        var weight: Double
        var points: Double?
        var reason: String
        var facts: [String]

        enum CodingKeys: String, CodingKey { case code, name, weight, points, reason, facts }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(name, forKey: .name)
            try container.encode(weight, forKey: .weight)
            try container.encode(points, forKey: .points)
            try container.encode(reason, forKey: .reason)
            try container.encode(facts, forKey: .facts)
        }
    }
}
