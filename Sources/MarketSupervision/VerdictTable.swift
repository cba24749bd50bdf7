/// The table `lantian market verdict` writes, one row per batch: `batch,product,verdict,failed` — verdict 合格 or
/// 不合格, failed the failed items as `item:value>limit` (or `<`), separated by `;`. A contract: other tools read
/// it (docs/MARKET.md).
public enum VerdictTable {
    public static let header = ["batch", "product", "verdict", "failed"]

    public static func row(_ batch: LabBatch, _ verdict: Verdict) -> [String] {
        [batch.batch, batch.product, verdict.chinese, failed(verdict).joined(separator: ";")]
    }

    /// `sulfur:12>10`, one per failed item in the standard's order.
    public static func failed(_ verdict: Verdict) -> [String] {
        verdict.failures.map { "\($0.item.code):\($0.comparison)" }
    }
}
