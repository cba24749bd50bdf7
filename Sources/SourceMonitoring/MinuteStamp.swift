import LantianCore

/// A minute of Beijing time, as minutes since 1970-01-01 00:00 Beijing: the start of the period a monitoring
/// record covers (HJ 212's `DataTime`: an hourly record of 08:00 covers 08:00–09:00).
public struct MinuteStamp: Hashable, Comparable, Sendable, Codable {
    public let value: Int

    public init(value: Int) { self.value = value }

    public init(day: CivilDate, hour: Int, minute: Int = 0) {
        value = (day.dayNumber * 24 + hour) * 60 + minute
    }

    /// HJ 212's `DataTime`: `YYYYMMDDhhmmss`, leniently with milliseconds (`…sszzz`) as real loggers write; or a
    /// spreadsheet's `YYYY-MM-DD hh:mm[:ss]` / `YYYY-MM-DDThh:mm[:ss]`. Seconds are dropped.
    public init?(_ text: String) {
        let digits = text.filter(\.isNumber)
        let plain = text.allSatisfy { $0.isNumber }
        guard digits.count >= 12, plain || text.count >= 16 else { return nil }
        let chars = Array(digits)
        func number(_ from: Int, _ count: Int) -> Int? { Int(String(chars[from..<(from + count)])) }
        guard let year = number(0, 4), let month = number(4, 2), let day = number(6, 2), let hour = number(8, 2),
            let minute = number(10, 2), hour < 24, minute < 60,
            let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        if plain, ![12, 14, 17].contains(digits.count) { return nil }
        self.init(day: date, hour: hour, minute: minute)
    }

    public static func < (lhs: MinuteStamp, rhs: MinuteStamp) -> Bool { lhs.value < rhs.value }

    /// The start of the hour the minute falls in.
    public var hour: MinuteStamp { MinuteStamp(value: Int((Double(value) / 60).rounded(.down)) * 60) }

    public func adding(minutes: Int) -> MinuteStamp { MinuteStamp(value: value + minutes) }

    /// `YYYY-MM-DDTHH:MM`.
    public var text: String {
        let day = Int((Double(value) / 1440).rounded(.down))
        let minutes = value - day * 1440
        let hh = minutes / 60
        let mm = minutes % 60
        return HourStamp.dateText(dayNumber: day) + "T" + (hh < 10 ? "0" : "") + String(hh) + ":" + (mm < 10 ? "0" : "")
            + String(mm)
    }
}
