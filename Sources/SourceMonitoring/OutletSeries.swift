/// One device's hourly values by factor, as the rules read them: hourly records as they are; minute records
/// made into hours by HJ 75/76-2017 (an hour is valid with at least 45 valid minutes; its value the mean of
/// them).
public struct OutletSeries: Hashable, Sendable {
    /// One factor's hour.
    public struct Hour: Hashable, Sendable {
        public var value: Double?
        public var corrected: Double?
        /// The record's flag, or for an hour made of minutes: N when valid, else the most frequent invalid flag (N
        /// with no value: too few minutes, counted as missing).
        public var flag: String

        public var isValid: Bool { value != nil && ["N", "S"].contains(flag) }
    }

    /// Valid minutes an hour needs (HJ 75/76-2017).
    public static let minutesForValidHour = 45

    public var mn: String
    /// Hour starts with any record, in order.
    public var hours: [MinuteStamp]
    /// factor → hour start → value.
    public var factors: [String: [MinuteStamp: Hour]]

    public init(mn: String, hours: [MinuteStamp], factors: [String: [MinuteStamp: Hour]]) {
        self.mn = mn
        self.hours = hours
        self.factors = factors
    }

    /// Each device's series from `records` (any mix of hourly and minute records; real-time and day records are
    /// left out), by device id.
    public static func build(_ records: [MonitoringRecord]) -> [OutletSeries] {
        var hourly: [String: [String: [MinuteStamp: Hour]]] = [:]
        var minutes: [String: [String: [MinuteStamp: [MonitoringRecord.Reading]]]] = [:]
        for record in records {
            switch record.kind {
            case .hour:
                for (factor, reading) in record.readings {
                    hourly[record.mn, default: [:]][factor, default: [:]][record.time.hour] = Hour(
                        value: reading.value, corrected: reading.corrected, flag: reading.flag)
                }
            case .minute:
                for (factor, reading) in record.readings {
                    minutes[record.mn, default: [:]][factor, default: [:]][record.time.hour, default: []].append(
                        reading)
                }
            case .realtime, .day: continue
            }
        }
        for (mn, factors) in minutes {
            for (factor, byHour) in factors {
                for (hour, readings) in byHour where hourly[mn]?[factor]?[hour] == nil {
                    let valid = readings.filter(\.isValid)
                    if valid.count >= minutesForValidHour {
                        let mean = valid.compactMap(\.value).reduce(0, +) / Double(valid.count)
                        let corrected = valid.compactMap(\.corrected)
                        hourly[mn, default: [:]][factor, default: [:]][hour] = Hour(
                            value: mean,
                            corrected: corrected.count == valid.count
                                ? corrected.reduce(0, +) / Double(corrected.count) : nil, flag: "N")
                    } else {
                        let flags = Dictionary(grouping: readings.filter { !$0.isValid }, by: \.flag)
                        let flag = flags.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key ?? "N"
                        hourly[mn, default: [:]][factor, default: [:]][hour] = Hour(
                            value: nil, corrected: nil, flag: flag)
                    }
                }
            }
        }
        return hourly.keys.sorted().map { mn in
            let factors = hourly[mn] ?? [:]
            let hours = Set(factors.values.flatMap(\.keys)).sorted()
            return OutletSeries(mn: mn, hours: hours, factors: factors)
        }
    }
}
