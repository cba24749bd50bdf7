import LantianCore

/// A monthly per-county measurement with its limit (seed §(九), t29, t31, t33): dust fall ≤ 7 t/(km²·month),
/// the mechanised road-cleaning rates, straw utilisation ≥ 90 % — one value per county and month, entered or
/// imported, each checked against the limit, and the plan's indicators computed from them.
public struct MonthlyMeasurement: Hashable, Sendable {
    public enum Bound: String, Hashable, Sendable {
        case atMost, atLeast
    }

    /// How a plan indicator is computed from the grid, over the months up to the view's.
    public enum Aggregate: String, Hashable, Sendable {
        /// The worst county's mean over its months (the highest for `atMost`, the lowest for `atLeast`): a
        /// target set for every county is met only when every county meets it.
        case worstCountyMean = "worst-county-mean"
        /// The mean of every county-month value.
        case mean
        /// The total of every county-month value (fire points).
        case sum
    }

    public struct Entry: Hashable, Sendable {
        public var task: String
        public var indicator: String
        public var aggregate: Aggregate

        public init(task: String, indicator: String, aggregate: Aggregate) {
            self.task = task
            self.indicator = indicator
            self.aggregate = aggregate
        }
    }

    public var code: String
    public var name: String
    public var unit: String
    public var bound: Bound
    public var limit: Double
    /// Where the limit comes from (the plan's clause).
    public var basis: String
    /// The counties measured, by code; empty for every county of the plan.
    public var counties: [String]
    public var indicators: [Entry]

    public init(
        code: String, name: String, unit: String, bound: Bound, limit: Double, basis: String, counties: [String] = [],
        indicators: [Entry] = []
    ) {
        self.code = code
        self.name = name
        self.unit = unit
        self.bound = bound
        self.limit = limit
        self.basis = basis
        self.counties = counties
        self.indicators = indicators
    }

    /// Whether `value` keeps to the limit.
    public func keeps(_ value: Double) -> Bool { bound == .atMost ? value <= limit : value >= limit }

    /// One county's value in one month (`YYYY-MM`).
    public struct Value: Hashable, Sendable {
        public var county: String
        public var month: String
        public var value: Double

        public init(county: String, month: String, value: Double) {
            self.county = county
            self.month = month
            self.value = value
        }
    }

    /// Each county's mean over its months up to and including `month`.
    public func countyMeans(_ values: [Value], through month: String) -> [String: Double] {
        var sums: [String: (Double, Int)] = [:]
        for value in values where value.month <= month {
            let (sum, count) = sums[value.county] ?? (0, 0)
            sums[value.county] = (sum + value.value, count + 1)
        }
        return sums.mapValues { $0.0 / Double($0.1) }
    }

    /// An indicator's value from the months up to and including `month`; nil when none is entered.
    public func value(_ aggregate: Aggregate, _ values: [Value], through month: String) -> Double? {
        let upTo = values.filter { $0.month <= month }
        guard !upTo.isEmpty else { return nil }
        switch aggregate {
        case .sum: return upTo.reduce(0) { $0 + $1.value }
        case .mean: return upTo.reduce(0) { $0 + $1.value } / Double(upTo.count)
        case .worstCountyMean:
            let means = countyMeans(upTo, through: month).values
            return bound == .atMost ? means.max() : means.min()
        }
    }
}
