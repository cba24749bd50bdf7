import Foundation
import LantianCore

/// A lab's results for spot-checked batches, as a file gives them: one row per batch and item
/// (`batch,product,item,value`, optionally `standard` — the edition cited — and `sampled_on`, which picks the
/// edition in force that day). See docs/MARKET.md.
public struct LabBatch: Hashable, Sendable {
    public var batch: String
    public var product: String
    /// The edition the batch is judged by.
    public var standard: ProductStandard
    /// Item code → measured value, as written.
    public var values: [String: MeasuredValue]
    /// The first line of the batch in the file.
    public var line: Int
}

extension LabBatch {
    /// Reads a results file (CSV with a header row) against `library`. The first problem stops the reading: an
    /// unknown product or item, a value that is not a number as written, a batch that names two products or
    /// editions, an item given twice — each named by line and field.
    public static func read(_ text: String, library: StandardsLibrary) -> Result<[LabBatch], ImportIssue> {
        read(rows: SheetRow.csv(text), library: library)
    }

    /// Reads a results table (uploaded CSV or .xlsx rows) against `library`, as ``read(_:library:)``.
    public static func read(rows: [SheetRow], library: StandardsLibrary) -> Result<[LabBatch], ImportIssue> {
        var batches: [LabBatch] = []
        var index: [String: Int] = [:]
        let problem = CSVTable.read(
            rows: rows, required: ["batch", "product", "item", "value"], optional: ["standard", "sampled_on"]
        ) { field, line in
            func fail(_ name: String, _ reason: String) -> ImportIssue {
                ImportIssue(line: line, field: name, reason: reason)
            }
            let batch = field("batch")
            let product = field("product")
            guard !batch.isEmpty else { return fail("batch", "empty") }
            let cited = field("standard")
            var sampledOn: CivilDate?
            if !field("sampled_on").isEmpty {
                guard let day = CivilDate(field("sampled_on")) else {
                    return fail("sampled_on", "\"\(field("sampled_on"))\" is not a YYYY-MM-DD date")
                }
                sampledOn = day
            }
            guard library.standard(for: product) != nil else {
                return fail(
                    "product", "unknown product \"\(product)\" (known: \(library.products.joined(separator: ", ")))")
            }
            let standard: ProductStandard
            if !cited.isEmpty {
                guard let found = library.standard(for: product, cited: cited) else {
                    return fail("standard", "\(product) has no edition \"\(cited)\"")
                }
                standard = found
            } else {
                guard let found = library.standard(for: product, on: sampledOn) else {
                    return fail(
                        "sampled_on",
                        "no edition of \(product)'s standard was in force on \(sampledOn?.description ?? "")")
                }
                standard = found
            }
            let item = field("item")
            guard standard.item(item) != nil else {
                return fail(
                    "item",
                    "\(standard.standard) has no item \"\(item)\" for \(product) (items: \(standard.items.map(\.code).joined(separator: ", ")))"
                )
            }
            guard let value = MeasuredValue(field("value")) else {
                return fail("value", "\"\(field("value"))\" is not a measured value (digits with at most one point)")
            }
            if let at = index[batch] {
                guard batches[at].product == product else {
                    return fail("product", "batch \(batch) is \(batches[at].product) on line \(batches[at].line)")
                }
                guard batches[at].standard == standard else {
                    return fail(
                        "standard",
                        "batch \(batch) is judged by \(batches[at].standard.standard) of \(batches[at].standard.effective) on line \(batches[at].line)"
                    )
                }
                guard batches[at].values[item] == nil else {
                    return fail("item", "\(item) of batch \(batch) given twice")
                }
                batches[at].values[item] = value
            } else {
                index[batch] = batches.count
                batches.append(
                    LabBatch(batch: batch, product: product, standard: standard, values: [item: value], line: line))
            }
            return nil
        }
        return problem.map { .failure($0) } ?? .success(batches)
    }
}
