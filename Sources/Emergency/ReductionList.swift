/// The emission-reduction list (应急减排清单) at a warning level: every enterprise with its measure and the cut it
/// yields, the totals per pollutant against the required share of the jurisdiction's whole emissions
/// (全社会排放总量, the inventory total — not the list's own total; supervision.md §1), and 保障类 enterprises
/// listed apart, never curtailed.
public struct ReductionList: Hashable, Sendable {
    /// One enterprise on the list.
    public struct Entry: Hashable, Sendable {
        public var enterprise: Enterprise
        /// nil when the table has no measure for its industry, grade and level (it then cuts nothing).
        public var measure: Measure?
        public var applied: Measure.Applied?

        /// Tonnes a year cut.
        public var cut: Emissions { applied?.cut ?? .zero }
    }

    /// One pollutant's account.
    public struct Account: Hashable, Sendable {
        public var pollutant: EmissionPollutant
        /// The jurisdiction's total, t/yr.
        public var total: Double
        /// What the list cuts, t/yr.
        public var reduction: Double
        /// The required share (0–1).
        public var requiredShare: Double

        /// reduction / total.
        public var share: Double { total > 0 ? reduction / total : 0 }
        /// The required cut, t/yr.
        public var required: Double { total * requiredShare }
        /// How much more must be cut, t/yr (0 when the list reaches the requirement).
        public var shortfall: Double {
            let gap = required - reduction
            return gap > 1e-9 * max(1, total) ? gap : 0
        }
    }

    /// A stricter measure the gap-closer proposes, and what it adds.
    public struct Addition: Hashable, Sendable {
        public var enterprise: Enterprise
        /// The measure the enterprise would take instead of its level's.
        public var measure: Measure
        /// Extra tonnes a year cut.
        public var extra: Emissions
        /// Extra output lost (share × output weight).
        public var cost: Double
    }

    /// The gap-closer's proposal.
    public struct Proposal: Hashable, Sendable {
        public var additions: [Addition]
        /// What is still short after the additions (zero when they close the gap).
        public var residual: Emissions
        /// Whether the additions are proven to lose the least output.
        public var proven: Bool
        /// The output the additions lose, and no fewer than any closing choice must lose (equal when proven).
        public var cost: Double
        public var lowerBound: Double
    }

    public var level: WarningLevel
    /// Curtailed enterprises, in registry order.
    public var entries: [Entry]
    /// 保障类 enterprises, listed apart.
    public var exempt: [Enterprise]
    public var inventory: Emissions
    public var requiredShare: Emissions
    private let table: MeasureTable

    public init(
        enterprises: [Enterprise], measures: MeasureTable, level: WarningLevel, inventory: Emissions,
        requiredShare: Emissions
    ) {
        self.level = level
        self.inventory = inventory
        self.requiredShare = requiredShare
        table = measures
        exempt = enterprises.filter(\.grade.isExempt)
        entries = enterprises.filter { !$0.grade.isExempt }.map { enterprise in
            let measure = measures.measure(industry: enterprise.industry, grade: enterprise.grade, level: level)
            return Entry(enterprise: enterprise, measure: measure, applied: measure?.applied(to: enterprise))
        }
    }

    /// Tonnes a year cut by the whole list.
    public var reduction: Emissions { entries.reduce(Emissions.zero) { $0 + $1.cut } }

    /// Each pollutant's account, SO2, NOx, PM, VOCs.
    public var accounts: [Account] {
        let reduction = reduction
        return EmissionPollutant.allCases.map {
            Account(
                pollutant: $0, total: inventory[$0], reduction: reduction[$0], requiredShare: requiredShare[$0])
        }
    }

    /// How much more of each pollutant must be cut, t/yr.
    public var shortfall: Emissions {
        var result = Emissions.zero
        for account in accounts { result[account.pollutant] = account.shortfall }
        return result
    }

    /// Enterprises the table has no measure for.
    public var withoutMeasure: [Enterprise] { entries.filter { $0.measure == nil }.map(\.enterprise) }

    /// The stricter measures that close the shortfall with the least output lost (``GapCloser``): each
    /// enterprise's own measures at the stricter `levels`, then stopping; never a 保障类 enterprise.
    public func proposal(levels: [WarningLevel], nodeBudget: Int = 200_000) -> Proposal {
        let shortfall = shortfall
        guard !shortfall.isZero else {
            return Proposal(additions: [], residual: .zero, proven: true, cost: 0, lowerBound: 0)
        }
        var ladders: [[Measure]] = []
        var options: [GapCloser.Option] = []
        for (index, entry) in entries.enumerated() {
            let current = entry.applied
            let ladder = table.stricter(
                than: entry.measure, industry: entry.enterprise.industry, grade: entry.enterprise.grade,
                after: level, levels: levels)
            ladders.append(ladder)
            for (tag, measure) in ladder.enumerated() {
                let applied = measure.applied(to: entry.enterprise)
                let delta = applied.cut - (current?.cut ?? .zero)
                guard EmissionPollutant.allCases.allSatisfy({ delta[$0] >= -1e-9 }) else { continue }
                let cost = (applied.output - (current?.output ?? 0)) * entry.enterprise.outputWeight
                options.append(
                    GapCloser.Option(group: index, tag: tag, delta: delta.combined(with: .zero, max), cost: cost))
            }
        }
        let result = GapCloser.close(shortfall, options: options, nodeBudget: nodeBudget)
        let additions = result.choices.map { choice in
            Addition(
                enterprise: entries[choice.group].enterprise, measure: ladders[choice.group][choice.tag],
                extra: choice.delta, cost: choice.cost)
        }
        return Proposal(
            additions: additions, residual: result.residual, proven: result.proven, cost: result.cost,
            lowerBound: result.lowerBound)
    }
}
