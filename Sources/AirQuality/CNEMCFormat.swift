/// Conventions of the CNEMC hourly station format (read by ``HourlyReader`` as ``HourlyFormat/cnemc(_:)``):
/// `timepoint,stationcode,…,primarypollutant,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,
/// no2_24h,so2,so2_24h,co,co_24h`.
///
/// `timepoint` is Beijing time, the end of the hour (`T00` of day D+1 closes day D); µg/m³, CO mg/m³; an empty
/// field is a missing value. Columns are found by name, so their order may vary.
public enum CNEMCFormat {
    /// Where the ozone values stand. In the national feed `o3` is the 1-hour value; a widely used public archive
    /// of the feed has them swapped (`o3_24h` holds the 1-hour value, `o3` the past-24-hour maximum, `o3_8h`
    /// the day's maximum 8-hour mean, `o3_8h_24h` the current 8-hour mean).
    public enum OzoneLayout: String, Sendable, CaseIterable {
        case standard
        case swappedArchive
    }

    public static let requiredColumns = [
        "timepoint", "stationcode", "aqi", "pm10", "pm10_24h", "pm2_5", "pm2_5_24h", "o3", "o3_24h", "o3_8h",
        "o3_8h_24h", "no2", "no2_24h", "so2", "so2_24h", "co", "co_24h",
    ]
}
