import LantianCore

/// The hourly file layouts Lantian imports, told apart by their header line. All are UTF-8 CSV (a BOM is
/// ignored); every importer turns its file's time convention into ``HourStamp`` (the end of the hour, Beijing
/// time) and its units into µg/m³ with CO in mg/m³.
public enum HourlyFormat: Hashable, Sendable, CustomStringConvertible {
    /// (a) The CNEMC hourly station format: `timepoint,stationcode,…,aqi,pm10,pm10_24h,pm2_5,…,co,co_24h`.
    /// `timepoint` is the end of the hour (`T00` of day D+1 closes day D); µg/m³, CO mg/m³; an empty field is
    /// missing. A 00:00 row also carries the closing day's own daily values (`*_24h`, ozone maxima).
    case cnemc(CNEMCFormat.OzoneLayout)
    /// (b) The wide daily files of public mirrors of the national feed: `date,hour,type,<station or city
    /// columns…>`, one row per hour and type. `date` is `YYYYMMDD` (or `YYYY-MM-DD`), `hour` 0–23 is the feed's
    /// timepoint — the end of the hour, so hour 0 closes the day before. Types `PM2.5`, `PM10`, `SO2`, `NO2`,
    /// `O3`, `CO` are the 1-hour values read; `AQI` and the `_24h`/`_8h` rows are the feed's derived values and
    /// are skipped. Units as CNEMC (CO mg/m³).
    case wide
    /// (c) A long CSV `station,time,pollutant,value`, one value per line. `time` is the end of the hour in
    /// Beijing time, `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DD HH:MM`; `pollutant` is one of `so2`, `no2`, `pm10`,
    /// `co`, `o3`, `pm2.5` (also `pm25`, `pm2_5`; any case); value µg/m³, CO mg/m³.
    case long
    /// (d) The Beijing PRSA (UCI "Beijing Multi-Site Air-Quality") layout: `No,year,month,day,hour,PM2.5,PM10,
    /// SO2,NO2,CO,O3,…,station`. `hour` 0–23 is taken as the hour that *starts* then (row 0 is 00:00–01:00, so a
    /// calendar day's 24 rows make its daily mean); local time UTC+8. **CO is µg/m³** and is divided by 1,000.
    /// `NA` is missing. The station column's name (`Dongsi`) is the station code.
    case prsa

    /// The format a header line announces, or nil. CNEMC files leave the ozone layout to their rows (`auto`).
    public static func detect(header: [String]) -> HourlyFormat? {
        let names = header.map { $0.lowercased() }
        let set = Set(names)
        if set.contains("timepoint") && set.contains("stationcode") { return .cnemc(.auto) }
        if names.count > 3 && names[0] == "date" && names[1] == "hour" && names[2] == "type" { return .wide }
        if set.isSuperset(of: ["station", "time", "pollutant", "value"]) { return .long }
        if set.isSuperset(of: ["year", "month", "day", "hour", "pm2.5", "station"]) { return .prsa }
        return nil
    }

    public var description: String {
        switch self {
        case .cnemc(let layout): layout == .standard ? "cnemc" : "cnemc (\(layout.rawValue))"
        case .wide: "wide"
        case .long: "long"
        case .prsa: "prsa"
        }
    }
}
