import ArgumentParser
import Foundation
import LantianCore
import SourceMonitoring
import Spreadsheet

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "Pollution-source monitoring (污染源监测): online-monitoring data checks.",
        subcommands: [Scan.self])

    /// `lantian sources scan FILE… [--limits L.csv] [--format csv|json]` (docs/SOURCES.md).
    struct Scan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Scan online-monitoring data with the anomaly rules; stores nothing.",
            discussion: """
                FILE: (a) a table with HJ 212 field codes as columns (MN,DataTime,a21026-Avg,a21026-Flag,…) or (b) \
                raw HJ 212 packets, one a line; told apart by the first line. Minute data is made into hours (≥ 45 \
                valid minutes, HJ 75/76-2017). L.csv: mn,factor,limit[,o2_ref] (mg/m³; o2_ref in %: the limit is \
                judged on the oxygen-corrected value). Output one row per hit: mn,factor,rule,from,to,detail; rule \
                one of exceedance, constant, zero_while_running, range_limit, missing, o2_inconsistent, \
                flag_invalid; from and to as YYYY-MM-DDTHH:MM (the first hour's start, the last hour's end). A \
                packet with a wrong CRC or a bad row ends the command with exit status 1 and a message naming the \
                file and line; tolerated deviations (a wrong length field, milliseconds) are reported on standard \
                error.
                """)

        @ArgumentParser.Argument(help: "Monitoring data files.") var files: [String]
        @ArgumentParser.Option(help: "Limits CSV (mn,factor,limit[,o2_ref]).") var limits: String?
        @ArgumentParser.Option(help: "csv or json.") var format: OutputFormat = .csv

        func run() throws {
            var stderr = FileHandleOutputStream.standardError
            var records: [MonitoringRecord] = []
            for file in files {
                let text: String
                do {
                    text = try SheetFile.decodeText(try Data(contentsOf: URL(fileURLWithPath: file)))
                } catch {
                    print("\(file): not readable (\(error))", to: &stderr)
                    throw ExitCode(1)
                }
                let read = MonitoringFile.read(text)
                for warning in read.warnings { print("\(file): warning: \(warning)", to: &stderr) }
                guard read.problems.isEmpty else {
                    for problem in read.problems { print("\(file): \(problem)", to: &stderr) }
                    throw ExitCode(1)
                }
                records += read.records
            }
            var table: [String: [String: AnomalyScan.Limit]] = [:]
            if let limits {
                for row in try EmergencyCommand.table(limits, OutletRegister.limits) {
                    table[row.mn, default: [:]][row.factor] = row.rule.limit
                }
            }
            let hits = OutletSeries.build(records).flatMap { AnomalyScan.scan($0, limits: table[$0.mn] ?? [:]) }
            try format.write(
                hits.map {
                    HitRow(
                        mn: $0.mn, factor: $0.factor, rule: $0.rule.rawValue, from: $0.from.text, to: $0.to.text,
                        detail: $0.detail)
                })
        }
    }
}

/// One output row of `lantian sources scan`.
struct HitRow: TableRow {
    var mn: String
    var factor: String
    var rule: String
    var from: String
    var to: String
    var detail: String

    static let header = ["mn", "factor", "rule", "from", "to", "detail"]

    var csv: [String] { [mn, factor, rule, from, to, detail] }
}
