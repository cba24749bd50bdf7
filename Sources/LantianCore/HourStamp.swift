/// An hour of Beijing time, labelled by its end (the CNEMC convention): the hour 00:00–01:00 of day D is
/// "D 01:00", and "D+1 00:00" closes day D. Stored as whole hours since 1970-01-01 00:00 Beijing time.
public struct HourStamp: Hashable, Comparable, Sendable, Codable {
    public let value: Int

    public init(value: Int) { self.value = value }

    /// Day number (days since 1970-01-01) and hour 0…23 of the end instant.
    public init(dayNumber: Int, hour: Int) { value = dayNumber * 24 + hour }

    /// `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DD HH:MM:SS` (minutes and seconds must be zero).
    public init?(timepoint text: String) {
        var text = text
        guard
            let stamp = text.withUTF8({ bytes in
                bytes.count >= 13 ? HourStamp.parse(bytes.baseAddress!, count: bytes.count) : nil
            })
        else { return nil }
        self = stamp
    }

    /// Reads `YYYY-MM-DD?HH[:MM[:SS]]` (any separator between date and hour; minutes must be zero) from bytes,
    /// without allocating: the importers' hot path.
    public static func parse(_ p: UnsafePointer<UInt8>, count: Int) -> HourStamp? {
        guard count >= 13 else { return nil }
        @inline(__always) func number(_ from: Int, _ to: Int) -> Int? {
            var n = 0
            for i in from..<to {
                let c = p[i]
                guard c >= 48, c <= 57 else { return nil }
                n = n * 10 + Int(c - 48)
            }
            return n
        }
        guard let y = number(0, 4), p[4] == UInt8(ascii: "-"), let m = number(5, 7), p[7] == UInt8(ascii: "-"),
            let d = number(8, 10), let h = number(11, 13), (1...12).contains(m), d >= 1, h <= 24
        else { return nil }
        if count >= 16 {
            guard p[13] == UInt8(ascii: ":"), let minute = number(14, 16), minute == 0 else { return nil }
        } else if count != 13 {
            return nil
        }
        guard d <= CivilCalendar.daysIn(year: y, month: m) else { return nil }
        return HourStamp(dayNumber: CivilCalendar.dayNumber(year: y, month: m, day: d), hour: h)
    }

    /// The day whose daily mean this hour belongs to: hours ending 01:00 … 24:00 of day D.
    public var dayNumber: Int { Int((Double(value - 1) / 24).rounded(.down)) }

    /// The hour of day 1…24 this hour ends at, for its day.
    public var endHour: Int { value - dayNumber * 24 }

    public static func < (lhs: HourStamp, rhs: HourStamp) -> Bool { lhs.value < rhs.value }

    /// Days since 1970-01-01 of a Gregorian date.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        CivilCalendar.dayNumber(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD` of a day number.
    public static func dateText(dayNumber: Int) -> String {
        let (y, m, d) = CivilCalendar.date(dayNumber: dayNumber)
        return String(y).leftPadded(4) + "-" + String(m).leftPadded(2) + "-" + String(d).leftPadded(2)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension HourStamp {
    /// `YYYY-MM-DDTHH:00:00` of the end of the hour; the hour closing a day is written as 00:00 of the next day.
    public var timepoint: String {
        let day = Int((Double(value) / 24).rounded(.down))
        let hour = value - day * 24
        return HourStamp.dateText(dayNumber: day) + "T" + String(hour).leftPadded(2) + ":00:00"
    }
}
