import LantianCore

/// A sampling plan's progress and, for families sampled by site, its annual coverage: how many batches each
/// bureau has sampled against its quota, and which registered sites no batch has come from this year.
public struct SamplingProgress: Hashable, Sendable {
    /// One bureau's line: its quota and what it has sampled in the plan's year.
    public struct Line: Hashable, Sendable {
        public var unit: String
        public var quota: Int
        public var sampled: Int
        public var failed: Int
    }

    /// One county's coverage of the sites the family covers (every filling station, every clean-coal point).
    public struct Coverage: Hashable, Sendable {
        public var county: String
        public var registered: Int
        public var unsampled: [MarketSite]
        public var covered: Int { registered - unsampled.count }
    }

    /// What the progress counts of one recorded batch.
    public struct Batch: Hashable, Sendable {
        public var unit: String
        public var product: String
        public var siteCode: String?
        public var sampledOn: CivilDate
        public var failed: Bool
        /// Whether the sampled site stands along an expressway, national or provincial road.
        public var alongRoad: Bool

        public init(
            unit: String, product: String, siteCode: String?, sampledOn: CivilDate, failed: Bool, alongRoad: Bool
        ) {
            self.unit = unit
            self.product = product
            self.siteCode = siteCode
            self.sampledOn = sampledOn
            self.failed = failed
            self.alongRoad = alongRoad
        }
    }

    public var lines: [Line]
    public var coverage: [Coverage]
    /// Batches of the family in the year that the plan does not count: urea sampled off the roads.
    public var uncounted: Int
    /// Days from `today` to the year's last day, both counted; 0 once the year is over.
    public var daysLeft: Int

    public var quota: Int { lines.reduce(0) { $0 + $1.quota } }
    public var sampled: Int { lines.reduce(0) { $0 + $1.sampled } }
    public var failed: Int { lines.reduce(0) { $0 + $1.failed } }
    public var registered: Int { coverage.reduce(0) { $0 + $1.registered } }
    public var covered: Int { coverage.reduce(0) { $0 + $1.covered } }

    /// Covered sites as a percentage of registered ones; nil when none are registered.
    public var coveragePercent: Double? {
        registered == 0 ? nil : Double(covered) * 100 / Double(registered)
    }

    /// Progress of `family` in `year` from the recorded `batches`, against `quotas` (bureau unit → batches), with
    /// coverage over the licensed `sites` of the kind the family covers, grouped by `counties` in their order.
    /// Urea counts only batches from sites along the roads, as the plan's quota says.
    public init(
        family: ProductFamily, year: Int, quotas: [(unit: String, quota: Int)], batches: [Batch], sites: [MarketSite],
        counties: [String], today: CivilDate
    ) {
        let inYear = batches.filter { $0.sampledOn.year == year && ProductFamily(product: $0.product) == family }
        let counted = family == .urea ? inYear.filter(\.alongRoad) : inYear
        uncounted = inYear.count - counted.count
        var lines = quotas.map { Line(unit: $0.unit, quota: $0.quota, sampled: 0, failed: 0) }
        for batch in counted {
            if let index = lines.firstIndex(where: { $0.unit == batch.unit }) {
                lines[index].sampled += 1
                if batch.failed { lines[index].failed += 1 }
            } else {
                lines.append(Line(unit: batch.unit, quota: 0, sampled: 1, failed: batch.failed ? 1 : 0))
            }
        }
        self.lines = lines
        if let kind = family.coveredKind {
            let sampled = Set(inYear.compactMap(\.siteCode))
            let covered = sites.filter { $0.kind == kind && $0.licensed }
            coverage = counties.map { county in
                let here = covered.filter { $0.county == county }
                return Coverage(
                    county: county, registered: here.count,
                    unsampled: here.filter { !sampled.contains($0.code) }.sorted { $0.code < $1.code })
            }
        } else {
            coverage = []
        }
        let last = CivilDate(year: year, month: 12, day: 31)!
        daysLeft = max(0, last.dayNumber - today.dayNumber + 1)
    }
}
