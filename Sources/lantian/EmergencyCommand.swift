import ArgumentParser
import Emergency
import Foundation
import LantianCore
import Seed
import Spreadsheet

struct EmergencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emergency",
        abstract: "Heavy-pollution response (重污染天气应急): warning levels from a forecast, emission-reduction lists.",
        subcommands: [Propose.self, List.self])

    /// `lantian emergency propose FILE [--rules shanxi-2020|national-2017|RULES.yaml] [--format csv|json]`
    /// (docs/EMERGENCY.md).
    struct Propose: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Propose the warning level a forecast calls for, episode by episode, with the reason.",
            discussion: """
                FILE: CSV (UTF-8 or GB18030) or .xlsx with a header row: time,aqi (hourly rolling-24h AQI, time \
                YYYY-MM-DDTHH:00, the hour ending then) or date,aqi (one 24-hour period a row, counted as 24 \
                hours); optionally sand_dust (1/0: sand-dust hours never count) and county. Output one row per \
                episode: level,from,to,hours_over_200,hours_over_300,max_aqi,reason (level none, blue, yellow, \
                orange or red; from and to the episode's start and end, YYYY-MM-DDTHH:00). Runs above 200 whose \
                gap is shorter than the edition's lifting time are one episode. A file with no hour above 200 \
                prints one none row. A bad row ends the command with exit status 1 and a message naming the line; \
                doubtful rows are reported on standard error.
                """)

        @ArgumentParser.Argument(help: "Forecast table (CSV or .xlsx).") var file: String
        @ArgumentParser.Option(help: "shanxi-2020 (default), national-2017, or a lantian-warning-rules/1 file.")
        var rules = "shanxi-2020"
        @ArgumentParser.Option(help: "csv or json.") var format: OutputFormat = .csv

        func run() throws {
            let edition = try EmergencyCommand.rules(rules)
            let forecasts = try EmergencyCommand.table(file, Forecast.read)
            var rows: [EpisodeRow] = []
            for forecast in forecasts {
                let prefix = forecast.county.isEmpty ? "" : "【\(forecast.county)】"
                for episode in WarningProposal.episodes(forecast, rules: edition) {
                    rows.append(EpisodeRow(episode, rules: edition, prefix: prefix))
                }
            }
            if rows.isEmpty, let first = forecasts.first?.hours.first, let last = forecasts.last?.hours.last {
                let counted = forecasts.flatMap(\.hours).filter { !$0.sandDust }.map(\.aqi)
                rows.append(
                    EpisodeRow(
                        level: WarningLevel.none.rawValue, from: HourClock.text(first.stamp.value - 1),
                        to: HourClock.text(last.stamp.value), hoursOver200: 0, hoursOver300: 0,
                        maxAQI: counted.max() ?? 0,
                        reason: "预报期内 AQI 均未超过 \(edition.episodeAbove)（沙尘时段不计）→ 不启动预警"))
            }
            try format.write(rows)
        }
    }

    /// `lantian emergency list --level yellow|orange|red --enterprises E.csv --totals T.csv [--measures M.csv]
    /// [--format csv|json]` (docs/EMERGENCY.md).
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The emission-reduction list at a level: cuts against the required share, and what closes a gap.",
            discussion: """
                E.csv: id,name,county,industry,grade,so2,nox,pm,vocs (t/yr; grade A, B, C, D, 引领性, 非引领性 or \
                保障类), optionally output (annual output value, the weight of output lost; without it each \
                enterprise counts as one). T.csv: pollutant,total (so2, nox, pm, vocs: the inventory's totals, \
                t/yr). M.csv: industry,grade,level,so2,nox,pm,vocs (shares cut, 0–1; industry * for any); without \
                it the shipped measures. Required shares are Shanxi's (晋政办发〔2020〕50号: yellow 10 %, orange \
                20 %, red 30 %). Output one row per pollutant: pollutant,total,reduction,share,required,shortfall \
                (t/yr and shares, 3 decimals; required and shortfall in t/yr), then, after an empty line, the \
                proposed additions that close the shortfall with the least output lost: \
                enterprise,measure,so2,nox,pm,vocs (the extra t/yr each adds). 保障类 enterprises are never \
                curtailed or proposed.
                """)

        enum Level: String, ExpressibleByArgument {
            case yellow, orange, red
        }

        @ArgumentParser.Option(help: "yellow, orange or red.") var level: Level
        @ArgumentParser.Option(help: "Enterprises CSV (or .xlsx).") var enterprises: String
        @ArgumentParser.Option(help: "Inventory totals CSV (pollutant,total).") var totals: String
        @ArgumentParser.Option(help: "Measures CSV (industry,grade,level,so2,nox,pm,vocs).") var measures: String?
        @ArgumentParser.Option(help: "csv or json.") var format: OutputFormat = .csv

        func run() throws {
            var stderr = FileHandleOutputStream.standardError
            let rules = try EmergencyCommand.rules("shanxi-2020")
            let table: MeasureTable
            if let measures {
                guard let read = try EmergencyCommand.table(measures, MeasuresFile.table).first else {
                    throw ExitCode(1)
                }
                table = read
            } else {
                table = try MeasuresFile.read(try SeedEmergency.measures)
            }
            let registry = try EmergencyCommand.table(enterprises) { rows in
                EnterpriseRegistry.enterprises(
                    rows, county: { $0.isEmpty ? nil : $0 },
                    industry: { table.industry($0)?.code ?? ($0.isEmpty ? nil : $0) },
                    industries: table.industries.map(\.code))
            }
            guard let inventory = try EmergencyCommand.table(totals, EnterpriseRegistry.inventory).first else {
                throw ExitCode(1)
            }
            let warningLevel = WarningLevel(rawValue: level.rawValue)!
            let list = ReductionList(
                enterprises: registry, measures: table, level: warningLevel, inventory: inventory,
                requiredShare: rules.requiredCuts[warningLevel] ?? .zero)
            for enterprise in list.withoutMeasure {
                print(
                    "\(enterprises): \(enterprise.id): no measure for \(enterprise.industry) \(enterprise.grade.rawValue) at \(level.rawValue); it cuts nothing",
                    to: &stderr)
            }
            if !list.exempt.isEmpty {
                print(
                    "保障类 \(list.exempt.count) 家另列，不限产、不参与补足：\(list.exempt.map(\.id).joined(separator: ", "))",
                    to: &stderr)
            }
            let proposal = list.proposal(levels: rules.levels)
            if !proposal.residual.isZero {
                let left = EmissionPollutant.allCases.filter { proposal.residual[$0] > 0 }
                    .map { "\($0.rawValue) \(NumberText.threeDecimals(proposal.residual[$0]))" }
                print("即使所列企业全部采取最严措施，仍差（吨/年）：\(left.joined(separator: ", "))", to: &stderr)
            }
            if !proposal.proven {
                print(
                    "补足方案在搜索上限内得出，未证明最优：损失产出 \(NumberText.csv(proposal.cost))，"
                        + "任何补足方案不少于 \(NumberText.csv(proposal.lowerBound))", to: &stderr)
            }
            let accounts = list.accounts.map(AccountRow.init)
            let additions = proposal.additions.map(AdditionRow.init)
            switch format {
            case .json:
                try OutputFormat.printJSON(
                    ListJSON(
                        level: level.rawValue, pollutants: accounts, additions: additions,
                        closesGap: proposal.residual.isZero, proven: proposal.proven, exempt: list.exempt.map(\.id)))
            case .csv:
                var out = StandardOutput()
                out.line(CSVWriter.record(AccountRow.header))
                for row in accounts { out.line(CSVWriter.record(row.csv)) }
                out.line("")
                out.line(CSVWriter.record(AdditionRow.header))
                for row in additions { out.line(CSVWriter.record(row.csv)) }
                out.flush()
            }
        }
    }
}

extension EmergencyCommand {
    /// A shipped edition by code, or a `lantian-warning-rules/1` file; a bad file ends the command naming every
    /// problem.
    static func rules(_ name: String) throws -> WarningRules {
        var stderr = FileHandleOutputStream.standardError
        do {
            let text =
                SeedEmergency.ruleCodes.contains(name)
                ? try SeedEmergency.rules(name) : try String(contentsOfFile: name, encoding: .utf8)
            return try WarningRulesFile.read(text)
        } catch let rejected as WarningRulesFile.Rejected {
            print("\(name): \(rejected)", to: &stderr)
        } catch {
            print(
                "\(name): neither a shipped edition (\(SeedEmergency.ruleCodes.joined(separator: ", "))) nor a readable file",
                to: &stderr)
        }
        throw ExitCode(1)
    }

    /// The records `read` makes of the table at `path` (CSV or .xlsx). Warnings go to standard error; a problem
    /// ends the command with exit status 1, each named with its line and field.
    static func table<T>(_ path: String, _ read: ([SheetRow]) -> TableRead<T>) throws -> [T] {
        var stderr = FileHandleOutputStream.standardError
        let rows: [SheetRow]
        do {
            rows = try SheetFile.rows(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            print("\(path): not readable (\(error))", to: &stderr)
            throw ExitCode(1)
        }
        let result = read(rows)
        for warning in result.warnings { print("\(path): warning: \(warning)", to: &stderr) }
        guard result.problems.isEmpty else {
            for problem in result.problems { print("\(path): \(problem)", to: &stderr) }
            throw ExitCode(1)
        }
        return result.records
    }
}

/// One output row of `lantian emergency propose`.
struct EpisodeRow: TableRow {
    var level: String
    var from: String
    var to: String
    var hoursOver200: Int
    var hoursOver300: Int
    var maxAQI: Int
    var reason: String

    static let header = ["level", "from", "to", "hours_over_200", "hours_over_300", "max_aqi", "reason"]

    var csv: [String] { [level, from, to, String(hoursOver200), String(hoursOver300), String(maxAQI), reason] }

    enum CodingKeys: String, CodingKey {
        case level, from, to, reason
        case hoursOver200 = "hours_over_200"
        case hoursOver300 = "hours_over_300"
        case maxAQI = "max_aqi"
    }
}

extension EpisodeRow {
    init(_ episode: Episode, rules: WarningRules, prefix: String) {
        self.init(
            level: episode.level.rawValue, from: HourClock.text(episode.start), to: HourClock.text(episode.end),
            hoursOver200: episode.hours(above: rules.episodeAbove), hoursOver300: episode.hours(above: 300),
            maxAQI: episode.maxAQI, reason: prefix + episode.reason)
    }
}

/// One pollutant row of `lantian emergency list`.
struct AccountRow: Encodable {
    var pollutant: String
    var total: Double
    var reduction: Double
    var share: Double
    var required: Double
    var shortfall: Double

    static let header = ["pollutant", "total", "reduction", "share", "required", "shortfall"]

    init(_ account: ReductionList.Account) {
        pollutant = account.pollutant.rawValue
        total = account.total
        reduction = account.reduction
        share = account.share
        required = account.required
        shortfall = account.shortfall
    }

    var csv: [String] { [pollutant] + [total, reduction, share, required, shortfall].map(NumberText.threeDecimals) }
}

/// One proposed addition of `lantian emergency list`.
struct AdditionRow: Encodable {
    var enterprise: String
    var name: String
    var measure: String
    var so2: Double
    var nox: Double
    var pm: Double
    var vocs: Double

    static let header = ["enterprise", "measure", "so2", "nox", "pm", "vocs"]

    init(_ addition: ReductionList.Addition) {
        enterprise = addition.enterprise.id
        name = addition.enterprise.name
        measure = addition.measure.text
        so2 = addition.extra.so2
        nox = addition.extra.nox
        pm = addition.extra.pm
        vocs = addition.extra.vocs
    }

    var csv: [String] { [enterprise, measure] + [so2, nox, pm, vocs].map(NumberText.threeDecimals) }
}

/// `lantian emergency list --format json`.
struct ListJSON: Encodable {
    var level: String
    var pollutants: [AccountRow]
    var additions: [AdditionRow]
    var closesGap: Bool
    var proven: Bool
    var exempt: [String]

    enum CodingKeys: String, CodingKey {
        case level, pollutants, additions, proven, exempt
        case closesGap = "closes_gap"
    }
}
