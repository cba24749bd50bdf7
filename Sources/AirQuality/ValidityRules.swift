/// The data-validity rules of HJ 663-2013 / GB 3095-2012, as data (several are marked [secondary] in
/// reference/air-quality-standards.md, so a deployment can change them).
public struct ValidityRules: Hashable, Sendable, Codable {
    /// A daily mean needs at least this many valid hourly values (20).
    public var minHoursForDailyMean: Int
    /// An 8-hour moving mean needs at least this many valid hours in its window (6).
    public var minHoursFor8hMean: Int
    /// The daily maximum 8-hour O3 needs at least this many valid 8-hour means among the windows ending at
    /// `mda8WindowEnds` (14) — unless the maximum found exceeds `o3MDA8Standard`, which stands anyway.
    public var minWindowsForMDA8: Int
    /// End hours (1…24) of the 8-hour windows that belong to a day: 8 … 24.
    public var mda8WindowEnds: ClosedRange<Int>
    /// GB 3095 grade II O3 daily-max-8h limit, µg/m³ (160).
    public var o3MDA8Standard: Double
    /// A monthly mean needs this many valid days (27; February 25).
    public var minDaysForMonth: Int
    public var minDaysForFebruary: Int

    public init(
        minHoursForDailyMean: Int = 20, minHoursFor8hMean: Int = 6, minWindowsForMDA8: Int = 14,
        mda8WindowEnds: ClosedRange<Int> = 8...24, o3MDA8Standard: Double = 160, minDaysForMonth: Int = 27,
        minDaysForFebruary: Int = 25
    ) {
        self.minHoursForDailyMean = minHoursForDailyMean
        self.minHoursFor8hMean = minHoursFor8hMean
        self.minWindowsForMDA8 = minWindowsForMDA8
        self.mda8WindowEnds = mda8WindowEnds
        self.o3MDA8Standard = o3MDA8Standard
        self.minDaysForMonth = minDaysForMonth
        self.minDaysForFebruary = minDaysForFebruary
    }

    public static let hj663 = ValidityRules()
}
