import ArgumentParser
import Foundation
import LantianCore
import MarketSupervision
import Seed

struct MarketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "market", abstract: "Market supervision (市场监管): spot-check verdicts by product standard.",
        subcommands: [Verdict.self, Trace.self, Draw.self])

    /// `lantian market verdict FILE [--method standard|rounded|full] [--format csv|json]` (docs/MARKET.md).
    struct Verdict: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Judge lab results against the bundled product standards (合格 / 不合格).",
            discussion: """
                FILE: CSV with a header row, columns batch,product,item,value and optionally standard (the edition \
                cited, e.g. GB 19147-2016) and sampled_on (YYYY-MM-DD: the edition in force that day; default the \
                latest edition). Values are read as written, never through binary floating point. One output row per \
                batch: batch,product,verdict,failed — verdict 合格 or 不合格, failed the failed items as \
                item:value>limit separated by ';'. An unknown product or item, or a value that is not a number, ends \
                the command with exit status 1 and a message naming the line; nothing is printed on standard output.
                """)

        @ArgumentParser.Argument(help: "Lab results CSV (UTF-8).") var file: String
        @ArgumentParser.Option(
            help: "standard (each standard's own method), rounded (修约值比较法) or full (全数值比较法).")
        var method: MethodChoice = .standard
        @ArgumentParser.Option(help: "csv or json.") var format: OutputFormat = .csv

        enum MethodChoice: String, ExpressibleByArgument {
            case standard, rounded, full

            var method: Limit.Method? {
                switch self {
                case .standard: nil
                case .rounded: .rounded
                case .full: .full
                }
            }
        }

        func run() throws {
            let library = try StandardsFile.read(try SeedStandards.market)
            let batches = try MarketCommand.load(file) { LabBatch.read($0, library: library) }
            let rows = batches.map { batch in
                let verdict = MarketSupervision.Verdict(batch.values, against: batch.standard, method: method.method)
                return VerdictRow(
                    batch: batch.batch, product: batch.product, standard: batch.standard.standard,
                    method: verdict.method.rawValue, verdict: verdict.chinese,
                    failed: VerdictTable.failed(verdict), csv: VerdictTable.row(batch, verdict))
            }
            try format.write(rows)
        }
    }
}

extension MarketCommand {
    /// `lantian market trace --deliveries D.csv --station ID --product P --since DAY [--window-days 30]`.
    struct Trace: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "追根溯源: where a station's product came from, and who else those suppliers delivered it to.",
            discussion: """
                D.csv: CSV with a header row, columns from,to,date,product,volume (one delivery a row). Output \
                rows node,relation,path: the station's suppliers, theirs and so on (relation upstream, path \
                S<-D<-R), then the nodes those suppliers delivered the product to within --window-days of their \
                delivery toward the station (relation co-supplied, path S<-D<-R->X). Only deliveries of the \
                product dated on or after --since count; upstream, a delivery counts only if no later than the one \
                it fed. Cycles in the data are reported on standard error and not followed. A bad row ends the \
                command with exit status 1 and a message naming the line.
                """)

        @ArgumentParser.Option(help: "Deliveries CSV (from,to,date,product,volume).") var deliveries: String
        @ArgumentParser.Option(help: "The station whose batch failed.") var station: String
        @ArgumentParser.Option(help: "The product (as the deliveries file names it).") var product: String
        @ArgumentParser.Option(help: "First day of deliveries to consider (YYYY-MM-DD).") var since: String
        @ArgumentParser.Option(help: "Days either side of a supplier's delivery that count as the same supply.")
        var windowDays = 30

        func run() throws {
            var stderr = FileHandleOutputStream.standardError
            guard let day = CivilDate(since) else {
                print("--since: \"\(since)\" is not a YYYY-MM-DD date", to: &stderr)
                throw ExitCode(1)
            }
            guard windowDays >= 0 else {
                print("--window-days: must not be negative", to: &stderr)
                throw ExitCode(1)
            }
            let rows = try MarketCommand.load(deliveries, Delivery.read)
            let trace = SupplyTrace(
                from: station, product: product, since: day, windowDays: windowDays, deliveries: rows)
            for cycle in trace.cycles {
                print("\(deliveries): cycle in the deliveries, not followed: \(cycle)", to: &stderr)
            }
            var out = StandardOutput()
            out.line(CSVWriter.record(["node", "relation", "path"]))
            for node in trace.nodes { out.line(CSVWriter.record([node.node, node.relation.rawValue, node.path])) }
            out.flush()
        }
    }
}

extension MarketCommand {
    /// `lantian market draw --objects O.csv --inspectors I.csv (--count N | --ratio R) [--per-object 2]
    /// [--stratify county] --seed TEXT [--format csv|json]`.
    struct Draw: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "双随机: draw objects and their inspectors, verifiably (same inputs and seed, same result).",
            discussion: """
                O.csv: id,name,county[,class]. I.csv: id,name,unit[,conflicts] (object ids separated by ';'). \
                Output rows object,inspector. The SHA-256 of the inputs is printed on standard error: publish it \
                before the seed is known; take the seed from a value fixed in advance and published later. \
                Inspectors with a conflict are never assigned; an object's inspectors come from different units \
                where the eligible inspectors allow.
                """)

        enum Stratum: String, ExpressibleByArgument {
            case county
            case `class`
        }

        @ArgumentParser.Option(help: "Object database CSV.") var objects: String
        @ArgumentParser.Option(help: "Inspector database CSV.") var inspectors: String
        @ArgumentParser.Option(help: "How many objects to draw.") var count: Int?
        @ArgumentParser.Option(help: "What share of the objects to draw (0–1, rounded up).") var ratio: Double?
        @ArgumentParser.Option(help: "Inspectors per object.") var perObject = 2
        @ArgumentParser.Option(help: "Draw within each county (county) or risk class (class) separately.")
        var stratify: Stratum?
        @ArgumentParser.Option(help: "The published random value the draw is made from.") var seed: String
        @ArgumentParser.Option(help: "csv or json.") var format: OutputFormat = .csv

        func validate() throws {
            if (count == nil) == (ratio == nil) { throw ValidationError("give exactly one of --count and --ratio") }
        }

        func run() throws {
            var stderr = FileHandleOutputStream.standardError
            let objectRows = try MarketCommand.load(objects, RandomDraw.objects)
            let inspectorRows = try MarketCommand.load(inspectors, RandomDraw.inspectors)
            let draw: RandomDraw
            do {
                draw = try RandomDraw(
                    objects: objectRows, inspectors: inspectorRows,
                    size: count.map { .count($0) } ?? .ratio(ratio ?? 0), perObject: perObject,
                    strata: stratify.map { $0 == .county ? .county : .riskClass } ?? .none, seed: seed)
            } catch {
                print("draw refused: \(error)", to: &stderr)
                throw ExitCode(1)
            }
            print("inputs sha256: \(draw.inputsHash)", to: &stderr)
            let rows = draw.assignments.flatMap { assignment in
                assignment.inspectors.map { DrawRow(object: assignment.object, inspector: $0) }
            }
            try format.write(rows)
        }
    }
}

extension MarketCommand {
    /// What `read` makes of the UTF-8 file at `path`. A file that cannot be read, or a bad row, ends the command
    /// with exit status 1 and one message on standard error naming the file (and the line and column).
    static func load<T>(_ path: String, _ read: (String) -> Result<T, ImportIssue>) throws -> T {
        var stderr = FileHandleOutputStream.standardError
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            print("\(path): not readable as UTF-8 text (\(error.localizedDescription))", to: &stderr)
            throw ExitCode(1)
        }
        switch read(text) {
        case .success(let value): return value
        case .failure(let issue):
            print("\(path): \(issue)", to: &stderr)
            throw ExitCode(1)
        }
    }
}

/// One output row of `lantian market draw`.
struct DrawRow: TableRow {
    var object: String
    var inspector: String

    static let header = ["object", "inspector"]

    var csv: [String] { [object, inspector] }
}

/// One output row of `lantian market verdict` (``VerdictTable``); JSON adds the edition and method.
struct VerdictRow: TableRow {
    var batch: String
    var product: String
    var standard: String
    var method: String
    var verdict: String
    var failed: [String]
    let csv: [String]

    static var header: [String] { VerdictTable.header }

    enum CodingKeys: String, CodingKey {
        case batch, product, standard, method, verdict, failed
    }
}
