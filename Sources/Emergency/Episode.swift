/// A forecast heavy-pollution episode: one or more runs of hours above the edition's episode threshold (AQI >
/// 200), runs whose gap is shorter than the lifting time joined into one, and the level the edition gives it.
public struct Episode: Hashable, Sendable {
    /// The county the forecast was for; empty for the whole city.
    public var county: String
    /// The start of the first hour above the threshold (an instant, ``HourClock``).
    public var start: Int
    /// The end of the last hour above the threshold.
    public var end: Int
    /// How many runs above the threshold the episode joins.
    public var runs: Int
    /// Each hour's AQI from `start` to `end`; nil for an hour not forecast or a sand-dust hour (they never count).
    public var values: [Int?]
    /// Sand-dust hours inside the episode, left out of every count.
    public var sandDustHours: Int
    public var level: WarningLevel
    /// The conditions that gave the level (empty for none).
    public var met: [WarningRules.Condition]
    /// "AQI > 200 预计持续 74 小时（1月24日20时至1月27日22时）→ 橙色".
    public var reason: String

    /// Hours of the episode that count toward `condition`.
    public func hours(_ condition: WarningRules.Condition) -> Int {
        values.reduce(0) { $0 + (($1.map(condition.counts) ?? false) ? 1 : 0) }
    }

    /// Hours with AQI above `aqi`.
    public func hours(above aqi: Int) -> Int { hours(.init(.above, aqi, hours: 1)) }

    /// The highest forecast AQI in the episode (sand-dust hours left out).
    public var maxAQI: Int { values.compactMap { $0 }.max() ?? 0 }
}
