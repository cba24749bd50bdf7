/// A batch's verdict (检验结论): 合格 when every tested item meets its limit by the comparison method, 不合格
/// otherwise, with each failed item.
public struct Verdict: Hashable, Sendable {
    public var standard: ProductStandard
    public var method: Limit.Method
    /// The items that fail, in the standard's order.
    public var failures: [Failure]

    public struct Failure: Hashable, Sendable {
        public var item: ProductStandard.Item
        /// As measured, unrounded.
        public var measured: MeasuredValue
        /// The measured value as written, the relation and the bound it fails: `12>10`, `96.94<97.0`.
        public var comparison: String
    }

    public var passed: Bool { failures.isEmpty }

    /// 合格 / 不合格.
    public var chinese: String { passed ? "合格" : "不合格" }

    /// Judges measured `values` (item code → value) against `standard` by `method` (the standard's own when nil).
    /// Every code must be one of the standard's items (``ProductStandard/item(_:)``); untested items are not judged.
    public init(_ values: [String: MeasuredValue], against standard: ProductStandard, method: Limit.Method? = nil) {
        let method = method ?? standard.method
        self.standard = standard
        self.method = method
        self.failures = standard.items.compactMap { item in
            guard let value = values[item.code], let relation = item.limit.failure(of: value, by: method) else {
                return nil
            }
            return Failure(item: item, measured: value, comparison: "\(value)" + relation)
        }
    }
}
