import Campaign

/// Who does the market-supervision work, from the plan's units: the city's market-supervision bureau (the city
/// department named 市市场监督管理局 or 市市场监管局) and its county bureaus (its children of kind county bureau),
/// each bureau's county, and the counties in the plan's order.
public struct MarketBureaus: Sendable {
    /// The city bureau's unit code, when the plan has one.
    public let city: String?
    /// County bureau code → county unit code.
    public let countyOf: [String: String]
    /// County units (code, name), in the plan's order.
    public let counties: [(code: String, name: String)]
    private let spellings: [String: String]
    private let names: [String: String]

    public init(units: [OrgUnit]) {
        let city = units.first {
            $0.kind == .department && ["市市场监督管理局", "市市场监管局"].contains($0.name)
                || $0.aliases.contains("市市场监管局")
        }
        self.city = city?.code
        let counties = units.filter { $0.kind == .county }
        self.counties = counties.map { ($0.code, $0.name) }
        var countyOf: [String: String] = [:]
        for bureau in units where bureau.kind == .countyBureau && bureau.parent == city?.code && city != nil {
            // A county bureau belongs to the county whose short name (泽州县 of 泽州县人民政府) begins its own.
            if let county = counties.first(where: { bureau.name.hasPrefix(Self.shortName($0.name)) }) {
                countyOf[bureau.code] = county.code
            }
        }
        self.countyOf = countyOf
        var spellings: [String: String] = [:]
        for county in counties {
            for text in [county.code, county.name, Self.shortName(county.name)] + county.aliases {
                spellings[text] = county.code
            }
        }
        self.spellings = spellings
        self.names = Dictionary(units.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// 泽州县人民政府 → 泽州县, 开发区管委会 → 开发区.
    public static func shortName(_ name: String) -> String {
        for suffix in ["人民政府", "管委会"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }

    /// The county unit a registry cell names (code, full or short name, alias).
    public func county(_ text: String) -> String? { spellings[text.trimmingCharacters(in: .whitespaces)] }

    /// The county's short name for tables (泽州县), or the code when unknown.
    public func countyName(_ code: String) -> String {
        counties.first { $0.code == code }.map { Self.shortName($0.name) } ?? code
    }

    /// The unit's name, or its code when unknown.
    public func unitName(_ code: String) -> String { names[code] ?? code }

    /// The bureaus that hold quotas: the city bureau, then the county bureaus in the counties' order.
    public var bureaus: [String] {
        (city.map { [$0] } ?? [])
            + counties.compactMap { county in countyOf.first { $0.value == county.code }?.key }
    }

    /// Whether `unit` is one of the market-supervision bureaus.
    public func isBureau(_ unit: String) -> Bool { unit == city || countyOf[unit] != nil }

    /// Whether `unit` may record work in `county`: the city bureau anywhere, a county bureau in its county.
    public func mayWork(_ unit: String, in county: String) -> Bool {
        unit == city || countyOf[unit] == county
    }
}
