import LantianCore

/// Reads hourly station data in any ``HourlyFormat``, streaming: feed it the file in chunks of any size, take
/// what it has read after each, and memory stays flat however large the file is.
///
/// Every bad line is reported with its number, field and reason and skipped; a header it cannot use is
/// ``fatal`` and nothing is read after it.
public struct HourlyReader {
    /// What a whole text gave.
    public struct Reading: Sendable {
        public var format: HourlyFormat?
        public var observations: [HourlyObservation]
        /// Days closed by CNEMC 00:00 rows: the feed's own daily values for the day before.
        public var closedDays: [StationDay]
        public var issues: [ImportIssue]
        public var fatal: ImportIssue?
    }

    public private(set) var format: HourlyFormat?
    public private(set) var observations: [HourlyObservation] = []
    public private(set) var closedDays: [StationDay] = []
    public private(set) var issues: [ImportIssue] = []
    public private(set) var fatal: ImportIssue?
    /// Lines seen so far, header included.
    public private(set) var lineNumber = 0
    public private(set) var bytesRead = 0

    /// The ozone layout a CNEMC file is read in: as requested, or decided from its rows (`auto`); nil until then.
    public private(set) var ozoneLayout: CNEMCFormat.OzoneLayout?
    /// How the CNEMC rows read so far vote on their ozone layout.
    public private(set) var ozoneEvidence = CNEMCFormat.OzoneEvidence()

    private let requested: HourlyFormat?
    /// Values accepted but doubted, one entry per field and kind, given out at ``finish()`` as ``warnings``.
    public private(set) var warnings: [ImportIssue] = []
    private var doubts: [String: (field: String, reason: String, first: Int, count: Int)] = [:]
    private var doubtOrder: [String] = []
    /// Station-hours of the last 48 hours read, to tell a row that repeats one (files are in time order; repeats
    /// further apart are merged by the importer without a warning).
    private var recent: [Int: Set<String>] = [:]
    private var newestHour = Int.min
    /// The longest line read: a longer one is refused whole (a field of megabytes is no measurement).
    public static let maxLineBytes = 1 << 20

    /// CNEMC rows held until `auto` decides their ozone layout (at most ``maxUndecidedRows``).
    private var undecided: [CNEMCRow] = []
    private static let maxUndecidedRows = 20_000
    private var carry: [UInt8] = []
    private var header: [String] = []
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var columns: [Int] = []
    private var wideTypes: [String: Pollutant?] = [:]
    private var group: (hour: HourStamp, station: String, line: Int)?
    private var groupValues: [PollutantValues] = []

    /// `format` nil: told from the header (CNEMC with its ozone layout told from its rows).
    public init(format: HourlyFormat? = nil) {
        requested = format
    }

    /// Reads a whole text.
    public static func read(_ text: String, format: HourlyFormat? = nil) -> Reading {
        var reader = HourlyReader(format: format)
        var text = text
        text.withUTF8 { reader.feed(UnsafeRawBufferPointer($0)) }
        reader.finish()
        return Reading(
            format: reader.format, observations: reader.observations, closedDays: reader.closedDays,
            issues: reader.issues, fatal: reader.fatal)
    }

    /// Reads the complete lines in `chunk`, keeping a partial last line for the next call.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        guard let base = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        bytesRead += chunk.count
        var lineStart = 0
        var i = 0
        let n = chunk.count
        while i < n {
            if base[i] == 10 {
                if carry.isEmpty {
                    line(base + lineStart, count: i - lineStart)
                } else {
                    carry.append(contentsOf: UnsafeBufferPointer(start: base + lineStart, count: i - lineStart))
                    let whole = carry
                    carry.removeAll(keepingCapacity: true)
                    whole.withUnsafeBufferPointer { line($0.baseAddress!, count: $0.count) }
                }
                lineStart = i + 1
            }
            i += 1
        }
        if lineStart < n {
            carry.append(contentsOf: UnsafeBufferPointer(start: base + lineStart, count: n - lineStart))
            if carry.count > Self.maxLineBytes && fatal == nil {
                fatal = ImportIssue(
                    line: lineNumber + 1, field: "line",
                    reason: "longer than \(Self.maxLineBytes >> 20) MB — not a data line")
                carry.removeAll()
            }
        }
    }

    /// Reads a last line without a newline and closes the last group of a wide or long file.
    public mutating func finish() {
        if !carry.isEmpty {
            let whole = carry
            carry.removeAll()
            whole.withUnsafeBufferPointer { line($0.baseAddress!, count: $0.count) }
        }
        if lineNumber == 0 { fatal = ImportIssue(line: 1, field: "header", reason: "the file is empty") }
        flushGroup()
        if case .cnemc = format, ozoneLayout == nil { decideOzone() }
        if fatal == nil && lineNumber == 1 {
            doubt(field: "file", reason: "a header and no rows", line: 1)
        }
        warnings = doubtOrder.compactMap { key in
            doubts[key].map { d in
                ImportIssue(
                    line: d.first, field: d.field,
                    reason: d.count == 1 ? d.reason : "\(d.reason) — \(d.count) lines, the first shown")
            }
        }.sorted { $0.line < $1.line }
    }

    /// Notes a value accepted but doubted; warnings of one field and kind are counted under their first line.
    private mutating func doubt(field: String, reason: String, line: Int) {
        let key = field + "\u{1F}" + reason
        if doubts[key] == nil {
            doubts[key] = (field, reason, line, 0)
            doubtOrder.append(key)
        }
        doubts[key]?.count += 1
    }

    /// Adds an observation, doubting values beyond ``Pollutant/plausibleHourlyMaximum`` and a station-hour read
    /// before.
    private mutating func accept(_ observation: HourlyObservation) {
        for pollutant in Pollutant.allCases {
            if let value = observation.values[pollutant], value > pollutant.plausibleHourlyMaximum {
                doubt(
                    field: pollutant.rawValue,
                    reason: "\(NumberText.exact(value)) \(pollutant.unit) is beyond any recorded hour (above "
                        + "\(NumberText.exact(pollutant.plausibleHourlyMaximum))); kept as data — check the file",
                    line: observation.line)
            }
        }
        let hour = observation.hour.value
        if hour > newestHour {
            newestHour = hour
            recent = recent.filter { $0.key > hour - 48 }
        }
        if hour > newestHour - 48 {
            if recent[hour, default: []].insert(observation.station).inserted == false {
                doubt(
                    field: "station/hour",
                    reason:
                        "\(observation.station) \(observation.timepoint) again; the later line replaces the earlier",
                    line: observation.line)
            }
        }
        observations.append(observation)
    }

    /// What the import summary says about the ozone columns of a CNEMC file, and whether it is a warning: rows
    /// that contradict each other, or a requested layout the rows contradict. Nil for other formats.
    public var ozoneNote: (text: String, warning: Bool)? {
        guard case .cnemc(let used) = format, used != .auto else { return nil }
        let evidence = ozoneEvidence
        guard case .cnemc(let asked) = requested, asked != .auto else {
            if evidence.layout != used {
                return (
                    "read as \(used.rawValue) from the first rows, but the whole file says: " + evidence.reason, true
                )
            }
            return (evidence.reason, evidence.isAmbiguous)
        }
        if evidence.contradicts(asked) {
            return ("read as \(asked.rawValue) as requested, but the rows say otherwise: " + evidence.reason, true)
        }
        return ("read as \(asked.rawValue) as requested", evidence.isAmbiguous)
    }

    private mutating func decideOzone() {
        let layout = ozoneEvidence.layout
        ozoneLayout = layout
        format = .cnemc(layout)
        let held = undecided
        undecided.removeAll()
        for row in held { emit(row, ozone: layout) }
    }

    /// Hands over what was read since the last call.
    public mutating func take() -> (observations: [HourlyObservation], closedDays: [StationDay], issues: [ImportIssue])
    {
        defer {
            observations.removeAll(keepingCapacity: true)
            closedDays.removeAll()
            issues.removeAll()
        }
        return (observations, closedDays, issues)
    }

    // MARK: - Lines

    private mutating func line(_ p: UnsafePointer<UInt8>, count rawCount: Int) {
        lineNumber += 1
        guard fatal == nil else { return }
        guard rawCount <= Self.maxLineBytes else {
            fatal = ImportIssue(
                line: lineNumber, field: "line", reason: "longer than \(Self.maxLineBytes >> 20) MB — not a data line")
            return
        }
        var count = rawCount
        if count > 0 && p[count - 1] == 13 { count -= 1 }
        if lineNumber == 1 {
            readHeader(p, count: count)
            return
        }
        var blank = true
        for i in 0..<count where p[i] != 32 && p[i] != 9 {
            blank = false
            break
        }
        if blank { return }
        split(p, count)
        switch format {
        case .cnemc: cnemcLine(p)
        case .wide: wideLine(p)
        case .long: longLine(p)
        case .prsa: prsaLine(p)
        case nil: break
        }
    }

    private mutating func readHeader(_ p: UnsafePointer<UInt8>, count: Int) {
        var start = 0
        if count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { start = 3 }
        split(p + start, count - start)
        header = (0..<starts.count).map { trimmedText(p + start, $0) }
        guard let detected = requested ?? HourlyFormat.detect(header: header) else {
            fatal = ImportIssue(
                line: 1, field: "header",
                reason: "not a known hourly layout (CNEMC timepoint,stationcode,…; date,hour,type,…; "
                    + "station,time,pollutant,value; PRSA No,year,month,day,hour,…)")
            return
        }
        format = detected
        if case .cnemc(let layout) = detected, layout != .auto { ozoneLayout = layout }
        let lower = header.map { $0.lowercased() }
        func index(_ name: String) -> Int { lower.firstIndex(of: name) ?? -1 }
        let required: [String]
        switch detected {
        case .cnemc: required = CNEMCFormat.requiredColumns + ["positionname", "primarypollutant"]
        case .wide: required = ["date", "hour", "type"]
        case .long: required = ["station", "time", "pollutant", "value"]
        case .prsa: required = ["year", "month", "day", "hour", "pm2.5", "pm10", "so2", "no2", "co", "o3", "station"]
        }
        columns = required.map(index)
        let optional: Set = ["positionname", "primarypollutant"]
        let missing = zip(required, columns).filter { $0.1 < 0 && !optional.contains($0.0) }.map(\.0)
        if !missing.isEmpty {
            fatal = ImportIssue(
                line: 1, field: "header", reason: "missing column(s): " + missing.joined(separator: ", "))
        }
        if case .wide = detected {
            groupValues = Array(repeating: PollutantValues(), count: header.count)
        }
    }

    // MARK: - Fields

    /// Splits a line into field ranges (quotes stripped; a quoted field may hold commas).
    private mutating func split(_ p: UnsafePointer<UInt8>, _ n: Int) {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        var i = 0
        while true {
            if i < n && p[i] == 34 {
                let s = i + 1
                var j = s
                while j < n {
                    if p[j] == 34 {
                        if j + 1 < n && p[j + 1] == 34 {
                            j += 2
                            continue
                        }
                        break
                    }
                    j += 1
                }
                starts.append(s)
                ends.append(min(j, n))
                i = j + 1
                while i < n && p[i] != 44 { i += 1 }
            } else {
                let s = i
                while i < n && p[i] != 44 { i += 1 }
                starts.append(s)
                ends.append(i)
            }
            if i >= n { break }
            i += 1
        }
    }

    private func trimmedText(_ p: UnsafePointer<UInt8>, _ field: Int) -> String {
        var s = starts[field]
        var e = ends[field]
        while s < e && (p[s] == 32 || p[s] == 9) { s += 1 }
        while e > s && (p[e - 1] == 32 || p[e - 1] == 9) { e -= 1 }
        return String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self)
    }

    private enum Number {
        case missing
        /// Text that stands for a missing value (`NA`, `N/A`, `-` …).
        case missingText(String)
        case value(Double)
        case bad(String)
    }

    private static let powersOfTen: [Double] = (0...18).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// A concentration: empty, `NA`, `-`, `—` are missing; a plain decimal is read without allocating (exactly
    /// as `Double(String)` would: an integer mantissa below 2^63 over an exact power of ten is correctly rounded).
    private func number(_ p: UnsafePointer<UInt8>, _ field: Int) -> Number {
        var s = starts[field]
        var e = ends[field]
        while s < e && p[s] == 32 { s += 1 }
        while e > s && p[e - 1] == 32 { e -= 1 }
        if s == e { return .missing }
        var i = s
        var negative = false
        if p[i] == 45 {
            negative = true
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var dot = false
        while i < e {
            let c = p[i]
            if c >= 48 && c <= 57 {
                mantissa = mantissa &* 10 &+ UInt64(c - 48)
                digits += 1
                if dot { fraction += 1 }
            } else if c == 46 && !dot {
                dot = true
            } else {
                break
            }
            i += 1
        }
        if i == e && digits > 0 && digits <= 18 {
            // Exact when the mantissa fits 2^53; beyond that Double(String) decides.
            if mantissa < 1 << 53 {
                let value = Double(mantissa) / Self.powersOfTen[fraction]
                return .value(negative ? -value : value)
            }
        }
        let raw = String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self)
        switch raw.uppercased() {
        case "NA", "N/A", "NAN", "NULL", "-", "—", "--": return .missingText(raw)
        default: break
        }
        if let value = Double(raw), value.isFinite { return .value(value) }
        return .bad(raw)
    }

    /// A concentration field, or an issue recorded against the line (the first one wins).
    private mutating func concentration(
        _ p: UnsafePointer<UInt8>, _ field: Int, name: String, bad: inout ImportIssue?
    ) -> Double? {
        guard field >= 0 else { return nil }
        switch number(p, field) {
        case .missing: return nil
        case .missingText(let raw):
            // PRSA writes NA for missing by its own convention; elsewhere the text is worth a look.
            if !(format == .prsa && raw == "NA") {
                doubt(field: name, reason: "\"\(raw)\" read as missing", line: lineNumber)
            }
            return nil
        case .value(let value):
            if value < 0 {
                bad = bad ?? ImportIssue(line: lineNumber, field: name, reason: "negative concentration \(value)")
                return nil
            }
            return value
        case .bad(let raw):
            bad = bad ?? ImportIssue(line: lineNumber, field: name, reason: "\"\(raw)\" is not a number")
            return nil
        }
    }

    private mutating func fieldCountMatches() -> Bool {
        guard starts.count >= header.count else {
            issues.append(
                ImportIssue(
                    line: lineNumber, field: "row", reason: "\(starts.count) fields, the header has \(header.count)"))
            return false
        }
        return true
    }

    private func hour(_ p: UnsafePointer<UInt8>, _ field: Int) -> HourStamp? {
        var s = starts[field]
        var e = ends[field]
        while s < e && p[s] == 32 { s += 1 }
        while e > s && p[e - 1] == 32 { e -= 1 }
        return HourStamp.parse(p + s, count: e - s)
    }

    // MARK: - (a) CNEMC

    private mutating func cnemcLine(_ p: UnsafePointer<UInt8>) {
        guard fieldCountMatches() else { return }
        // columns follow CNEMCFormat.requiredColumns, then positionname, primarypollutant.
        let c = columns
        guard let stamp = hour(p, c[0]) else {
            issues.append(
                ImportIssue(
                    line: lineNumber, field: "timepoint",
                    reason: "\"\(trimmedText(p, c[0]))\" is not YYYY-MM-DDTHH:00:00"))
            return
        }
        let station = trimmedText(p, c[1])
        guard !station.isEmpty else {
            issues.append(ImportIssue(line: lineNumber, field: "stationcode", reason: "empty"))
            return
        }
        var bad: ImportIssue?
        var aqi: Int?
        switch number(p, c[2]) {
        case .missing, .missingText: break
        case .value(let value):
            if value >= 0 && value == value.rounded() { aqi = Int(value) } else { fallthrough }
        case .bad:
            bad = ImportIssue(
                line: lineNumber, field: "aqi", reason: "\"\(trimmedText(p, c[2]))\" is not a whole number")
        }
        var values = PollutantValues()
        values.pm10 = concentration(p, c[3], name: "pm10", bad: &bad)
        let pm10Mean = concentration(p, c[4], name: "pm10_24h", bad: &bad)
        values.pm25 = concentration(p, c[5], name: "pm2_5", bad: &bad)
        let pm25Mean = concentration(p, c[6], name: "pm2_5_24h", bad: &bad)
        let o3 = concentration(p, c[7], name: "o3", bad: &bad)
        let o3Column24h = concentration(p, c[8], name: "o3_24h", bad: &bad)
        let o3Column8h = concentration(p, c[9], name: "o3_8h", bad: &bad)
        let o3Column8h24h = concentration(p, c[10], name: "o3_8h_24h", bad: &bad)
        values.no2 = concentration(p, c[11], name: "no2", bad: &bad)
        let no2Mean = concentration(p, c[12], name: "no2_24h", bad: &bad)
        values.so2 = concentration(p, c[13], name: "so2", bad: &bad)
        let so2Mean = concentration(p, c[14], name: "so2_24h", bad: &bad)
        values.co = concentration(p, c[15], name: "co", bad: &bad)
        let coMean = concentration(p, c[16], name: "co_24h", bad: &bad)
        if let bad {
            issues.append(bad)
            return
        }
        // Only a 00:00 row closes a day; a dictionary for every row would cost an allocation each.
        var means: [Pollutant: Double]?
        if stamp.endHour == 24 {
            var closing: [Pollutant: Double] = [:]
            closing[.pm10] = pm10Mean
            closing[.pm25] = pm25Mean
            closing[.no2] = no2Mean
            closing[.so2] = so2Mean
            closing[.co] = coMean
            means = closing
        }
        let row = CNEMCRow(
            observation: HourlyObservation(
                station: station, hour: stamp, values: values, so2Mean24h: so2Mean, officialAQI: aqi,
                officialPrimary: c[18] >= 0 ? trimmedText(p, c[18]) : "", line: lineNumber),
            o3: o3, o3Column24h: o3Column24h, o3Column8h: o3Column8h, o3Column8h24h: o3Column8h24h, means: means)
        ozoneEvidence.count(
            line: lineNumber, o3: o3, o3Column24h: o3Column24h, o3Column8h: o3Column8h, o3Column8h24h: o3Column8h24h)
        if let layout = ozoneLayout {
            emit(row, ozone: layout)
        } else {
            undecided.append(row)
            if ozoneEvidence.isConclusive || undecided.count >= Self.maxUndecidedRows { decideOzone() }
        }
    }

    /// A CNEMC row read but not yet placed: its ozone columns as the header names them.
    private struct CNEMCRow {
        var observation: HourlyObservation
        var o3: Double?
        var o3Column24h: Double?
        var o3Column8h: Double?
        var o3Column8h24h: Double?
        /// The closing day's own 24-hour means: on a 00:00 row only.
        var means: [Pollutant: Double]?
    }

    private mutating func emit(_ row: CNEMCRow, ozone: CNEMCFormat.OzoneLayout) {
        var observation = row.observation
        let o3Max1h: Double?
        let o3Max8h: Double?
        switch ozone {
        case .standard, .auto:
            observation.values.o3 = row.o3
            o3Max1h = row.o3Column24h
            o3Max8h = row.o3Column8h24h
        case .swappedArchive:
            observation.values.o3 = row.o3Column24h
            o3Max1h = row.o3
            o3Max8h = row.o3Column8h
        }
        accept(observation)
        if let means = row.means {
            closedDays.append(
                StationDay(
                    station: observation.station,
                    statistics: DailyStatistics(
                        dayNumber: observation.hour.dayNumber, means: means, o3Max1h: o3Max1h, o3Max8h: o3Max8h)))
        }
    }

    // MARK: - (b) wide

    private mutating func wideLine(_ p: UnsafePointer<UInt8>) {
        guard fieldCountMatches() else { return }
        let dateText = trimmedText(p, 0)
        let digits = dateText.filter(\.isNumber)
        guard digits.count == 8, dateText.count == 8 || dateText.count == 10,
            let stamp = HourStamp(
                timepoint: "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))T00:00:00")
        else {
            issues.append(ImportIssue(line: lineNumber, field: "date", reason: "\"\(dateText)\" is not YYYYMMDD"))
            return
        }
        let hourText = trimmedText(p, 1)
        guard let hourOfDay = Int(hourText), (0...23).contains(hourOfDay) else {
            issues.append(ImportIssue(line: lineNumber, field: "hour", reason: "\"\(hourText)\" is not 0–23"))
            return
        }
        let type = trimmedText(p, 2)
        let pollutant: Pollutant?
        if let known = wideTypes[type] {
            pollutant = known
        } else {
            let upper = type.uppercased()
            switch upper {
            case "PM2.5": pollutant = .pm25
            case "PM10": pollutant = .pm10
            case "SO2": pollutant = .so2
            case "NO2": pollutant = .no2
            case "O3": pollutant = .o3
            case "CO": pollutant = .co
            case "AQI": pollutant = nil
            default:
                guard upper.hasSuffix("_24H") || upper.hasSuffix("_8H") else {
                    issues.append(ImportIssue(line: lineNumber, field: "type", reason: "unknown type \"\(type)\""))
                    return
                }
                pollutant = nil
            }
            wideTypes[type] = pollutant
        }
        let key = HourStamp(value: stamp.value + hourOfDay)
        if group?.hour != key {
            flushGroup()
            group = (key, "", lineNumber)
        }
        guard let pollutant else { return }
        var bad: ImportIssue?
        var row: [(Int, Double)] = []
        for column in 3..<header.count {
            if let value = concentration(p, column, name: header[column], bad: &bad) { row.append((column, value)) }
        }
        if let bad {
            issues.append(bad)
            return
        }
        for (column, value) in row { groupValues[column][pollutant] = value }
    }

    private mutating func flushGroup() {
        guard let current = group else { return }
        group = nil
        switch format {
        case .wide:
            for column in 3..<groupValues.count where !groupValues[column].isEmpty {
                accept(
                    HourlyObservation(
                        station: header[column], hour: current.hour, values: groupValues[column], line: current.line))
                groupValues[column] = PollutantValues()
            }
        case .long:
            if !groupValues[0].isEmpty {
                accept(
                    HourlyObservation(
                        station: current.station, hour: current.hour, values: groupValues[0], line: current.line))
            }
            groupValues[0] = PollutantValues()
        default: break
        }
    }

    // MARK: - (c) long

    private mutating func longLine(_ p: UnsafePointer<UInt8>) {
        guard fieldCountMatches() else { return }
        let c = columns
        let station = trimmedText(p, c[0])
        guard !station.isEmpty else {
            issues.append(ImportIssue(line: lineNumber, field: "station", reason: "empty"))
            return
        }
        guard let stamp = hour(p, c[1]) else {
            issues.append(
                ImportIssue(
                    line: lineNumber, field: "time", reason: "\"\(trimmedText(p, c[1]))\" is not YYYY-MM-DD HH:00"))
            return
        }
        let name = trimmedText(p, c[2])
        let pollutant: Pollutant
        switch name.lowercased() {
        case "so2": pollutant = .so2
        case "no2": pollutant = .no2
        case "pm10": pollutant = .pm10
        case "co": pollutant = .co
        case "o3": pollutant = .o3
        case "pm2.5", "pm25", "pm2_5": pollutant = .pm25
        default:
            issues.append(ImportIssue(line: lineNumber, field: "pollutant", reason: "unknown pollutant \"\(name)\""))
            return
        }
        var bad: ImportIssue?
        let value = concentration(p, c[3], name: "value", bad: &bad)
        if let bad {
            issues.append(bad)
            return
        }
        if groupValues.isEmpty { groupValues = [PollutantValues()] }
        if group?.hour != stamp || group?.station != station {
            flushGroup()
            group = (stamp, station, lineNumber)
        }
        groupValues[0][pollutant] = value
    }

    // MARK: - (d) PRSA

    private mutating func prsaLine(_ p: UnsafePointer<UInt8>) {
        guard fieldCountMatches() else { return }
        let c = columns
        func integer(_ field: Int) -> Int? {
            if case .value(let v) = number(p, c[field]), v == v.rounded(), abs(v) < 100_000 { return Int(v) }
            return nil
        }
        guard let y = integer(0), let m = integer(1), let d = integer(2), (1...12).contains(m),
            (1...CivilCalendar.daysIn(year: y, month: m)).contains(d)
        else {
            issues.append(ImportIssue(line: lineNumber, field: "year/month/day", reason: "not a calendar date"))
            return
        }
        guard let h = integer(3), (0...23).contains(h) else {
            issues.append(
                ImportIssue(line: lineNumber, field: "hour", reason: "\"\(trimmedText(p, c[3]))\" is not 0–23"))
            return
        }
        let station = trimmedText(p, c[10])
        guard !station.isEmpty else {
            issues.append(ImportIssue(line: lineNumber, field: "station", reason: "empty"))
            return
        }
        var bad: ImportIssue?
        var values = PollutantValues()
        values.pm25 = concentration(p, c[4], name: "PM2.5", bad: &bad)
        values.pm10 = concentration(p, c[5], name: "PM10", bad: &bad)
        values.so2 = concentration(p, c[6], name: "SO2", bad: &bad)
        values.no2 = concentration(p, c[7], name: "NO2", bad: &bad)
        values.co = concentration(p, c[8], name: "CO", bad: &bad).map { $0 / 1000 }
        values.o3 = concentration(p, c[9], name: "O3", bad: &bad)
        if let bad {
            issues.append(bad)
            return
        }
        let stamp = HourStamp(dayNumber: CivilCalendar.dayNumber(year: y, month: m, day: d), hour: h + 1)
        accept(HourlyObservation(station: station, hour: stamp, values: values, line: lineNumber))
    }
}

/// One station's statistics for one day.
public struct StationDay: Hashable, Sendable {
    public var station: String
    public var statistics: DailyStatistics

    public init(station: String, statistics: DailyStatistics) {
        self.station = station
        self.statistics = statistics
    }
}
