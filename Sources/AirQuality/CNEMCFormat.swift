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
    ///
    /// The two are told apart by the data: in the archive's layout the column named `o3` holds a maximum of the
    /// values in `o3_24h`, so it is never below it, and `o3_8h` is never below `o3_8h_24h`; in the national
    /// layout it is the other way round. ``auto`` decides per file (``OzoneEvidence``).
    public enum OzoneLayout: String, Sendable, CaseIterable {
        /// Decide from the file's own rows.
        case auto
        case standard
        case swappedArchive
    }

    /// How a file's rows vote on its ozone layout, and what they decide.
    public struct OzoneEvidence: Sendable, Equatable {
        /// Rows whose named `o3` (or `o3_8h`) is below `o3_24h` (`o3_8h_24h`): only the national layout allows it.
        public private(set) var standardRows = 0
        /// Rows whose named `o3` (or `o3_8h`) is above `o3_24h` (`o3_8h_24h`): only the archive's layout allows it.
        public private(set) var swappedRows = 0
        public private(set) var firstStandardLine: Int?
        public private(set) var firstSwappedLine: Int?

        /// Rows that vote before ``auto`` decides, when they all agree.
        public static let decidingRows = 100

        public init() {}

        /// Counts one row's four ozone columns, as named in the header.
        public mutating func count(
            line: Int, o3: Double?, o3Column24h: Double?, o3Column8h: Double?, o3Column8h24h: Double?
        ) {
            // Unrolled: this runs for every row of a file, and an array of pairs would allocate.
            var below = false
            var above = false
            if let named = o3, let other = o3Column24h {
                below = named < other
                above = named > other
            }
            if let named = o3Column8h, let other = o3Column8h24h {
                below = below || named < other
                above = above || named > other
            }
            if below {
                standardRows += 1
                if firstStandardLine == nil { firstStandardLine = line }
            }
            if above {
                swappedRows += 1
                if firstSwappedLine == nil { firstSwappedLine = line }
            }
        }

        /// Whether enough rows agree to decide before the end of the file.
        public var isConclusive: Bool {
            (standardRows == 0) != (swappedRows == 0) && standardRows + swappedRows >= Self.decidingRows
        }

        /// The layout the rows show: the only one they allow, else the majority; standard when none tells.
        public var layout: OzoneLayout {
            swappedRows > standardRows ? .swappedArchive : .standard
        }

        /// Why ``layout``, in words for the import summary.
        public var reason: String {
            switch (standardRows, swappedRows) {
            case (0, 0):
                return "no row tells the ozone columns apart (o3 = o3_24h wherever both are given); read as the "
                    + "national layout"
            case (_, 0):
                return
                    "o3 ≤ o3_24h and o3_8h ≤ o3_8h_24h in every row that differs (\(standardRows)): the national layout"
            case (0, _):
                return "o3 ≥ o3_24h and o3_8h ≥ o3_8h_24h in every row that differs (\(swappedRows)): the public "
                    + "archive's swapped layout"
            default:
                return "ambiguous: \(standardRows) rows fit only the national layout (first at line "
                    + "\(firstStandardLine ?? 0)), \(swappedRows) only the archive's swapped one (first at line "
                    + "\(firstSwappedLine ?? 0)); read as \(layout == .standard ? "the national layout" : "swapped")"
            }
        }

        /// Whether rows contradict one another: worth a warning whatever was chosen.
        public var isAmbiguous: Bool { standardRows > 0 && swappedRows > 0 }

        /// Whether the rows say the file is not in `layout` (an explicit choice the data contradicts).
        public func contradicts(_ layout: OzoneLayout) -> Bool {
            switch layout {
            case .auto: false
            case .standard: swappedRows > standardRows
            case .swappedArchive: standardRows > swappedRows
            }
        }
    }

    public static let requiredColumns = [
        "timepoint", "stationcode", "aqi", "pm10", "pm10_24h", "pm2_5", "pm2_5_24h", "o3", "o3_24h", "o3_8h",
        "o3_8h_24h", "no2", "no2_24h", "so2", "so2_24h", "co", "co_24h",
    ]
}
