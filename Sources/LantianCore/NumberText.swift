import Foundation

/// The one way Lantian writes a number as text. Each style names where it is used; nothing else formats numbers
/// (`String(format:)` only inside here).
public enum NumberText {
    /// Exports (CSV) and command-line tables: up to three decimals, no trailing zeros; empty when missing or not
    /// finite. 48.7 → "48.7", 1/3 → "0.333", 16000 → "16000".
    public static func csv(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        // Most values (measurements, whole numbers) are exactly k/1000: written from the integer k, which is what
        // "%.3f" gives for them, without the formatter's cost.
        let thousandths = value * 1000
        if abs(thousandths) < 1e15, thousandths == thousandths.rounded(), Double(Int(thousandths)) / 1000 == value {
            return thousandthsText(Int(thousandths))
        }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `k` hundredths, thousands grouped, without trailing zeros: 1600000 → "16,000", -4870 → "-48.7".
    private static func hundredthsText(_ k: Int) -> String {
        let magnitude = k.magnitude
        var whole = String(magnitude / 100)
        var index = whole.endIndex
        while whole.distance(from: whole.startIndex, to: index) > 3 {
            index = whole.index(index, offsetBy: -3)
            whole.insert(",", at: index)
        }
        let sign = k < 0 ? "-" : ""
        let fraction = Int(magnitude % 100)
        guard fraction != 0 else { return sign + whole }
        let text = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return sign + whole + "." + text
    }

    /// `k` thousandths without trailing zeros: 48700 → "48.7", -5 → "-0.005", 16000000 → "16000".
    private static func thousandthsText(_ k: Int) -> String {
        let magnitude = k.magnitude
        let whole = String(magnitude / 1000)
        var fraction = Int(magnitude % 1000)
        let sign = k < 0 ? "-" : ""
        guard fraction != 0 else { return sign + whole }
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let text = String(fraction)
        return sign + whole + "." + String(repeating: "0", count: digits - text.count) + text
    }

    /// Pages: thousands grouped with ",", up to two decimals (half-even): 16,000 / 48.7 / 5.76.
    public static func display(_ value: Double) -> String {
        // Most values on a page (targets, reported figures, concentrations) are exactly k/100: written from the
        // integer k, which is what the formatter gives for them, without its cost (a page writes hundreds).
        let hundredths = value * 100
        if value != 0, abs(hundredths) < 1e15, hundredths == hundredths.rounded(),
            Double(Int(hundredths)) / 100 == value
        {
            return hundredthsText(Int(hundredths))
        }
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
    /// A file's size in KB (1 KB = 1,024 bytes), as ``display(_:)`` writes the number.
    public static func kilobytes(_ bytes: Int) -> String { display(Double(bytes) / 1024) + " KB" }

    public static func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }

    /// Command-line tables whose columns are fixed to three decimals (`lantian emergency list`): 0.2 → "0.200".
    public static func threeDecimals(_ value: Double) -> String { String(format: "%.3f", value) }

    /// Bulletins and printed documents: exactly `places` decimals, half to even as GB/T 8170 rounds
    /// (61.25 → "61.2" at one place, 1.005 → "1.00" at two, as the binary value lies below the half).
    public static func fixed(_ value: Double, places: Int) -> String {
        let scale = pow(10, Double(places))
        return String(format: "%.\(places)f", (value * scale).rounded(.toNearestOrEven) / scale)
    }

    /// Chart coordinates: one decimal. 12.345 → "12.3".
    public static func coordinate(_ value: Double) -> String { String(format: "%.1f", value) }
}
