/// A steel works' staggered-production plan (错峰生产) for a period: which named units stop. Seed §(二): the plan
/// rests on stopping named blast furnaces ("按具体高炉设备停产为基础，不得以减负荷生产方式代替"), and the sinter, pellet
/// and lime-kiln units serving them stagger at least the blast furnaces' share
/// ("错峰生产比例不得低于高炉错峰生产比例").
public struct StaggeringPlan: Hashable, Sendable {
    /// The kinds that must stagger at least the blast furnaces' share.
    public static let auxiliaryKinds = ["sinter", "pellet", "lime-kiln"]

    /// One kind's share stopped: by capacity (`size`) when every unit of the kind has one, else by count.
    public struct Share: Hashable, Sendable {
        public var kind: String
        public var stopped: Double
        public var total: Double
        public var byCapacity: Bool

        public var share: Double { total > 0 ? stopped / total : 0 }
    }

    public var enterprise: Enterprise
    /// The units stopped in the period, by id.
    public var stopped: Set<String>
    /// Blast furnaces first, then sinter, pellet, lime kiln (kinds the works has).
    public var shares: [Share]
    /// What breaks the rule, in plain Chinese; empty when the plan is sound.
    public var problems: [String]

    public init(enterprise: Enterprise, stopped: Set<String>) {
        self.enterprise = enterprise
        self.stopped = stopped
        var problems: [String] = []
        let known = Set(enterprise.equipment.map(\.id))
        for id in stopped.subtracting(known).sorted() { problems.append("\(id) 不是本企业登记的设备") }
        func share(_ kind: String) -> Share? {
            let units = enterprise.equipment.filter { $0.kind == kind }
            guard !units.isEmpty else { return nil }
            let byCapacity = units.allSatisfy { $0.size != nil }
            func weight(_ unit: Equipment) -> Double { byCapacity ? unit.size ?? 0 : 1 }
            return Share(
                kind: kind, stopped: units.filter { stopped.contains($0.id) }.reduce(0) { $0 + weight($1) },
                total: units.reduce(0) { $0 + weight($1) }, byCapacity: byCapacity)
        }
        let furnaces = share("blast-furnace")
        let auxiliary = Self.auxiliaryKinds.compactMap(share)
        shares = [furnaces].compactMap { $0 } + auxiliary
        if let furnaces {
            if furnaces.stopped == 0 { problems.append("错峰生产须以具体高炉停产为基础：本方案没有停产高炉") }
            for kind in auxiliary where kind.share + 1e-9 < furnaces.share {
                problems.append(
                    "\(Equipment.knownKinds[kind.kind] ?? kind.kind)错峰比例 \(Self.percent(kind.share)) 低于高炉 "
                        + "\(Self.percent(furnaces.share))（不得低于高炉错峰生产比例）")
            }
        } else {
            problems.append("企业没有登记高炉，无法按高炉制定错峰生产方案")
        }
        self.problems = problems
    }

    static func percent(_ share: Double) -> String { Measure.percent(share) }
}
