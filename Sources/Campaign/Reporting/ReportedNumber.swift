/// An indicator value as a reporter types it: `16000`, `16,000`, `1.6万`, `1.6 万户` (the unit after the number is
/// allowed when it is the indicator's), full-width digits (`１６０００`); `万` is 10⁴ and `亿` 10⁸. Anything else is
/// refused with a reason in the reporter's words — `1.6w` is not a number.
public enum ReportedNumber {
    /// The value of `text`, or why it is not one. `unit` is the indicator's unit (`户`), which may follow.
    public static func parse(_ text: String, unit: String = "") -> Result<Double, Refusal> {
        var t = String(text.map(Self.halfWidth)).trimmingCharacters(in: .whitespaces)
        if !unit.isEmpty, t.hasSuffix(unit) {
            t.removeLast(unit.count)
            t = t.trimmingCharacters(in: .whitespaces)
        }
        var scale = 1.0
        if t.hasSuffix("万") {
            scale = 10_000
            t.removeLast()
        } else if t.hasSuffix("亿") {
            scale = 100_000_000
            t.removeLast()
        }
        t = t.trimmingCharacters(in: .whitespaces)
        // Thousands separators only between groups of three digits: 16,000 and 1,600,000.5, not 16,00.
        if t.contains(",") {
            let parts = t.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count),
                groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return .failure(Refusal(text: text, reason: "千位分隔符应每三位一个，如 16,000")) }
            t = groups.joined() + (parts.count > 1 ? "." + parts[1] : "")
        }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            t.filter({ $0 == "." }).count <= 1, let value = Double(t), value.isFinite
        else {
            return .failure(Refusal(text: text, reason: "不是数值；请填写如 16000、16,000 或 1.6万"))
        }
        return .success(value * scale)
    }

    /// Why a typed value was refused.
    public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        public var text: String
        public var reason: String

        public var description: String { "“\(text)”\(reason)" }
    }

    /// Full-width digits, point and comma (as Chinese input methods type them) read as ASCII; `，` as `,`.
    private static func halfWidth(_ c: Character) -> Character {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return c }
        switch scalar.value {
        case 0xFF10...0xFF19: return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
        case 0xFF0E: return "."
        case 0xFF0C, 0x3001: return c == "、" ? c : ","
        default: return c
        }
    }
}
