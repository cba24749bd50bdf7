import LantianCore
import Yams

/// Reads the measures table: a `lantian-measures/1` file (YAML, docs/EMERGENCY.md), what ships and what the
/// office edits, or a plain `industry,grade,level,so2,nox,pm,vocs` table of shares. A file with any problem is
/// rejected whole, every problem named.
public enum MeasuresFile {
    public static let formatName = "lantian-measures/1"

    public struct Rejected: Error, Sendable, CustomStringConvertible {
        public var issues: [DocumentIssue]

        public var description: String {
            "measures rejected, \(issues.count) problem(s):\n" + issues.map { "  \($0)" }.joined(separator: "\n")
        }
    }

    public static func read(_ text: String) throws(Rejected) -> MeasureTable {
        let root: Node?
        switch YAMLReader.compose(text) {
        case .success(let node): root = node
        case .failure(let issue): throw Rejected(issues: [issue])
        }
        let reader = YAMLReader()
        guard let top = reader.fields(root, at: "", allowed: ["format", "industries", "measures"]) else {
            throw Rejected(issues: [DocumentIssue(path: "", line: nil, reason: "the file is empty")])
        }
        if let format = reader.string(top, "format"), format != formatName {
            reader.report("format", top["format"], "expected \"\(formatName)\", found \"\(format)\"")
        }
        var industries: [MeasureTable.Industry] = []
        for (path, node) in reader.sequence(top, "industries", required: true) {
            guard let fields = reader.fields(node, at: path, allowed: ["code", "name"]),
                let code = reader.slug(fields, "code"), let name = reader.string(fields, "name")
            else { continue }
            if industries.contains(where: { $0.code == code }) {
                reader.report(fields.path("code"), fields["code"], "industry \(code) given twice")
            }
            industries.append(.init(code: code, name: name))
        }
        var measures: [Measure] = []
        var seen = Set<String>()
        let allowed: Set<String> = [
            "industry", "grade", "level", "text", "cut", "stops", "output", "verified", "source",
        ]
        for (path, node) in reader.sequence(top, "measures", required: true) {
            guard let fields = reader.fields(node, at: path, allowed: allowed) else { continue }
            let industry = reader.string(fields, "industry")
            if let industry, industry != "*", !industries.contains(where: { $0.code == industry }) {
                reader.report(fields.path("industry"), fields["industry"], "\"\(industry)\" is not a listed industry")
            }
            let gradeText = reader.string(fields, "grade")
            let grade = gradeText.flatMap(PerformanceGrade.init(cell:))
            if let gradeText, grade == nil || grade == .exempt {
                reader.report(fields.path("grade"), fields["grade"], "\"\(gradeText)\" is not a curtailed grade")
            }
            let level = reader.choice(fields, "level", WarningLevel.self)
            let text = reader.string(fields, "text")
            var cut: Emissions? = .zero
            if let node = fields["cut"] { cut = WarningRulesFile.share(node, at: fields.path("cut"), reader) }
            var stops: [String: Double] = [:]
            if let node = fields["stops"], case .mapping(let mapping) = node {
                for (key, value) in mapping {
                    guard let kind = key.string, let share = value.string.flatMap(Double.init), share > 0, share <= 1
                    else {
                        reader.report(fields.path("stops"), value, "each stop is kind: share of its units (0–1]")
                        continue
                    }
                    stops[kind] = share
                }
            } else if fields["stops"] != nil {
                reader.report(fields.path("stops"), fields["stops"], "expected kind: share pairs")
            }
            let output = reader.number(fields, "output", required: false)
            if let output, !(0...1).contains(output) {
                reader.report(fields.path("output"), fields["output"], "output lost is a share from 0 to 1")
            }
            let verified = reader.string(fields, "verified", required: false) == "true"
            guard let industry, let grade, let level, let text, let cut else { continue }
            if !seen.insert("\(industry)|\(grade.rawValue)|\(level.rawValue)").inserted {
                reader.report(path, node, "\(industry) \(grade.rawValue) \(level.rawValue) given twice")
            }
            measures.append(
                Measure(
                    industry: industry, grade: grade, level: level, text: text, cut: cut, stops: stops, output: output,
                    verified: verified, source: reader.string(fields, "source", required: false) ?? ""))
        }
        guard reader.issues.isEmpty else {
            throw Rejected(issues: reader.issues.sorted { ($0.line ?? 0, $0.path) < ($1.line ?? 0, $1.path) })
        }
        return MeasureTable(industries: industries, measures: measures)
    }

    /// A table of shares (`industry,grade,level,so2,nox,pm,vocs`); the industries are those it names, and the
    /// measure's text is written from its shares.
    public static func table(_ rows: [SheetRow]) -> TableRead<MeasureTable> {
        var read = TableRead<MeasureTable>()
        let columns: [SheetTable.Column] =
            [
                .init("industry", ["行业"], required: true), .init("grade", ["绩效等级"], required: true),
                .init("level", ["预警级别"], required: true), .init("text", ["措施"]),
            ]
            + EmissionPollutant.allCases.map { .init($0.rawValue, required: true) }
        let table: SheetTable
        switch SheetTable.read(rows, columns: columns) {
        case .failure(let issue): return TableRead(problems: [issue])
        case .success(let t): table = t
        }
        var measures: [Measure] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let industry = table.value("industry", in: row)
            if industry.isEmpty { read.problem(row.line, "industry", "行业为空") }
            let gradeText = table.value("grade", in: row)
            let grade = PerformanceGrade(cell: gradeText)
            if grade == nil || grade == .exempt { read.problem(row.line, "grade", "“\(gradeText)”不是限产的绩效等级") }
            let levelText = table.value("level", in: row)
            let level = WarningLevel(cell: levelText)
            if level == nil || level == WarningLevel.none {
                read.problem(row.line, "level", "“\(levelText)”不是预警级别（blue、yellow、orange、red）")
            }
            var cut = Emissions()
            for pollutant in EmissionPollutant.allCases {
                let text = table.value(pollutant.rawValue, in: row)
                guard let share = Double(text), (0...1).contains(share) else {
                    read.problem(row.line, pollutant.rawValue, "“\(text)”不是 0–1 之间的削减比例")
                    continue
                }
                cut[pollutant] = share
            }
            guard let grade, let level, !industry.isEmpty else { continue }
            let key = "\(industry)|\(grade.rawValue)|\(level.rawValue)"
            if let first = seen[key] { read.problem(row.line, "level", "与第 \(first) 行重复") }
            seen[key] = row.line
            let text = table.value("text", in: row)
            measures.append(
                Measure(
                    industry: industry, grade: grade, level: level, text: text.isEmpty ? Measure.text(for: cut) : text,
                    cut: cut))
        }
        if table.rows.isEmpty { read.problem(table.headerLine, "rows", "表头之后没有数据行") }
        var industries: [MeasureTable.Industry] = []
        for measure in measures
        where measure.industry != "*" && !industries.contains(where: { $0.code == measure.industry }) {
            industries.append(.init(code: measure.industry, name: measure.industry))
        }
        read.records = [MeasureTable(industries: industries, measures: measures)]
        return read
    }
}
