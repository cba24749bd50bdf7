/// A heavy-pollution weather warning level (重污染天气预警级别), mildest to strictest. Shanxi's 2020 plan
/// (晋政办发〔2020〕50号) has three levels (yellow III, orange II, red I); the national 2017 scheme adds blue (IV).
public enum WarningLevel: String, CaseIterable, Comparable, Sendable, Codable {
    case none, blue, yellow, orange, red

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: WarningLevel, rhs: WarningLevel) -> Bool { lhs.rank < rhs.rank }

    /// 蓝色 / 黄色 / 橙色 / 红色; 无预警 for none.
    public var chinese: String {
        switch self {
        case .none: "无预警"
        case .blue: "蓝色"
        case .yellow: "黄色"
        case .orange: "橙色"
        case .red: "红色"
        }
    }

    /// IV级 … I级 (the plans number levels from the mildest up: blue IV, yellow III, orange II, red I).
    public var grade: String {
        switch self {
        case .none: ""
        case .blue: "IV级"
        case .yellow: "III级"
        case .orange: "II级"
        case .red: "I级"
        }
    }

    /// The colour the level is shown in.
    public var colour: String {
        switch self {
        case .none: "#9e9e9e"
        case .blue: "#1e6fd9"
        case .yellow: "#e6b800"
        case .orange: "#ef7d00"
        case .red: "#d62828"
        }
    }

    /// A level read from `yellow`, `黄色`, `III` …
    public init?(cell: String) {
        let text = cell.trimmingCharacters(in: .whitespaces).lowercased()
        if let level = WarningLevel(rawValue: text) {
            self = level
            return
        }
        guard
            let level = Self.allCases.first(where: {
                $0 != .none && (text == $0.chinese || text == $0.chinese + "预警" || text == $0.grade.lowercased())
            })
        else { return nil }
        self = level
    }
}
