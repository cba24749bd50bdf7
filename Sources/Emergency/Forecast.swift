import LantianCore

/// A forecast of the rolling 24-hour AQI (HJ 633-2012) for the city or one county, hour by hour: what the
/// monitoring centre enters or imports 3–7 days ahead. A forecast given per 24-hour period counts each period as
/// 24 hours of its AQI.
public struct Forecast: Hashable, Sendable, Codable {
    public enum Granularity: String, Hashable, Sendable, Codable {
        /// One row an hour (`time,aqi`).
        case hourly
        /// One row per 24-hour period (`date,aqi`), the period being the calendar day.
        case daily
    }

    /// One forecast hour: the hour ending at `stamp` (Lantian's CNEMC convention).
    public struct Hour: Hashable, Sendable, Codable {
        public var stamp: HourStamp
        public var aqi: Int
        public var sandDust: Bool

        public init(stamp: HourStamp, aqi: Int, sandDust: Bool = false) {
            self.stamp = stamp
            self.aqi = aqi
            self.sandDust = sandDust
        }
    }

    /// The county the forecast is for; empty for the whole city.
    public var county: String
    public var granularity: Granularity
    /// In time order, one per hour; hours not forecast are absent.
    public var hours: [Hour]

    public init(county: String = "", granularity: Granularity, hours: [Hour]) {
        self.county = county
        self.granularity = granularity
        self.hours = hours.sorted { $0.stamp < $1.stamp }
    }

    /// Hourly rows from `(YYYY-MM-DDTHH:00, aqi)` pairs; a test and bench convenience.
    public init(county: String = "", start: HourStamp, aqi: [Int], sandDust: Set<Int> = []) {
        let hours = aqi.enumerated().map {
            Hour(
                stamp: HourStamp(value: start.value + $0.offset), aqi: $0.element,
                sandDust: sandDust.contains($0.offset))
        }
        self.init(county: county, granularity: .hourly, hours: hours)
    }

    /// The columns of a forecast table: `time` (hourly) or `date` (per 24-hour period), `aqi`, and optionally
    /// `sand_dust` (1/0) and `county`.
    public static let columns: [SheetTable.Column] = [
        .init("time", ["时间", "时次", "预报时间"]),
        .init("date", ["日期", "预报日期"]),
        .init("aqi", ["AQI", "预报AQI", "滚动AQI"], required: true),
        .init("sand_dust", ["沙尘"]),
        .init("county", ["县区", "县（市、区）"]),
    ]

    /// The forecasts in `rows`, one per county in the order they first appear (the city's, county "", when the
    /// table has no county column). Problems (a bad time or AQI, an hour given twice) refuse the table; gaps and
    /// values above 500 or beyond 7 days are warnings.
    public static func read(_ rows: [SheetRow]) -> TableRead<Forecast> {
        var read = TableRead<Forecast>()
        let table: SheetTable
        switch SheetTable.read(rows, columns: columns) {
        case .failure(let issue): return TableRead(problems: [issue])
        case .success(let t): table = t
        }
        guard table.has("time") != table.has("date") else {
            read.problem(table.headerLine, "time", "表头应有 time（逐小时）或 date（逐日）两者之一")
            return read
        }
        let granularity: Granularity = table.has("time") ? .hourly : .daily
        var order: [String] = []
        var byCounty: [String: [Int: (hour: Hour, line: Int)]] = [:]
        for row in table.rows {
            let county = table.value("county", in: row)
            var stamps: [HourStamp] = []
            if granularity == .hourly {
                let text = table.value("time", in: row)
                if let stamp = HourStamp(timepoint: text) {
                    stamps = [stamp]
                } else {
                    read.problem(row.line, "time", "“\(text)”不是 YYYY-MM-DDTHH:00 时间")
                }
            } else {
                let text = table.value("date", in: row)
                if let day = CivilDate(cell: text) {
                    stamps = (1...24).map { HourStamp(dayNumber: day.dayNumber, hour: $0) }
                } else {
                    read.problem(row.line, "date", "“\(text)”不是日期")
                }
            }
            let aqiText = table.value("aqi", in: row)
            let aqi: Int? = Double(aqiText).flatMap { value in
                value >= 0 && value < 10_000 && value == value.rounded() ? Int(value) : nil
            }
            if aqi == nil { read.problem(row.line, "aqi", "“\(aqiText)”不是 AQI（0 或正整数）") }
            if let aqi, aqi > 500 { read.warning(row.line, "aqi", "AQI \(aqi) 超过 500，按“达到 500”计") }
            let sandText = table.value("sand_dust", in: row)
            let sandDust: Bool
            switch sandText {
            case "", "0", "否", "no", "false": sandDust = false
            case "1", "是", "yes", "true", "沙尘": sandDust = true
            default:
                read.problem(row.line, "sand_dust", "“\(sandText)”应为 1（沙尘）或 0")
                sandDust = false
            }
            guard let aqi, !stamps.isEmpty else { continue }
            if byCounty[county] == nil {
                order.append(county)
                byCounty[county] = [:]
            }
            for stamp in stamps {
                if let earlier = byCounty[county]?[stamp.value] {
                    read.problem(
                        row.line, granularity == .hourly ? "time" : "date",
                        "\(Self.label(stamp, granularity)) 与第 \(earlier.line) 行重复")
                    break
                }
                byCounty[county]?[stamp.value] = (Hour(stamp: stamp, aqi: aqi, sandDust: sandDust), row.line)
            }
        }
        if table.rows.isEmpty { read.problem(table.headerLine, "rows", "表头之后没有数据行") }
        for county in order {
            let entries = byCounty[county, default: [:]].values.sorted { $0.hour.stamp < $1.hour.stamp }
            for (previous, next) in zip(entries, entries.dropFirst())
            where next.hour.stamp.value - previous.hour.stamp.value > 1 {
                let missing = next.hour.stamp.value - previous.hour.stamp.value - 1
                read.warning(next.line, granularity == .hourly ? "time" : "date", "与上一时次之间缺 \(missing) 小时，按未超过计")
            }
            if let first = entries.first, let last = entries.last,
                last.hour.stamp.value - first.hour.stamp.value >= 7 * 24
            {
                read.warning(last.line, "time", "预报跨度超过 7 天")
            }
            read.records.append(Forecast(county: county, granularity: granularity, hours: entries.map(\.hour)))
        }
        return read
    }

    private static func label(_ stamp: HourStamp, _ granularity: Granularity) -> String {
        granularity == .hourly ? HourClock.text(stamp.value) : HourStamp.dateText(dayNumber: stamp.dayNumber)
    }
}

/// Instants on the hour, as hours since 1970-01-01 00:00 Beijing time (an ``HourStamp``'s value is the instant
/// its hour ends).
public enum HourClock {
    /// `YYYY-MM-DDTHH:00`.
    public static func text(_ instant: Int) -> String {
        String(HourStamp(value: instant).timepoint.dropLast(3))
    }

    /// `1月24日20时`.
    public static func chinese(_ instant: Int) -> String {
        let day = Int((Double(instant) / 24).rounded(.down))
        let date = CivilDate(dayNumber: day)
        return "\(date.month)月\(date.day)日\(instant - day * 24)时"
    }

    /// The instant `YYYY-MM-DDTHH:00` names.
    public static func instant(_ text: String) -> Int? { HourStamp(timepoint: text)?.value }
}
