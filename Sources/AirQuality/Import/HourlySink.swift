import LantianCore

/// What the layout readers of an hourly file produce, and the checks every layout shares: values beyond
/// ``Pollutant/plausibleHourlyMaximum`` and station-hours read twice are kept but doubted (warnings), text such
/// as `N/A` is read as missing with a warning, a negative or unreadable concentration refuses its line.
struct HourlySink {
    var observations: [HourlyObservation] = []
    /// Days closed by CNEMC 00:00 rows: the feed's own daily values for the day before.
    var closedDays: [StationDay] = []
    var issues: [ImportIssue] = []
    private var doubts: [String: (field: String, reason: String, first: Int, count: Int)] = [:]
    private var doubtOrder: [String] = []
    /// Station-hours of the last 48 hours read, to tell a row that repeats one (files are in time order; repeats
    /// further apart are merged by the importer without a warning).
    private var recent: [Int: Set<String>] = [:]
    private var newestHour = Int.min
    /// `NA` is the layout's own word for missing (PRSA): read as missing without a warning.
    var quietMissingText: String?

    /// Notes a value accepted but doubted; warnings of one field and kind are counted under their first line.
    mutating func doubt(field: String, reason: String, line: Int) {
        let key = field + "\u{1F}" + reason
        if doubts[key] == nil {
            doubts[key] = (field, reason, line, 0)
            doubtOrder.append(key)
        }
        doubts[key]?.count += 1
    }

    /// The doubts so far, one per field and kind, in line order.
    var warnings: [ImportIssue] {
        doubtOrder.compactMap { key in
            doubts[key].map { d in
                ImportIssue(
                    line: d.first, field: d.field,
                    reason: d.count == 1 ? d.reason : "\(d.reason) — \(d.count) lines, the first shown")
            }
        }.sorted { $0.line < $1.line }
    }

    /// Adds an observation, doubting values beyond any recorded hour and a station-hour read shortly before.
    mutating func accept(_ observation: HourlyObservation) {
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

    /// A concentration field (µg/m³, CO mg/m³), or nil; a bad value is recorded in `bad` (the line's first wins).
    mutating func concentration(_ row: CSVRow, _ field: Int, name: String, bad: inout ImportIssue?) -> Double? {
        guard field >= 0 else { return nil }
        switch row.number(field) {
        case .missing: return nil
        case .missingText(let raw):
            if raw != quietMissingText {
                doubt(field: name, reason: "\"\(raw)\" read as missing", line: row.line)
            }
            return nil
        case .value(let value):
            if value < 0 {
                bad = bad ?? ImportIssue(line: row.line, field: name, reason: "negative concentration \(value)")
                return nil
            }
            return value
        case .bad(let raw):
            bad = bad ?? ImportIssue(line: row.line, field: name, reason: "\"\(raw)\" is not a number")
            return nil
        }
    }

    /// Whether the row has at least the header's fields; otherwise an issue for the line.
    mutating func hasFields(_ row: CSVRow, header: [String]) -> Bool {
        guard row.fieldCount >= header.count else {
            issues.append(
                ImportIssue(
                    line: row.line, field: "row", reason: "\(row.fieldCount) fields, the header has \(header.count)"))
            return false
        }
        return true
    }

    /// The hour a field holds (`YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DD HH:MM`), or nil.
    func hour(_ row: CSVRow, _ field: Int) -> HourStamp? {
        row.withBytes(field) { HourStamp.parse($0, count: $1) }
    }
}

/// A header's columns by name, for the layout readers: each looks up the columns it reads, and the missing
/// required ones are named at once.
struct HeaderColumns {
    let names: [String]
    private let lower: [String]
    private(set) var missing: [String] = []

    init(_ names: [String]) {
        self.names = names
        lower = names.map { $0.lowercased() }
    }

    /// The index of column `name` (any case); a missing one is noted.
    mutating func required(_ name: String) -> Int {
        guard let index = lower.firstIndex(of: name) else {
            missing.append(name)
            return -1
        }
        return index
    }

    /// The index of column `name`, or -1.
    func optional(_ name: String) -> Int { lower.firstIndex(of: name) ?? -1 }

    /// The header issue when required columns are missing.
    var problem: ImportIssue? {
        missing.isEmpty
            ? nil
            : ImportIssue(line: 1, field: "header", reason: "missing column(s): " + missing.joined(separator: ", "))
    }
}
