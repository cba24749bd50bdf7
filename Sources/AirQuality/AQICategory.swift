/// The six AQI categories of HJ 633-2012 Table 2, with their colours.
public enum AQICategory: Int, CaseIterable, Sendable, Codable, Comparable {
    case excellent = 1
    case good
    case lightlyPolluted
    case moderatelyPolluted
    case heavilyPolluted
    case severelyPolluted

    /// The category of an AQI: 0–50 优, 51–100 良, 101–150 轻度, 151–200 中度, 201–300 重度, > 300 严重.
    public init(aqi: Int) {
        switch aqi {
        case ...50: self = .excellent
        case 51...100: self = .good
        case 101...150: self = .lightlyPolluted
        case 151...200: self = .moderatelyPolluted
        case 201...300: self = .heavilyPolluted
        default: self = .severelyPolluted
        }
    }

    public var chinese: String {
        switch self {
        case .excellent: "优"
        case .good: "良"
        case .lightlyPolluted: "轻度污染"
        case .moderatelyPolluted: "中度污染"
        case .heavilyPolluted: "重度污染"
        case .severelyPolluted: "严重污染"
        }
    }

    /// 一级 … 六级
    public var level: String { ["一级", "二级", "三级", "四级", "五级", "六级"][rawValue - 1] }

    /// The category's colour, `#RRGGBB`.
    public var colour: String {
        switch self {
        case .excellent: "#00E400"
        case .good: "#FFFF00"
        case .lightlyPolluted: "#FF7E00"
        case .moderatelyPolluted: "#FF0000"
        case .heavilyPolluted: "#99004C"
        case .severelyPolluted: "#7E0023"
        }
    }

    /// 重度及以上: the days the plan's "heavy-or-worse days" target counts (AQI > 200).
    public var isHeavyOrWorse: Bool { self >= .heavilyPolluted }

    public static func < (lhs: AQICategory, rhs: AQICategory) -> Bool { lhs.rawValue < rhs.rawValue }
}
