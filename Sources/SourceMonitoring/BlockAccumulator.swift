import LantianCore

/// Gathers a stream's samples into stored month blocks (``HourBlock``), minute data made into hours
/// (HJ 75/76-2017) once their hour is over, and merges blocks into what is stored, naming every value that changes
/// (a correction). Holds only the blocks not yet handed over: the importer takes them when ``heldBytes`` grows.
public struct BlockAccumulator {
    public struct Key: Hashable, Sendable, Comparable {
        public var mn: String
        public var factor: String
        /// year × 12 + month − 1.
        public var month: Int

        public init(mn: String, factor: String, month: Int) {
            self.mn = mn
            self.factor = factor
            self.month = month
        }

        public static func < (a: Key, b: Key) -> Bool { (a.mn, a.factor, a.month) < (b.mn, b.factor, b.month) }
    }

    /// A stored value replaced by a different one.
    public struct Correction: Hashable, Sendable {
        public var mn: String
        public var factor: String
        public var hour: MinuteStamp
        public var before: OutletSeries.Hour
        public var after: OutletSeries.Hour
    }

    private struct MinuteKey: Hashable {
        var mn: String
        var factor: String
        var hour: Int
    }
    public private(set) var warnings: [ImportIssue] = []
    /// Hours written (duplicates in the file counted once each time).
    public private(set) var hours = 0
    /// Bytes of the blocks held.
    public private(set) var heldBytes = 0

    // Blocks by a packed integer key (device, factor, month): hashing an integer, not two strings, for each of
    // the tens of millions of values a year brings.
    private var blocks: [UInt64: [UInt8]] = [:]
    private var devices: [String: UInt64] = [:]
    private var deviceNames: [String] = []
    private var factors: [String: UInt64] = [:]
    private var factorNames: [String] = []
    private var minutes: [MinuteKey: (readings: [MonitoringRecord.Reading], sent: MinuteStamp?, line: Int)] = [:]
    private var newestMinuteHour = Int.min
    private var newestMonth = Int.min
    // The samples of one record share device and hour: the last ones looked up.
    private var lastDevice: (mn: String, index: UInt64)?
    private var lastHour: (value: Int, month: Int, monthStart: Int, index: Int)?

    public init() {}

    public mutating func add(_ sample: MonitoringStream.Sample) {
        switch sample.kind {
        case .hour:
            let reading = sample.reading
            put(
                sample.mn, sample.factor, sample.time.hour,
                OutletSeries.Hour(
                    value: reading.value, corrected: reading.corrected, flag: reading.flag, sent: sample.sent),
                line: sample.line)
        case .minute:
            let hour = sample.time.hour.value
            let key = MinuteKey(mn: sample.mn, factor: sample.factor, hour: hour)
            minutes[key, default: ([], nil, sample.line)].readings.append(sample.reading)
            if let sent = sample.sent { minutes[key]?.sent = sent }
            minutes[key]?.line = sample.line
            if hour > newestMinuteHour {
                newestMinuteHour = hour
                // Minutes arrive in time order in the files seen; an hour two hours behind the newest is complete.
                closeMinutes { $0 < hour - 120 }
            }
        case .realtime, .day: break
        }
    }

    /// Closes every pending minute hour: call at the end of a file.
    public mutating func finish() { closeMinutes { _ in true } }

    /// Hands over every block gathered so far and forgets them.
    public mutating func take() -> [Key: [UInt8]] { take { _ in true } }

    /// Hands over the blocks of months before the newest one seen — complete, in a file in time order, so that
    /// each is written once — or, when there are none, every block.
    public mutating func takeComplete() -> [Key: [UInt8]] {
        let newest = newestMonth
        let complete = take { $0 < newest }
        return complete.isEmpty ? take() : complete
    }

    private mutating func take(_ month: (Int) -> Bool) -> [Key: [UInt8]] {
        var taken: [Key: [UInt8]] = [:]
        for (packed, bytes) in blocks where month(Int(packed & 0xFFFF)) {
            taken[
                Key(
                    mn: deviceNames[Int(packed >> 32)], factor: factorNames[Int((packed >> 16) & 0xFFFF)],
                    month: Int(packed & 0xFFFF))] = bytes
            blocks[packed] = nil
            heldBytes -= bytes.count
        }
        return taken
    }

    private mutating func closeMinutes(_ which: (Int) -> Bool) {
        for (key, pending) in minutes where which(key.hour) {
            put(
                key.mn, key.factor, MinuteStamp(value: key.hour),
                OutletSeries.fromMinutes(pending.readings, sent: pending.sent), line: pending.line)
            minutes[key] = nil
        }
    }

    private mutating func put(
        _ mn: String, _ factor: String, _ hour: MinuteStamp, _ value: OutletSeries.Hour, line: Int
    ) {
        let device: UInt64
        if let last = lastDevice, last.mn == mn {
            device = last.index
        } else if let known = devices[mn] {
            device = known
            lastDevice = (mn, known)
        } else {
            device = UInt64(deviceNames.count)
            devices[mn] = device
            deviceNames.append(mn)
            lastDevice = (mn, device)
        }
        let factorNumber: UInt64
        if let known = factors[factor] {
            factorNumber = known
        } else {
            factorNumber = UInt64(factorNames.count)
            factors[factor] = factorNumber
            factorNames.append(factor)
        }
        let month: Int
        let monthStart: Int
        let index: Int
        if let last = lastHour, last.value == hour.value {
            (month, monthStart, index) = (last.month, last.monthStart, last.index)
        } else {
            month = HourBlock.month(of: hour)
            monthStart = HourBlock.start(ofMonth: month).value
            index = (hour.value - monthStart) / 60
            lastHour = (hour.value, month, monthStart, index)
            newestMonth = max(newestMonth, month)
        }
        let key = device << 32 | factorNumber << 16 | UInt64(month)
        if blocks[key] == nil {
            let size = HourBlock.hours(inMonth: month) * HourBlock.bytesPerHour
            blocks[key] = [UInt8](repeating: 0, count: size)
            heldBytes += size
        }
        let duplicate = HourBlock.write(value, at: index, monthStart: monthStart, into: &blocks[key]!)
        if duplicate, warnings.count < MonitoringStream.listedProblems {
            warnings.append(
                ImportIssue(
                    line: line, field: factor,
                    reason: "\(mn) \(hour.text.replacingOccurrences(of: "T", with: " ")) 的 \(factor) 在文件中重复，以此行为准"))
        }
        hours += 1
    }

    /// `new` laid over `stored` (either may be nil: a fresh block): slots `new` has replace the stored ones; a
    /// replaced slot whose flag or values differ is a correction. A re-sent identical value keeps the first
    /// sending time.
    public static func merge(_ new: [UInt8], into stored: [UInt8]?, key: Key) -> (
        block: [UInt8], corrections: [Correction]
    ) {
        guard var block = stored, block.count == new.count else { return (new, []) }
        var corrections: [Correction] = []
        let size = HourBlock.bytesPerHour
        let start = HourBlock.start(ofMonth: key.month)
        for index in 0..<(new.count / size) where new[index * size] != 0 {
            let base = index * size
            if block[base] == 0 {
                block.replaceSubrange(base..<(base + size), with: new[base..<(base + size)])
                continue
            }
            if block[base..<(base + 9)].elementsEqual(new[base..<(base + 9)]) { continue }
            let before = HourBlock.slot(block, at: index, month: key.month)!
            let after = HourBlock.slot(new, at: index, month: key.month)!
            corrections.append(
                Correction(
                    mn: key.mn, factor: key.factor, hour: start.adding(minutes: 60 * index), before: before,
                    after: after))
            block.replaceSubrange(base..<(base + size), with: new[base..<(base + size)])
        }
        return (block, corrections)
    }
}
