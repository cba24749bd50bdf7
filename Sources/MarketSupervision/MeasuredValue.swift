/// A number exactly as written — a lab's measured value or a standard's limit — read from its text, never through
/// `Double`: "96.96" is 9696 × 10⁻², and "97.0" keeps its one written decimal, which is the precision a limit is
/// compared at (GB/T 8170-2008 修约值比较法).
public struct MeasuredValue: Hashable, Sendable, CustomStringConvertible {
    /// Whether the value is below zero.
    public let isNegative: Bool
    /// The digits, without leading zeros ("0" for zero): 9696 for "96.96".
    public let digits: [UInt8]
    /// Digits after the decimal point as written: 2 for "96.96", 1 for "97.0", 0 for "10".
    public let places: Int

    /// Reads `text`: an optional sign, digits, an optional decimal point with digits ("12", "-10", "0.5465",
    /// "1087.0", ".5"). Spaces around it are ignored; anything else (exponents, thousands separators, units,
    /// "<0.5", "N/A") is not a measured value and gives nil.
    public init?(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var whole: [UInt8] = []
        var fraction: [UInt8] = []
        var seenPoint = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if seenPoint { fraction.append(byte - 48) } else { whole.append(byte - 48) }
            } else {
                return nil
            }
        }
        if whole.isEmpty && fraction.isEmpty { return nil }
        if seenPoint && fraction.isEmpty { return nil }
        self.init(negative: negative, digits: whole + fraction, places: fraction.count)
    }

    /// `digits` × 10^−`places`; leading zeros are dropped and −0 is 0.
    init(negative: Bool, digits: [UInt8], places: Int) {
        var digits = Array(digits.drop { $0 == 0 })
        if digits.isEmpty { digits = [0] }
        self.digits = digits
        self.places = places
        self.isNegative = negative && digits != [0]
    }

    /// As written, normalised: "96.96", "-10", "0.5465", "97.0".
    public var description: String {
        var text = digits.map { String($0) }.joined()
        if places > 0 {
            if text.count <= places { text = String(repeating: "0", count: places - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -places))
        }
        return (isNegative ? "-" : "") + text
    }

    /// The value rounded once to `places` decimals by GB/T 8170-2008 (四舍六入五成双): below 5 down, above 5 up,
    /// exactly 5 (nothing but zeros after it) to the even neighbour. Never in steps: 0.5465 → 0.546,
    /// 0.5475 → 0.548, 0.546504 → 0.547, 0.54749 → 0.547 to three places. A value with fewer places is kept
    /// as it is.
    public func rounded(toPlaces target: Int) -> MeasuredValue {
        guard places > target else { return self }
        let drop = places - target
        // Pad so that every dropped position exists.
        let padded = [UInt8](repeating: 0, count: max(0, drop + 1 - digits.count)) + digits
        var kept = Array(padded.dropLast(drop))
        let dropped = padded.suffix(drop)
        let first = dropped.first!
        let restZero = dropped.dropFirst().allSatisfy { $0 == 0 }
        let up: Bool
        if first > 5 || (first == 5 && !restZero) {
            up = true
        } else if first == 5 {
            up = (kept.last ?? 0) % 2 == 1
        } else {
            up = false
        }
        if up {
            var index = kept.count - 1
            while index >= 0 {
                if kept[index] == 9 {
                    kept[index] = 0
                    index -= 1
                } else {
                    kept[index] += 1
                    break
                }
            }
            if index < 0 { kept.insert(1, at: 0) }
        }
        return MeasuredValue(negative: isNegative, digits: kept, places: target)
    }

    /// The digits at `scale` places (scale ≥ places), as a decimal string without a point.
    private func scaled(to scale: Int) -> [UInt8] {
        digits + [UInt8](repeating: 0, count: scale - places)
    }

    private static func compareMagnitude(_ a: MeasuredValue, _ b: MeasuredValue) -> Int {
        let scale = max(a.places, b.places)
        let x = a.scaled(to: scale).drop { $0 == 0 }
        let y = b.scaled(to: scale).drop { $0 == 0 }
        if x.count != y.count { return x.count < y.count ? -1 : 1 }
        for (p, q) in zip(x, y) where p != q { return p < q ? -1 : 1 }
        return 0
    }

    /// −1, 0 or 1 as `self` is below, equal to or above `other`, exactly ("97.0" equals "97").
    public func compare(_ other: MeasuredValue) -> Int {
        switch (isNegative, other.isNegative) {
        case (false, true): return 1
        case (true, false): return -1
        case (false, false): return Self.compareMagnitude(self, other)
        case (true, true): return -Self.compareMagnitude(self, other)
        }
    }
}
