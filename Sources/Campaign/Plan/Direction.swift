/// Whether a target is a floor or a ceiling.
public enum Direction: String, CaseIterable, Sendable, Codable {
    /// The value must reach at least the target (完成 16,000 户).
    case atLeast
    /// The value must stay at or below the target (降尘量不高于 7 吨).
    case atMost

    /// ≥ or ≤, as the UI shows it.
    public var symbol: String { self == .atLeast ? "≥" : "≤" }

    /// Whether `value` satisfies a target of `target` in this direction.
    public func isMet(_ value: Double, target: Double) -> Bool {
        self == .atLeast ? value >= target : value <= target
    }
}
