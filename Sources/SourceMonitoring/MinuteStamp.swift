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
        var text = text
        guard let stamp = text.withUTF8({ MinuteStamp(bytes: $0.baseAddress!, count: $0.count) }) else {
            return nil
        }
        self = stamp
    }

    /// The same from bytes, without allocating: what the streamed import reads.
    public init?(bytes: UnsafePointer<UInt8>, count: Int) {
        var digits = 0
        var plain = true
        var fields = (0, 0, 0, 0, 0)  // year, month, day, hour, minute
        for i in 0..<count {
            let byte = bytes[i]
            guard byte >= 48 && byte <= 57 else {
                plain = false
                continue
            }
            let digit = Int(byte - 48)
            switch digits {
            case 0..<4: fields.0 = fields.0 * 10 + digit
            case 4..<6: fields.1 = fields.1 * 10 + digit
            case 6..<8: fields.2 = fields.2 * 10 + digit
            case 8..<10: fields.3 = fields.3 * 10 + digit
            case 10..<12: fields.4 = fields.4 * 10 + digit
            default: break
            }
            digits += 1
        }
        guard digits >= 12, plain || count >= 16 else { return nil }
        if plain, digits != 12 && digits != 14 && digits != 17 { return nil }
        guard fields.3 < 24, fields.4 < 60, let date = CivilDate(year: fields.0, month: fields.1, day: fields.2)
        else { return nil }
        self.init(day: date, hour: fields.3, minute: fields.4)
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
