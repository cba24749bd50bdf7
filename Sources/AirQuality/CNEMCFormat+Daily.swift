extension CNEMCFormat {
    /// Each station's days from a set of records. A day with at least `minHoursForDailyMean` hourly rows is
    /// computed from them per HJ 663 (``DailyStatistics/compute(dayNumber:hours:rules:)``); otherwise, when the
    /// row of 00:00 that closes the day is present, its `*_24h` means and ozone maxima are the day's (the feed's
    /// own daily values). Other days are left out, never filled.
    public static func dailyStatistics(
        _ records: [Record], rules: ValidityRules = .hj663
    ) -> [(station: String, statistics: DailyStatistics)] {
        var hours: [String: [HourStamp: [Pollutant: Double]]] = [:]
        var closing: [String: [Int: DailyStatistics]] = [:]
        for record in records {
            guard let stamp = HourStamp(timepoint: record.timepoint) else { continue }
            hours[record.station, default: [:]][stamp] = record.hourly
            if let day = record.closedDay { closing[record.station, default: [:]][day.dayNumber] = day }
        }
        var result: [(station: String, statistics: DailyStatistics)] = []
        for station in Set(hours.keys).sorted() {
            let stationHours = hours[station] ?? [:]
            var counts: [Int: Int] = [:]
            for stamp in stationHours.keys { counts[stamp.dayNumber, default: 0] += 1 }
            let days = Set(counts.keys).union(closing[station]?.keys ?? [:].keys).sorted()
            for day in days {
                if (counts[day] ?? 0) >= rules.minHoursForDailyMean {
                    result.append((station, DailyStatistics.compute(dayNumber: day, hours: stationHours, rules: rules)))
                } else if let closed = closing[station]?[day] {
                    result.append((station, closed))
                }
            }
        }
        return result
    }
}
