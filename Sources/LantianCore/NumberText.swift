import Foundation

/// The one way Lantian writes a number as text. Each style names where it is used; nothing else formats numbers
/// (`String(format:)` only inside here).
public enum NumberText {
    /// Exports (CSV) and command-line tables: up to three decimals, no trailing zeros; empty when missing or not
    /// finite. 48.7 → "48.7", 1/3 → "0.333", 16000 → "16000".
    public static func csv(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Pages: thousands grouped with ",", up to two decimals (half-even): 16,000 / 48.7 / 5.76.
    public static func display(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 2
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    /// Exactly the value, shortest form, whole numbers without ".0": SQL literals, messages about a file's
    /// numbers. 16000 → "16000", 48.7 → "48.7". Not finite: Swift's "inf"/"nan".
    public static func exact(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// A share as a whole percentage: 0.456 → "46%".
    public static func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }

    /// Chart coordinates: one decimal. 12.345 → "12.3".
    public static func coordinate(_ value: Double) -> String { String(format: "%.1f", value) }
}
