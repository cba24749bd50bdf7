import LantianCore
import Yams

/// Reads a `lantian-standards/1` file (YAML, see docs/MARKET.md) into a ``StandardsLibrary``: the product
/// standards in editions, each item's limit as written. The whole file is checked first; a file with any problem
/// is rejected whole, every problem listed with its path and line.
public enum StandardsFile {
    public static let formatName = "lantian-standards/1"

    /// A standards file that cannot be loaded.
    public struct Rejected: Error, Sendable, CustomStringConvertible {
        public var issues: [DocumentIssue]

        public var description: String {
            "standards file rejected, \(issues.count) problem(s):\n" + issues.map { "  \($0)" }.joined(separator: "\n")
        }
    }

    public static func read(_ text: String) throws(Rejected) -> StandardsLibrary {
        let root: Node?
        switch YAMLReader.compose(text) {
        case .success(let node): root = node
        case .failure(let issue): throw Rejected(issues: [issue])
        }
        let reader = YAMLReader()
        var editions: [ProductStandard] = []
        if let top = reader.fields(root, at: "", allowed: ["format", "editions"]) {
            if let format = reader.string(top, "format"), format != formatName {
                reader.report("format", top["format"], "expected \"\(formatName)\", found \"\(format)\"")
            }
            for (path, node) in reader.sequence(top, "editions", required: true) {
                if let edition = self.edition(node, at: path, reader) { editions.append(edition) }
            }
        } else {
            reader.report("", root, "the file is empty")
        }
        var seen = Set<String>()
        for edition in editions where !seen.insert("\(edition.product)|\(edition.effective)").inserted {
            reader.report("editions", nil, "\(edition.product): two editions take effect on \(edition.effective)")
        }
        guard reader.issues.isEmpty else {
            throw Rejected(issues: reader.issues.sorted { ($0.line ?? 0, $0.path) < ($1.line ?? 0, $1.path) })
        }
        return StandardsLibrary(editions: editions)
    }

    private static func edition(_ node: Node, at path: String, _ reader: YAMLReader) -> ProductStandard? {
        guard
            let fields = reader.fields(
                node, at: path,
                allowed: ["product", "name", "standard", "title", "effective", "method", "method-note", "items"])
        else { return nil }
        let product = reader.slug(fields, "product")
        let name = reader.string(fields, "name")
        let standard = reader.string(fields, "standard")
        let title = reader.string(fields, "title")
        let effective = reader.date(fields, "effective")
        let method = reader.choice(fields, "method", Limit.Method.self)
        let note = reader.string(fields, "method-note", required: false)
        var items: [ProductStandard.Item] = []
        var codes = Set<String>()
        for (itemPath, itemNode) in reader.sequence(fields, "items", required: true) {
            guard let item = self.item(itemNode, at: itemPath, reader) else { continue }
            if !codes.insert(item.code).inserted {
                reader.report(itemPath, itemNode, "item \"\(item.code)\" given twice")
            }
            items.append(item)
        }
        guard let product, let name, let standard, let title, let effective, let method else { return nil }
        return ProductStandard(
            product: product, productName: name, standard: standard, title: title, effective: effective,
            method: method, methodNote: note, items: items)
    }

    private static func item(_ node: Node, at path: String, _ reader: YAMLReader) -> ProductStandard.Item? {
        guard
            let fields = reader.fields(
                node, at: path, allowed: ["code", "name", "unit", "max", "min", "verified", "source"])
        else { return nil }
        let code = reader.slug(fields, "code")
        let name = reader.string(fields, "name")
        let unit = reader.string(fields, "unit", required: false) ?? ""
        func bound(_ key: String) -> MeasuredValue? {
            guard let text = reader.string(fields, key, required: false) else { return nil }
            guard let value = MeasuredValue(text) else {
                reader.report(
                    fields.path(key), fields[key], "\"\(text)\" is not a number as written (digits, one point)")
                return nil
            }
            return value
        }
        let low = bound("min")
        let high = bound("max")
        let verified: Bool
        switch reader.string(fields, "verified", required: false) {
        case nil, "false": verified = false
        case "true": verified = true
        case let other?:
            reader.report(fields.path("verified"), fields["verified"], "\"\(other)\" is not true or false")
            verified = false
        }
        let limit: Limit?
        switch (low, high) {
        case (let low?, let high?):
            if low.compare(high) > 0 { reader.report(path, node, "min \(low) is above max \(high)") }
            limit = .range(low, high)
        case (let low?, nil): limit = .atLeast(low)
        case (nil, let high?): limit = .atMost(high)
        case (nil, nil):
            if fields["min"] == nil && fields["max"] == nil {
                reader.report(path, node, "an item needs min, max or both")
            }
            limit = nil
        }
        guard let code, let name, let limit else { return nil }
        return ProductStandard.Item(
            code: code, name: name, unit: unit, limit: limit, verified: verified,
            source: reader.string(fields, "source", required: false))
    }
}
