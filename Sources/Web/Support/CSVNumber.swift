import Foundation

/// Numbers in exported tables: empty when missing, up to three decimals, no trailing zeros.
public enum CSVNumber {
    public static func text(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
