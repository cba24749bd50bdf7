import LantianCore

/// A month of one device's factor as Lantian stores it: one slot an hour from the month's first hour, 11 bytes a
/// slot — the flag's letter (0: no record), the value and the reported corrected value as little-endian 32-bit
/// floats (NaN: none; seven significant digits, beyond what the analysers resolve), and when the record was sent
/// as minutes after the hour ended (16 bits; 0xFFFF unknown).
public enum HourBlock {
    public static let bytesPerHour = 11

    /// The month a stamp falls in, as year × 12 + month − 1.
    public static func month(of stamp: MinuteStamp) -> Int {
        let date = CivilDate(dayNumber: Int((Double(stamp.value) / 1440).rounded(.down)))
        return date.year * 12 + date.month - 1
    }

    /// The first hour of `month` (year × 12 + month − 1).
    public static func start(ofMonth month: Int) -> MinuteStamp {
        MinuteStamp(day: CivilDate(year: month / 12, month: month % 12 + 1, day: 1)!, hour: 0)
    }

    /// Hours in `month`.
    public static func hours(inMonth month: Int) -> Int {
        (start(ofMonth: month + 1).value - start(ofMonth: month).value) / 60
    }

    /// `hours` (one slot an hour from the month's start) as stored.
    public static func encode(_ hours: [OutletSeries.Hour?], month: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: hours.count * bytesPerHour)
        for (index, slot) in hours.enumerated() {
            if let hour = slot { write(hour, at: index, month: month, into: &bytes) }
        }
        return bytes
    }

    /// Writes one hour into slot `index` of a block of `month`; returns whether the slot held a record before.
    @discardableResult
    public static func write(_ hour: OutletSeries.Hour, at index: Int, month: Int, into bytes: inout [UInt8]) -> Bool {
        write(hour, at: index, monthStart: start(ofMonth: month).value, into: &bytes)
    }

    /// The same with the month's first minute given (the importer knows it for every value of a record).
    @discardableResult
    public static func write(_ hour: OutletSeries.Hour, at index: Int, monthStart: Int, into bytes: inout [UInt8])
        -> Bool
    {
        let base = index * bytesPerHour
        var lag: UInt16 = 0xFFFF
        if let sent = hour.sent {
            lag = UInt16(min(max(0, sent.value - monthStart - (index + 1) * 60), 0xFFFE))
        }
        let value = Float(hour.value ?? .nan).bitPattern
        let corrected = Float(hour.corrected ?? .nan).bitPattern
        let flag = hour.flag.utf8.first ?? UInt8(ascii: "N")
        return bytes.withUnsafeMutableBufferPointer { slot in
            precondition(base + bytesPerHour <= slot.count)
            let held = slot[base] != 0
            slot[base] = flag
            for shift in 0..<4 {
                slot[base + 1 + shift] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(shift)))
                slot[base + 5 + shift] = UInt8(truncatingIfNeeded: corrected >> (8 * UInt32(shift)))
            }
            slot[base + 9] = UInt8(lag & 0xFF)
            slot[base + 10] = UInt8(lag >> 8)
            return held
        }
    }

    /// The slots of a stored block of `month`.
    public static func decode(_ bytes: [UInt8], month: Int) -> [OutletSeries.Hour?] {
        (0..<(bytes.count / bytesPerHour)).map { slot(bytes, at: $0, month: month) }
    }

    /// Slot `index` of a stored block of `month`; nil when it holds no record.
    public static func slot(_ bytes: [UInt8], at index: Int, month: Int) -> OutletSeries.Hour? {
        let base = index * bytesPerHour
        guard bytes[base] != 0 else { return nil }
        let value = Float(bitPattern: word(bytes, base + 1))
        let corrected = Float(bitPattern: word(bytes, base + 5))
        let lag = UInt16(bytes[base + 9]) | UInt16(bytes[base + 10]) << 8
        let end = start(ofMonth: month).adding(minutes: (index + 1) * 60)
        return OutletSeries.Hour(
            value: value.isNaN ? nil : Double(value), corrected: corrected.isNaN ? nil : Double(corrected),
            flag: flagText[Int(bytes[base])], sent: lag == 0xFFFF ? nil : end.adding(minutes: Int(lag)))
    }

    // One string a byte, made once: decoding a year of 500 outlets makes 35 million slots.
    private static let flagText: [String] = (0..<256).map { String(UnicodeScalar(UInt8($0))) }

    /// Whether two slots store the same (the values compared as stored, at single precision).
    public static func same(_ a: OutletSeries.Hour?, _ b: OutletSeries.Hour?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?):
            func bits(_ value: Double?) -> UInt32 { Float(value ?? .nan).bitPattern }
            return a.flag == b.flag && bits(a.value) == bits(b.value) && bits(a.corrected) == bits(b.corrected)
        default: return false
        }
    }

    private static func word(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}
