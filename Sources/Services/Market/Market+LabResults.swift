import Foundation
import LantianCore
import MarketSupervision
import Persistence
import Spreadsheet

extension Market {
    /// What importing a lab's results did: each batch matched to its record with the verdict, or the problems
    /// that refused the whole file.
    public struct ResultsOutcome: Sendable {
        public var file: String
        public var judged: [(id: UUID, batch: String, verdict: String, failed: String)]
        public var problems: [String]
    }

    /// Imports a lab's results file (`batch,product,item,value[,standard,sampled_on]`, CSV in UTF-8 or GB18030, or
    /// .xlsx) into the records it belongs to — matched by batch and product among the checks `mayWork` allows —
    /// and judges each batch. A row that does not read, a batch without a record or with two, refuses the file.
    public func importResults(
        _ data: Data, file: String, mayWork: (String) -> Bool, actor: AuditLog.Actor, at now: Date
    ) async throws -> ResultsOutcome {
        let rows: [SheetRow]
        do { rows = try SheetFile.rows(data) } catch {
            return ResultsOutcome(file: file, judged: [], problems: ["\(file)：\(error.reason)"])
        }
        let batches: [LabBatch]
        switch LabBatch.read(rows: rows, library: library) {
        case .failure(let issue):
            return ResultsOutcome(
                file: file, judged: [], problems: ["\(file)：第 \(issue.line) 行，\(issue.field)：\(issue.reason)"])
        case .success(let read): batches = read
        }
        let checks = try await store.checks()
        var problems: [String] = []
        var updates: [MarketStore.ResultsUpdate] = []
        var judged: [(id: UUID, batch: String, verdict: String, failed: String)] = []
        for batch in batches {
            let matches = checks.filter { $0.check.batch == batch.batch && $0.check.product == batch.product }
            guard matches.count == 1, let match = matches.first else {
                problems.append(
                    "\(file)：第 \(batch.line) 行，batch："
                        + (matches.isEmpty
                            ? "没有批号为 \(batch.batch) 的\(batch.product)抽样记录，请先录入抽样信息"
                            : "批号 \(batch.batch) 有 \(matches.count) 条\(batch.product)抽样记录，无法确定归属"))
                continue
            }
            guard mayWork(match.check.county) else {
                problems.append("\(file)：第 \(batch.line) 行，batch：批号 \(batch.batch) 不是本单位辖区的抽样记录")
                continue
            }
            let results = match.check.results.merging(batch.values) { _, new in new }
            let verdict = Verdict(results, against: batch.standard)
            let failed = verdict.failures.map { "\($0.item.code):\($0.comparison)" }.joined(separator: ";")
            updates.append(
                .init(
                    id: match.id, results: results, standard: batch.standard.standard, verdict: verdict.chinese,
                    failed: failed))
            judged.append((match.id, batch.batch, verdict.chinese, failed))
        }
        guard problems.isEmpty else { return ResultsOutcome(file: file, judged: [], problems: problems) }
        try await store.updateResults(updates, file: file, actor: actor, at: now)
        return ResultsOutcome(file: file, judged: judged, problems: [])
    }
}
