import LantianCore

/// One station-hour of 1-hour concentrations, as an importer read it.
public struct HourlyObservation: Hashable, Sendable {
    /// The station code (or, in a wide file, the column name).
    public var station: String
    /// The hour, labelled by its end (CNEMC convention): whatever the file's own convention, importers convert.
    public var hour: HourStamp
    /// 1-hour concentrations, µg/m³, CO mg/m³.
    public var values: PollutantValues
    /// The SO2 24-hour mean ending this hour, where the file gives it (used when the 1-hour SO2 is above 800).
    public var so2Mean24h: Double?
    /// The AQI and primary pollutant(s) the file published for this hour, if any (CNEMC).
    public var officialAQI: Int?
    public var officialPrimary: String
    /// The line of the file the observation came from (the first line, for formats that spread an hour over
    /// several lines).
    public var line: Int

    public init(
        station: String, hour: HourStamp, values: PollutantValues, so2Mean24h: Double? = nil,
        officialAQI: Int? = nil, officialPrimary: String = "", line: Int
    ) {
        self.station = station
        self.hour = hour
        self.values = values
        self.so2Mean24h = so2Mean24h
        self.officialAQI = officialAQI
        self.officialPrimary = officialPrimary
        self.line = line
    }

    /// `2022-01-02T01:00:00`: the end of the hour, Beijing time.
    public var timepoint: String { hour.timepoint }

    public var concentrations: HourlyConcentrations {
        HourlyConcentrations(values.dictionary, so2Mean24h: so2Mean24h)
    }
}
