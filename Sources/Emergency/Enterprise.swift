/// An enterprise on the emergency-control registry (应急减排清单企业): who it is, its grade, its production
/// lines and major equipment, and its baseline emissions (t/yr, from the emission inventory or its permit).
public struct Enterprise: Hashable, Sendable, Codable {
    /// A 保障类 enterprise's exemption: why, and the approval that granted it.
    public struct Exemption: Hashable, Sendable, Codable {
        public var reason: String
        public var approval: String

        public init(reason: String, approval: String) {
            self.reason = reason
            self.approval = approval
        }
    }

    /// The registry's own code for the enterprise.
    public var id: String
    public var name: String
    /// 统一社会信用代码 (GB 32100-2015), 18 characters; may be empty.
    public var creditCode: String
    /// The county unit's code.
    public var county: String
    /// The industry code of the measures table (`steel`, `coke`, `cement`, `foundry`, …, `other`).
    public var industry: String
    public var grade: PerformanceGrade
    public var exemption: Exemption?
    /// Capacity as the registry states it (`560 万吨粗钢`).
    public var capacity: String
    /// Annual output value (万元), the weight of output lost when the gap-closer stops or limits production; nil
    /// counts the enterprise as one unit of output.
    public var output: Double?
    /// Baseline emissions, t/yr.
    public var emissions: Emissions
    /// Production lines and major equipment, in the order the registry lists them.
    public var equipment: [Equipment]

    public init(
        id: String, name: String, creditCode: String = "", county: String, industry: String, grade: PerformanceGrade,
        exemption: Exemption? = nil, capacity: String = "", output: Double? = nil, emissions: Emissions,
        equipment: [Equipment] = []
    ) {
        self.id = id
        self.name = name
        self.creditCode = creditCode
        self.county = county
        self.industry = industry
        self.grade = grade
        self.exemption = exemption
        self.capacity = capacity
        self.output = output
        self.emissions = emissions
        self.equipment = equipment
    }

    /// The weight of this enterprise's output in the gap-closer's objective.
    public var outputWeight: Double { output ?? 1 }
}

/// A production line or major piece of equipment (blast furnace 1 of 2, a 180 m² sinter machine, a coke oven of
/// 6 m chamber height) with, when the registry has them, its own emissions.
public struct Equipment: Hashable, Sendable, Codable {
    /// The kinds a measure can stop by name; any other text is kept as written.
    public static let knownKinds: [String: String] = [
        "blast-furnace": "高炉", "sinter": "烧结机", "pellet": "球团", "lime-kiln": "石灰窑", "coke-oven": "焦炉",
        "converter": "转炉", "electric-furnace": "电炉", "clinker": "水泥熟料生产线", "cupola": "冲天炉",
        "boiler": "锅炉", "kiln": "窑炉",
    ]

    public var id: String
    /// `blast-furnace`, `sinter`, `pellet`, `lime-kiln`, `coke-oven`, …
    public var kind: String
    public var name: String
    /// Capacity as written (`1080 m³`, `180 m²`, `6 m 炭化室`).
    public var capacity: String
    /// The capacity's number in the unit the kind's units share (for staggering shares); nil counts one unit.
    public var size: Double?
    /// This unit's share of the enterprise's emissions, t/yr; nil when the registry has none.
    public var emissions: Emissions?

    public init(
        id: String, kind: String, name: String, capacity: String = "", size: Double? = nil, emissions: Emissions? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.capacity = capacity
        self.size = size
        self.emissions = emissions
    }

    /// 高炉 for `blast-furnace`; the kind itself otherwise.
    public var kindName: String { Self.knownKinds[kind] ?? kind }
}
