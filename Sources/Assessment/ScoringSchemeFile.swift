import Campaign
import LantianCore
import Yams

/// Reads a `lantian-scoring/1` file (YAML, docs/ASSESSMENT.md) into a ``ScoringScheme``, checked whole: every
/// problem with its path and line, nothing accepted from a file with any.
public enum ScoringSchemeFile {
    public static let formatName = "lantian-scoring/1"

    public struct Rejected: Error, Sendable, CustomStringConvertible {
        public var issues: [DocumentIssue]

        public var description: String {
            "scoring scheme rejected, \(issues.count) problem(s):\n" + issues.map { "  \($0)" }.joined(separator: "\n")
        }
    }

    public static func read(_ text: String) throws(Rejected) -> ScoringScheme {
        let root: Node?
        switch YAMLReader.compose(text) {
        case .success(let node): root = node
        case .failure(let issue): throw Rejected(issues: [issue])
        }
        let reader = YAMLReader()
        let keys: Set<String> = [
            "format", "code", "title", "parts", "status-credit", "late-credit", "full-improvement",
            "late-reports-for-accountability",
        ]
        guard let top = reader.fields(root, at: "", allowed: keys) else {
            throw Rejected(issues: [DocumentIssue(path: "", line: nil, reason: "the file is empty")])
        }
        if let format = reader.string(top, "format"), format != formatName {
            reader.report("format", top["format"], "expected \"\(formatName)\", found \"\(format)\"")
        }
        let code = reader.slug(top, "code")
        let title = reader.string(top, "title")
        var parts: [ScoringScheme.Part] = []
        for (path, node) in reader.sequence(top, "parts", required: true) {
            guard let f = reader.fields(node, at: path, allowed: ["code", "name", "weight", "measure"]),
                let partCode = reader.slug(f, "code"), let weight = reader.number(f, "weight"),
                let measure = reader.choice(f, "measure", ScoringScheme.Measure.self)
            else { continue }
            if weight <= 0 || weight > 100 {
                reader.report(f.path("weight"), f["weight"], "a weight is above 0 and at most 100")
            }
            if parts.contains(where: { $0.code == partCode }) {
                reader.report(f.path("code"), f["code"], "part \"\(partCode)\" given twice")
            }
            parts.append(
                ScoringScheme.Part(
                    code: partCode, name: reader.string(f, "name", required: false) ?? measure.chinese, weight: weight,
                    measure: measure))
        }
        var credit = ScoringScheme.defaultStatusCredit
        if top["status-credit"] != nil,
            let f = reader.fields(
                top["status-credit"], at: "status-credit", allowed: Set(TaskStatus.allCases.map(\.rawValue)))
        {
            for status in TaskStatus.allCases where f[status.rawValue] != nil {
                if let value = reader.number(f, status.rawValue) {
                    if value < 0 || value > 1 {
                        reader.report(f.path(status.rawValue), f[status.rawValue], "a credit is from 0 to 1")
                    }
                    credit[status] = value
                }
            }
        }
        let late = top["late-credit"] != nil ? reader.number(top, "late-credit") : 0.5
        if let late, late < 0 || late > 1 {
            reader.report("late-credit", top["late-credit"], "a credit is from 0 to 1")
        }
        let full = top["full-improvement"] != nil ? reader.number(top, "full-improvement") : 0.1
        if let full, full <= 0 || full > 1 {
            reader.report("full-improvement", top["full-improvement"], "a share above 0 and at most 1 (0.1 = 10 %)")
        }
        let lateCount =
            top["late-reports-for-accountability"] != nil
            ? reader.int(top, "late-reports-for-accountability", in: 1...100) : 2
        guard reader.issues.isEmpty, let code, let title, let late, let full, let lateCount else {
            throw Rejected(issues: reader.issues)
        }
        return ScoringScheme(
            code: code, title: title, parts: parts, statusCredit: credit, lateCredit: late, fullImprovement: full,
            lateReportsForAccountability: lateCount)
    }
}
