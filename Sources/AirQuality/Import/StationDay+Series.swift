extension StationDay {
    /// Each station's days from hourly observations. A day with at least `minHoursForDailyMean` hours is
    /// computed from them per HJ 663 (``DailyStatistics/compute(dayNumber:dayHours:rules:)``); otherwise, when a
    /// CNEMC 00:00 row closed it, the feed's own daily values are the day's. Other days are left out, never
    /// filled — unless `includeInvalid`, which computes them too, with their reasons in
    /// ``DailyStatistics/invalid``. Later observations of the same station-hour lay their present values over
    /// earlier ones.
    public static func series(
        _ observations: [HourlyObservation], closedDays: [StationDay] = [], rules: ValidityRules = .hj663,
        includeInvalid: Bool = false
    ) -> [StationDay] {
        var days: [String: [Int: [PollutantValues?]]] = [:]
        for observation in observations {
            let hour = observation.hour
            let index = hour.endHour - 1
            var slots = days[observation.station, default: [:]][hour.dayNumber] ?? Array(repeating: nil, count: 24)
            slots[index] = (slots[index] ?? PollutantValues()).merging(observation.values)
            days[observation.station, default: [:]][hour.dayNumber] = slots
        }
        var closing: [String: [Int: DailyStatistics]] = [:]
        for day in closedDays { closing[day.station, default: [:]][day.statistics.dayNumber] = day.statistics }
        var result: [StationDay] = []
        for station in Set(days.keys).union(closing.keys).sorted() {
            let stationDays = days[station] ?? [:]
            for day in Set(stationDays.keys).union(closing[station]?.keys ?? [:].keys).sorted() {
                let hours = stationDays[day] ?? []
                let counted = hours.lazy.filter({ $0 != nil }).count
                if counted >= rules.minHoursForDailyMean
                    || (includeInvalid && counted > 0 && closing[station]?[day] == nil)
                {
                    result.append(
                        StationDay(
                            station: station,
                            statistics: DailyStatistics.compute(dayNumber: day, dayHours: hours, rules: rules)))
                } else if let closed = closing[station]?[day] {
                    result.append(StationDay(station: station, statistics: closed))
                }
            }
        }
        return result
    }
}
