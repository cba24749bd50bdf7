import LantianCore

/// A monitoring station of the registry.
public struct Station: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var kind: Kind
    public var county: String
    public var longitude: Double?
    public var latitude: Double?

    public init(code: String, name: String, kind: Kind, county: String, longitude: Double?, latitude: Double?) {
        self.code = code
        self.name = name
        self.kind = kind
        self.county = county
        self.longitude = longitude
        self.latitude = latitude
    }

    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// 国控站: national-control assessment station; the city value is the mean of these.
        case nationalControl
        /// 对照点: clean-reference station, excluded from the city value.
        case cleanReference
        /// 省控站
        case provincial
        /// 乡镇站
        case township
        /// 企业站
        case enterprise

        public var chinese: String {
            switch self {
            case .nationalControl: "国控站"
            case .cleanReference: "对照点"
            case .provincial: "省控站"
            case .township: "乡镇站"
            case .enterprise: "企业站"
            }
        }

        /// Whether the city value averages this kind.
        public var isAssessment: Bool { self == .nationalControl }
    }

    /// Reads a registry CSV `code,name,kind,county,longitude,latitude` (header first); every bad line reported.
    public static func registry(_ text: String) -> (stations: [Station], issues: [String]) {
        var stations: [Station] = []
        var issues: [String] = []
        CSVScanner.rows(text) { line in
            guard line.line > 1, !line.isBlank else { return }
            let f = line.texts
            guard f.count == 6 else {
                issues.append("line \(line.line): expected 6 fields, found \(f.count)")
                return
            }
            guard let kind = Kind(rawValue: f[2]) else {
                issues.append("line \(line.line), kind: \"\(f[2])\" is not one of \(Kind.allCases.map(\.rawValue))")
                return
            }
            stations.append(
                Station(
                    code: f[0], name: f[1], kind: kind, county: f[3], longitude: Double(f[4]), latitude: Double(f[5])))
        }
        return (stations, issues)
    }
}
