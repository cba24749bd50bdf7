import Foundation

/// A place the market-supervision bureau inspects or that fuel passes through on its way to a pump: a filling
/// station, a clean-coal supply point, a maker or seller of VOCs products, a fuel depot or wholesaler, a
/// third-party testing agency. Identified by the registry's own code (the licence or the bureau's number).
public struct MarketSite: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var kind: Kind
    /// The county unit's code (`zezhou`).
    public var county: String
    public var address: String
    /// The road a filling station stands along, when it is one the urea quota counts.
    public var road: Road?
    /// Whether the site holds its licence (成品油零售经营批准证书 for a station).
    public var licensed: Bool
    public var operatorName: String
    /// A risk class for stratified draws (`A`, `B`, `C`), when the bureau keeps one.
    public var riskClass: String?

    public init(
        code: String, name: String, kind: Kind, county: String, address: String = "", road: Road? = nil,
        licensed: Bool = true, operatorName: String = "", riskClass: String? = nil
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.county = county
        self.address = address
        self.road = road
        self.licensed = licensed
        self.operatorName = operatorName
        self.riskClass = riskClass
    }

    public enum Kind: String, CaseIterable, Sendable, Codable {
        case fillingStation
        case coalPoint
        case vocsMaker
        case vocsSeller
        case depot
        case wholesaler
        case testingAgency

        /// How the registry and the UI name the kind.
        public var chinese: String {
            switch self {
            case .fillingStation: "加油站（点）"
            case .coalPoint: "清洁煤供应点"
            case .vocsMaker: "VOCs产品生产企业"
            case .vocsSeller: "VOCs产品销售企业"
            case .depot: "油库"
            case .wholesaler: "成品油批发企业"
            case .testingAgency: "第三方检验检测机构"
            }
        }

        /// The kind a registry cell names, by its code or a Chinese spelling.
        public init?(cell: String) {
            let text = cell.trimmingCharacters(in: .whitespaces)
            if let kind = Kind(rawValue: text) {
                self = kind
                return
            }
            let spellings: [(Kind, [String])] = [
                (.fillingStation, ["加油站（点）", "加油站", "加油点"]),
                (.coalPoint, ["清洁煤供应点", "洁净煤供应点", "清洁煤配送点"]),
                (.vocsMaker, ["VOCs产品生产企业", "生产企业"]),
                (.vocsSeller, ["VOCs产品销售企业", "销售企业"]),
                (.depot, ["油库"]),
                (.wholesaler, ["成品油批发企业", "批发企业", "批发商"]),
                (.testingAgency, ["第三方检验检测机构", "检验检测机构", "检测机构"]),
            ]
            guard let kind = spellings.first(where: { $0.1.contains(text) })?.0 else { return nil }
            self = kind
        }
    }

    /// The roads along which the plan samples urea (尿素80批次 “从高速公路、国道、省道沿线加油站”).
    public enum Road: String, CaseIterable, Sendable, Codable {
        case expressway
        case national
        case provincial

        public var chinese: String {
            switch self {
            case .expressway: "高速公路"
            case .national: "国道"
            case .provincial: "省道"
            }
        }

        /// The road a registry cell names: its code, 高速公路, 国道, 省道, or a route number as signs give it
        /// (G + three digits is a national road, G207; G + one, two or four digits an expressway, G5, G55, G5512;
        /// S a provincial road).
        public init?(cell: String) {
            let text = cell.trimmingCharacters(in: .whitespaces).uppercased()
            let digits = text.dropFirst()
            if let road = Road(rawValue: cell.trimmingCharacters(in: .whitespaces)) {
                self = road
            } else if text.contains("高速") {
                self = .expressway
            } else if text.contains("国道") {
                self = .national
            } else if text.contains("省道") {
                self = .provincial
            } else if text.hasPrefix("G"), !digits.isEmpty, digits.allSatisfy(\.isNumber) {
                self = digits.count == 3 ? .national : .expressway
            } else if text.hasPrefix("S"), !digits.isEmpty, digits.allSatisfy(\.isNumber) {
                self = .provincial
            } else {
                return nil
            }
        }
    }
}
