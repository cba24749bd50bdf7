import Foundation

/// A calendar day in the plan's civil time zone (Asia/Shanghai for Jincheng), written `YYYY-MM-DD`.
///
/// Dates in a plan are civil days, not instants: "2021年12月底前" means "by the end of 31 December 2021, local
/// time". ``ReportingCalendar`` turns them into instants.
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or returns nil when the triple is not a day of the proleptic Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= CivilDate.daysIn(year: year, month: month)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            text.isDigitsAndHyphens,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days in the given month of the Gregorian calendar.
    public static func daysIn(year: Int, month: Int) -> Int {
        CivilCalendar.daysIn(year: year, month: month)
    }

    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int { CivilCalendar.dayNumber(year: year, month: month, day: day) }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        (year, month, day) = CivilCalendar.date(dayNumber: dayNumber)
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber + days)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CivilDate(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension CivilDate {
    /// The same date a year earlier (29 February becomes the 28th).
    public var yearEarlier: CivilDate {
        CivilDate(year: year - 1, month: month, day: min(day, CivilDate.daysIn(year: year - 1, month: month)))!
    }
}

extension CivilDate {
    /// `2022年1月31日`, as documents write a date.
    public var chineseDay: String { "\(year)年\(month)月\(day)日" }
}
