/// A block of days × stations × hours held compactly in memory (one `Double` per pollutant, NaN where missing):
/// the in-memory index of a period's hourly data, from which every station's daily series is computed.
public struct HourlyGrid: Sendable {
    public let stations: [String]
    public let firstDay: Int
    public let dayCount: Int
    private let stationIndex: [String: Int]
    private var values: [Double]

    private static let pollutants = Pollutant.allCases

    public init(stations: [String], firstDay: Int, dayCount: Int) {
        self.stations = stations
        self.firstDay = firstDay
        self.dayCount = dayCount
        stationIndex = Dictionary(
            stations.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        values = Array(repeating: .nan, count: stations.count * dayCount * 24 * 6)
    }

    private func offset(station: Int, day: Int, endHour: Int) -> Int {
        (((day - firstDay) * stations.count + station) * 24 + endHour - 1) * 6
    }

    /// Stores an observation's present values; false when its station or day is outside the grid.
    @discardableResult
    public mutating func record(_ observation: HourlyObservation) -> Bool {
        let day = observation.hour.dayNumber
        guard day >= firstDay, day < firstDay + dayCount, let station = stationIndex[observation.station] else {
            return false
        }
        let base = offset(station: station, day: day, endHour: observation.hour.endHour)
        for (i, pollutant) in Self.pollutants.enumerated() {
            if let value = observation.values[pollutant] { values[base + i] = value }
        }
        return true
    }

    /// The station's hours ending 01:00 … 24:00 of `day`, for ``DailyStatistics/compute(dayNumber:dayHours:rules:)``.
    public func dayHours(station: Int, day: Int) -> [PollutantValues?] {
        let base = offset(station: station, day: day, endHour: 1)
        return (0..<24).map { hour in
            var result = PollutantValues()
            var any = false
            for (i, pollutant) in Self.pollutants.enumerated() {
                let value = values[base + hour * 6 + i]
                if !value.isNaN {
                    result[pollutant] = value
                    any = true
                }
            }
            return any ? result : nil
        }
    }

    /// Every station's statistics for every day of the grid (days without any hour left out).
    public func dailyStatistics(rules: ValidityRules = .hj663) -> [[DailyStatistics]] {
        (0..<stations.count).map { station in
            (firstDay..<firstDay + dayCount).compactMap { day in
                let hours = dayHours(station: station, day: day)
                guard hours.contains(where: { $0 != nil }) else { return nil }
                return DailyStatistics.compute(dayNumber: day, dayHours: hours, rules: rules)
            }
        }
    }
}
