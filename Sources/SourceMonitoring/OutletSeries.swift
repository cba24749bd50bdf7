import LantianCore

/// One device's hourly values by factor, as the rules read them: a dense run of hours from `start`, each factor an
/// array with one slot an hour (nil: no record). Hourly records are taken as they are; minute records are made
/// into hours by HJ 75/76-2017 (an hour is valid with at least 45 valid minutes; its value the mean of them).
public struct OutletSeries: Hashable, Sendable {
    /// One factor's hour.
    public struct Hour: Hashable, Sendable {
        public var value: Double?
        public var corrected: Double?
        /// The record's flag, or for an hour made of minutes: N when valid, else the most frequent invalid flag (N
        /// with no value: too few minutes, counted as missing).
        public var flag: String
        /// When the record was sent (HJ 212's `QN`, or a table's upload-time column); nil when unknown.
        public var sent: MinuteStamp?

        public init(value: Double?, corrected: Double? = nil, flag: String = "N", sent: MinuteStamp? = nil) {
            self.value = value
            self.corrected = corrected
            self.flag = flag
            self.sent = sent
        }

        public var isValid: Bool { value != nil && (flag == "N" || flag == "S") }
    }

    /// Valid minutes an hour needs (HJ 75/76-2017).
    public static let minutesForValidHour = 45
    /// Valid hours a day needs (HJ 75/76-2017).
    public static let hoursForValidDay = 20

    public var mn: String
    /// The start of the first hour.
    public var start: MinuteStamp
    /// Hours in the series.
    public var count: Int
    /// factor → one slot an hour from `start`.
    public var factors: [String: [Hour?]]

    public init(mn: String, start: MinuteStamp, count: Int, factors: [String: [Hour?]]) {
        self.mn = mn
        self.start = start
        self.count = count
        self.factors = factors
    }

    /// The start of hour `index`.
    public func time(_ index: Int) -> MinuteStamp { start.adding(minutes: 60 * index) }

    /// The slot of the hour starting at `hour`, if the series spans it.
    public func index(of hour: MinuteStamp) -> Int? {
        let offset = hour.hour.value - start.value
        guard offset >= 0, offset / 60 < count else { return nil }
        return offset / 60
    }

    /// A factor's hour starting at `hour`.
    public func hour(_ factor: String, at hour: MinuteStamp) -> Hour? {
        guard let index = index(of: hour) else { return nil }
        return factors[factor]?[index]
    }

    /// Valid days of `factor`: civil days with at least 20 valid hours (HJ 75/76-2017), of the days the series
    /// spans.
    public func validDays(_ factor: String) -> (valid: Int, days: Int) {
        guard count > 0, let values = factors[factor] else { return (0, 0) }
        var perDay: [Int: Int] = [:]
        for index in 0..<count where values[index]?.isValid == true {
            perDay[Int((Double(time(index).value) / 1440).rounded(.down)), default: 0] += 1
        }
        let first = Int((Double(start.value) / 1440).rounded(.down))
        let last = Int((Double(time(count - 1).value) / 1440).rounded(.down))
        return (perDay.values.filter { $0 >= Self.hoursForValidDay }.count, last - first + 1)
    }

    /// Each device's series from `records` (any mix of hourly and minute records; real-time and day records are
    /// left out), by device id.
    public static func build(_ records: [MonitoringRecord]) -> [OutletSeries] {
        var hourly: [String: [String: [MinuteStamp: Hour]]] = [:]
        var minutes: [String: [String: [MinuteStamp: [MonitoringRecord.Reading]]]] = [:]
        var sent: [String: [MinuteStamp: MinuteStamp]] = [:]
        for record in records {
            switch record.kind {
            case .hour:
                for (factor, reading) in record.readings {
                    hourly[record.mn, default: [:]][factor, default: [:]][record.time.hour] = Hour(
                        value: reading.value, corrected: reading.corrected, flag: reading.flag, sent: record.sent)
                }
            case .minute:
                for (factor, reading) in record.readings {
                    minutes[record.mn, default: [:]][factor, default: [:]][record.time.hour, default: []].append(
                        reading)
                }
                if let time = record.sent { sent[record.mn, default: [:]][record.time.hour] = time }
            case .realtime, .day: continue
            }
        }
        for (mn, factors) in minutes {
            for (factor, byHour) in factors {
                for (hour, readings) in byHour where hourly[mn]?[factor]?[hour] == nil {
                    hourly[mn, default: [:]][factor, default: [:]][hour] = fromMinutes(
                        readings, sent: sent[mn]?[hour])
                }
            }
        }
        return hourly.keys.sorted().compactMap { mn in
            let factors = hourly[mn] ?? [:]
            let hours = factors.values.flatMap(\.keys)
            guard let first = hours.min(), let last = hours.max() else { return nil }
            let count = (last.value - first.value) / 60 + 1
            var dense: [String: [Hour?]] = [:]
            for (factor, byHour) in factors {
                var slots = [Hour?](repeating: nil, count: count)
                for (hour, value) in byHour { slots[(hour.value - first.value) / 60] = value }
                dense[factor] = slots
            }
            return OutletSeries(mn: mn, start: first, count: count, factors: dense)
        }
    }

    /// An hour from its minutes (HJ 75/76-2017).
    public static func fromMinutes(_ readings: [MonitoringRecord.Reading], sent: MinuteStamp? = nil) -> Hour {
        let valid = readings.filter(\.isValid)
        if valid.count >= minutesForValidHour {
            let mean = valid.compactMap(\.value).reduce(0, +) / Double(valid.count)
            let corrected = valid.compactMap(\.corrected)
            return Hour(
                value: mean,
                corrected: corrected.count == valid.count ? corrected.reduce(0, +) / Double(corrected.count) : nil,
                flag: "N", sent: sent)
        }
        let flags = Dictionary(grouping: readings.filter { !$0.isValid }, by: \.flag)
        let flag = flags.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key ?? "N"
        return Hour(value: nil, corrected: nil, flag: flag, sent: sent)
    }
}

extension OutletSeries {
    /// A device's series from its stored month blocks (factor, month, bytes), trimmed to the hours from the first
    /// record to the last.
    public init(mn: String, blocks: [(factor: String, month: Int, bytes: [UInt8])]) {
        var first = Int.max
        var last = Int.min
        var decoded: [(factor: String, start: Int, slots: [Hour?])] = []
        for block in blocks {
            let slots = HourBlock.decode(block.bytes, month: block.month)
            let start = HourBlock.start(ofMonth: block.month).value
            if let i = slots.firstIndex(where: { $0 != nil }) { first = min(first, start + 60 * i) }
            if let i = slots.lastIndex(where: { $0 != nil }) { last = max(last, start + 60 * i) }
            decoded.append((block.factor, start, slots))
        }
        guard first <= last else {
            self.init(mn: mn, start: MinuteStamp(value: 0), count: 0, factors: [:])
            return
        }
        let count = (last - first) / 60 + 1
        var factors: [String: [Hour?]] = [:]
        for (factor, start, slots) in decoded {
            if factors[factor] == nil { factors[factor] = [Hour?](repeating: nil, count: count) }
            for (i, slot) in slots.enumerated() where slot != nil {
                let index = (start + 60 * i - first) / 60
                if index >= 0 && index < count { factors[factor]![index] = slot }
            }
        }
        self.init(mn: mn, start: MinuteStamp(value: first), count: count, factors: factors)
    }
}
