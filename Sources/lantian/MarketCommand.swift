import ArgumentParser
import Foundation
import LantianCore
import MarketSupervision
import Seed

struct MarketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "market", abstract: "Market supervision (市场监管): spot-check verdicts by product standard.",
        subcommands: [Verdict.self])

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
            var stderr = FileHandleOutputStream.standardError
            let library = try StandardsFile.read(try SeedStandards.market)
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                print("\(file): not readable as UTF-8 text (\(error.localizedDescription))", to: &stderr)
                throw ExitCode(1)
            }
            switch LabBatch.read(text, library: library) {
            case .failure(let issue):
                print("\(file): \(issue)", to: &stderr)
                throw ExitCode(1)
            case .success(let batches):
                let rows = batches.map { batch in
                    let verdict = MarketSupervision.Verdict(
                        batch.values, against: batch.standard, method: method.method)
                    return VerdictRow(
                        batch: batch.batch, product: batch.product, standard: batch.standard.standard,
                        method: verdict.method.rawValue, verdict: verdict.chinese,
                        failed: VerdictTable.failed(verdict), csv: VerdictTable.row(batch, verdict))
                }
                try format.write(rows)
            }
        }
    }
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
