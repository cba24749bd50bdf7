/// An enterprise's environmental performance grade for emergency control (环办大气函〔2020〕340号): A, B, C, D;
/// 引领性 / 非引领性 in the industries graded that way; or 保障类, exempt from the list's curtailment with a reason
/// and an approval (supervision.md §1). The lowest single indicator decides the grade (短板原则); that is the
/// grading body's work, Lantian records its result.
public enum PerformanceGrade: String, CaseIterable, Hashable, Sendable, Codable {
    case a = "A"
    case b = "B"
    case c = "C"
    case d = "D"
    case leading = "引领性"
    case nonLeading = "非引领性"
    case exempt = "保障类"

    /// A grade from `A`, `b`, `A级`, `引领性`, `leading`, `保障类`, `exempt` …
    public init?(cell: String) {
        var text = cell.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("级") { text.removeLast() }
        if let grade = PerformanceGrade(rawValue: text.uppercased()) ?? PerformanceGrade(rawValue: text) {
            self = grade
            return
        }
        switch text.lowercased() {
        case "leading": self = .leading
        case "non-leading", "nonleading": self = .nonLeading
        case "exempt", "保障": self = .exempt
        default: return nil
        }
    }

    /// Whether the enterprise is on the separate 保障类 list, never curtailed by the list and never proposed.
    public var isExempt: Bool { self == .exempt }
}
