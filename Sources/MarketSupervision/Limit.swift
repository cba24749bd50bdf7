/// A product standard's limit for one item, its values as written: the written precision is part of the limit
/// (a limit of "97.0" is compared at one decimal under 修约值比较法).
public enum Limit: Hashable, Sendable {
    /// ≤ the value (不大于).
    case atMost(MeasuredValue)
    /// ≥ the value (不小于).
    case atLeast(MeasuredValue)
    /// Within the closed range, both ends included.
    case range(MeasuredValue, MeasuredValue)

    /// How a measured value is compared with a limit (GB/T 8170-2008 §4.3).
    public enum Method: String, Hashable, Sendable, CaseIterable {
        /// 修约值比较法: the measured value rounded (GB/T 8170) to the limit's written precision, then compared.
        case rounded
        /// 全数值比较法: the measured value compared unrounded.
        case full

        public var chinese: String {
            switch self {
            case .rounded: "修约值比较法"
            case .full: "全数值比较法"
            }
        }
    }

    /// Why `value` fails the limit under `method` — the relation and the bound it fails, `>10`, `<60`, `>845` —
    /// or nil when it meets it.
    public func failure(of value: MeasuredValue, by method: Method) -> String? {
        func compared(at bound: MeasuredValue) -> MeasuredValue {
            method == .rounded ? value.rounded(toPlaces: bound.places) : value
        }
        switch self {
        case .atMost(let bound):
            return compared(at: bound).compare(bound) > 0 ? ">\(bound)" : nil
        case .atLeast(let bound):
            return compared(at: bound).compare(bound) < 0 ? "<\(bound)" : nil
        case .range(let low, let high):
            if compared(at: low).compare(low) < 0 { return "<\(low)" }
            return compared(at: high).compare(high) > 0 ? ">\(high)" : nil
        }
    }

    /// As the standard writes it: `≤ 10`, `≥ 60`, `810～845`.
    public var text: String {
        switch self {
        case .atMost(let bound): "≤ \(bound)"
        case .atLeast(let bound): "≥ \(bound)"
        case .range(let low, let high): "\(low)～\(high)"
        }
    }
}
