extension CivilDate {
    /// Day of the week, 0 Sunday … 6 Saturday (1970-01-01 was a Thursday).
    public var weekday: Int { ((dayNumber + 4) % 7 + 7) % 7 }

    /// Whether the day is Monday to Friday. Statutory holidays and the weekend days worked in their place
    /// (调休) are not known to Lantian: a deadline counted in working days is counted over Monday–Friday.
    public var isWeekday: Bool { (1...5).contains(weekday) }

    /// The day `days` working days (Monday–Friday) after this one: 20 working days after Friday 2021-12-03 is
    /// Friday 2021-12-31.
    public func addingWorkingDays(_ days: Int) -> CivilDate {
        var day = self
        var left = days
        while left > 0 {
            day = day.adding(days: 1)
            if day.isWeekday { left -= 1 }
        }
        return day
    }

    /// Working days (Monday–Friday) after this day up to and including `later`; negative when `later` is earlier.
    public func workingDays(to later: CivilDate) -> Int {
        if later < self { return -later.workingDays(to: self) }
        var count = 0
        var day = self
        while day < later {
            day = day.adding(days: 1)
            if day.isWeekday { count += 1 }
        }
        return count
    }
}
