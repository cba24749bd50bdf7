/// An hour of Beijing time, labelled by its end (the CNEMC convention): the hour 00:00–01:00 of day D is
/// "D 01:00", and "D+1 00:00" closes day D. Stored as whole hours since 1970-01-01 00:00 Beijing time.
public struct HourStamp: Hashable, Comparable, Sendable, Codable {
    public let value: Int

    public init(value: Int) { self.value = value }

    /// Day number (days since 1970-01-01) and hour 0…23 of the end instant.
    public init(dayNumber: Int, hour: Int) { value = dayNumber * 24 + hour }

    /// `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DD HH:MM:SS` (minutes and seconds must be zero).
    public init?(timepoint text: String) {
        let chars = Array(text.utf8)
        guard chars.count >= 13 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard i < chars.count, (48...57).contains(chars[i]) else { return nil }
                n = n * 10 + Int(chars[i] - 48)
            }
            return n
        }
        guard let y = number(0..<4), chars[4] == UInt8(ascii: "-"), let m = number(5..<7),
            chars[7] == UInt8(ascii: "-"),
            let d = number(8..<10), let h = number(11..<13), (1...12).contains(m), (1...31).contains(d), h <= 24
        else { return nil }
        if chars.count >= 16 {
            guard let minute = number(14..<16), minute == 0 else { return nil }
        }
        guard d <= CivilCalendar.daysIn(year: y, month: m) else { return nil }
        self.init(dayNumber: HourStamp.dayNumber(year: y, month: m, day: d), hour: h)
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
