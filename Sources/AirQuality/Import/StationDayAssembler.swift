import LantianCore

/// Which station-days an hourly import must recompute, and the days it can compute from the hours it holds,
/// pure and with bounded memory. Stations are their registry numbers.
///
/// Each stored hour is held until its day has all 24; a day with a changed hour is then computed here (the usual
/// case: the importer need not read back what it just wrote) and every complete day is let go. Days that never
/// fill stay listed as touched and are recomputed from the stored hours at the end (``day(_:storedHours:closing:)``).
/// At most ``maxHeldDays`` incomplete days are held; beyond that they are dropped and read back instead.
public struct StationDayAssembler: Sendable {
    public struct Key: Hashable, Sendable {
        public var station: Int
        public var day: Int

        public init(station: Int, day: Int) {
            self.station = station
            self.day = day
        }
    }

    /// One day's hours as they now stand.
    private struct Held {
        var hours = [PollutantValues?](repeating: nil, count: 24)
        var count = 0
        /// Some hour of the day was changed by the import.
        var touched = false

        mutating func set(_ index: Int, _ values: PollutantValues, changed: Bool) {
            if hours[index] == nil { count += 1 }
            hours[index] = values
            if changed { touched = true }
        }
    }

    public let maxHeldDays: Int
    /// Days computed from 24 held hours, not yet taken.
    public private(set) var computed: [Key: DailyStatistics] = [:]
    private var held: [Key: Held] = [:]
    /// Touched days let go before they were complete (beyond ``maxHeldDays``).
    private var dropped: [Int: Set<Int>] = [:]

    public init(maxHeldDays: Int = 20_000) {
        self.maxHeldDays = maxHeldDays
    }

    /// Days with a changed hour not computed here, by station: to recompute from the stored hours. (A day
    /// computed here and changed again later is listed too; its recomputation comes after and stands.)
    public var touched: [Int: Set<Int>] {
        var result = dropped
        for (key, entry) in held where entry.touched { result[key.station, default: []].insert(key.day) }
        return result
    }

    /// Holds an hour's values as they now stand after the import; `changed` when the import changed them.
    public mutating func hold(station: Int, hour: HourStamp, values: PollutantValues, changed: Bool) {
        // One lookup, the day's hours changed in place.
        held[Key(station: station, day: hour.dayNumber), default: Held()].set(
            hour.endHour - 1, values, changed: changed)
    }

    /// Computes the touched days whose 24 hours are all held, lets go of every complete day, and returns the
    /// complete days (whose feed-supplied daily values are no longer needed).
    public mutating func completeHeldDays() -> [Key] {
        var complete: [Key] = []
        for (key, entry) in held where entry.count == 24 {
            if entry.touched { computed[key] = DailyStatistics.compute(dayNumber: key.day, dayHours: entry.hours) }
            complete.append(key)
        }
        for key in complete { held[key] = nil }
        // Days that never fill (a file of 00:00 rows only) must not pile up: their touched days are listed and
        // read back from the database at the end.
        if held.count > maxHeldDays {
            for (key, entry) in held where entry.touched { dropped[key.station, default: []].insert(key.day) }
            held.removeAll()
        }
        return complete
    }

    /// Hands over the days computed so far.
    public mutating func takeComputed() -> [Key: DailyStatistics] {
        defer { computed.removeAll(keepingCapacity: true) }
        return computed
    }

    /// A station-day from its stored hours (HJ 663-2013: a daily mean needs 20 valid hours), else the feed's own
    /// daily values from the closing row, else nothing.
    public static func day(
        _ dayNumber: Int, storedHours: [PollutantValues?], closing: DailyStatistics?,
        rules: ValidityRules = .hj663
    ) -> DailyStatistics? {
        if storedHours.lazy.filter({ $0 != nil }).count >= rules.minHoursForDailyMean {
            return DailyStatistics.compute(dayNumber: dayNumber, dayHours: storedHours, rules: rules)
        }
        return closing
    }
}
