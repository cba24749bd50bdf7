/// The six pollutants of GB 3095-2012 that the AQI (HJ 633-2012) is computed from.
public enum Pollutant: String, CaseIterable, Sendable, Codable, Comparable {
    case so2
    case no2
    case pm10
    case co
    case o3
    case pm25

    /// The highest 1-hour concentration Lantian believes without a warning: well above the worst hours on
    /// record (sand storms push PM10 past 5,000 µg/m³, winter smog PM2.5 near 1,000). A higher value is kept as
    /// data, but the import names its line. µg/m³, CO mg/m³.
    public var plausibleHourlyMaximum: Double {
        switch self {
        case .so2: 5_000
        case .no2: 2_000
        case .pm10: 15_000
        case .co: 100
        case .o3: 1_200
        case .pm25: 2_000
        }
    }

    /// Concentrations are µg/m³, CO mg/m³.
    public var unit: String { self == .co ? "mg/m³" : "µg/m³" }

    /// Decimal places concentrations are rounded to before the IAQI is computed: integers, CO one decimal.
    public var decimals: Int { self == .co ? 1 : 0 }

    public var chinese: String {
        switch self {
        case .so2: "二氧化硫"
        case .no2: "二氧化氮"
        case .pm10: "颗粒物(PM10)"
        case .co: "一氧化碳"
        case .o3: "臭氧"
        case .pm25: "细颗粒物(PM2.5)"
        }
    }

    public var symbol: String {
        switch self {
        case .so2: "SO2"
        case .no2: "NO2"
        case .pm10: "PM10"
        case .co: "CO"
        case .o3: "O3"
        case .pm25: "PM2.5"
        }
    }

    public static func < (lhs: Pollutant, rhs: Pollutant) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The averaging time of a concentration, as the IAQI table's columns distinguish them.
public enum Averaging: String, CaseIterable, Sendable, Codable {
    case hour1
    case hour8
    case hour24
}

/// A column of the IAQI table: a pollutant at an averaging time (`SO2 1h`, `O3 8h`, `PM2.5 24h`).
public struct IAQIColumn: Hashable, Sendable, Codable {
    public var pollutant: Pollutant
    public var averaging: Averaging

    public init(_ pollutant: Pollutant, _ averaging: Averaging) {
        self.pollutant = pollutant
        self.averaging = averaging
    }

    /// `so2_hour1`, `o3_hour8`, `pm25_hour24`: the column's name in exported tables and JSON.
    public var key: String { "\(pollutant.rawValue)_\(averaging.rawValue)" }

    /// A dense number for tables indexed by column: 0 ..< ``count``.
    public var ordinal: Int {
        let p =
            switch pollutant {
            case .so2: 0
            case .no2: 1
            case .pm10: 2
            case .co: 3
            case .o3: 4
            case .pm25: 5
            }
        let a =
            switch averaging {
            case .hour1: 0
            case .hour8: 1
            case .hour24: 2
            }
        return p * 3 + a
    }

    public static let count = Pollutant.allCases.count * Averaging.allCases.count

    /// How CNEMC names the primary pollutant for this column (臭氧1小时, 臭氧8小时, 细颗粒物(PM2.5) …).
    public var primaryName: String {
        switch (pollutant, averaging) {
        case (.o3, .hour1): "臭氧1小时"
        case (.o3, .hour8): "臭氧8小时"
        default: pollutant.chinese
        }
    }
}
