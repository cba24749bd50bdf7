import LantianCore

/// A quantitative indicator (量化指标) of a task: every number the plan commits to, with its unit, target,
/// direction and deadline — 散煤替代 16,000 户, 抽检 600 批次, 降尘量 ≤ 7 吨/(平方公里·月).
public struct Indicator: Hashable, Sendable, Codable {
    /// Unique within its task.
    public var code: String
    public var name: String
    /// The unit of measure as the plan writes it (户, 批次, %, 蒸吨/小时).
    public var unit: String
    public var direction: Direction
    public var target: Double
    /// The value progress is measured from; 0 unless the plan gives a starting point.
    public var baseline: Double
    /// When the target must be met; nil means the task's deadline.
    public var deadline: CivilDate?
    /// Where it applies when narrower than the task (主干道, 县（市）建成区).
    public var scope: String?
    public var source: Source
    /// Parts that add up to `target` (气代煤 8,200 + 集中供热 7,800 = 16,000 户).
    public var breakdown: [Part]

    public init(
        code: String, name: String, unit: String, direction: Direction, target: Double, baseline: Double = 0,
        deadline: CivilDate? = nil, scope: String? = nil, source: Source = .report, breakdown: [Part] = []
    ) {
        self.code = code
        self.name = name
        self.unit = unit
        self.direction = direction
        self.target = target
        self.baseline = baseline
        self.deadline = deadline
        self.scope = scope
        self.source = source
        self.breakdown = breakdown
    }

    /// One part of a breakdown.
    public struct Part: Hashable, Sendable, Codable {
        public var label: String
        public var target: Double

        public init(label: String, target: Double) {
            self.label = label
            self.target = target
        }
    }

    /// Where an indicator's current value comes from.
    ///
    /// Reports are the fallback: a ledger or air-quality computation, once connected, supersedes them.
    public enum Source: Hashable, Sendable, Codable {
        /// The responsible units' monthly progress reports.
        case report
        /// A computation over an item-level ledger (boilers, households, trucks): `count`, or `sum:FIELD`.
        case ledger(name: String, aggregate: String)
        /// A figure computed from monitoring data (e.g. `dustfall`).
        case airQuality(metric: String)
        /// A figure from a monthly per-county measurement with its limit (`dustfall`, `straw-utilisation`): the
        /// county × month grid the counties enter or import.
        case measurement(code: String)
        /// A figure counted from the market-supervision bureau's records (`fuel-batches`, `station-coverage`):
        /// spot checks, the registry, the black-station action.
        case market(metric: String)
        /// A figure from pollution-source monitoring (`vocs-coverage`, `vocs-monitors`): the key-polluter list,
        /// the outlets and their online-monitoring data.
        case sources(metric: String)

        /// How the UI names the source.
        public var chinese: String {
            switch self {
            case .report: "单位报送"
            case .ledger(let name, _): "台账（\(name)）"
            case .airQuality(let metric): "监测数据（\(metric)）"
            case .measurement(let code): "月度监测（\(code)）"
            case .market(let metric): "市场监管记录（\(metric)）"
            case .sources(let metric): "污染源监控（\(metric)）"
            }
        }
    }

    /// Share of the way from baseline to target that `value` has covered, 0…1.
    ///
    /// For an `atLeast` indicator this is `(value − baseline) / (target − baseline)`, clamped; a target equal
    /// to its baseline (a "zero target") is met from the start. For an `atMost` indicator progress is all or
    /// nothing: 1 while the value is at or below the target, 0 above it.
    public func progress(of value: Double) -> Double {
        switch direction {
        case .atMost:
            return value <= target ? 1 : 0
        case .atLeast:
            let span = target - baseline
            if span <= 0 { return value >= target ? 1 : 0 }
            return min(1, max(0, (value - baseline) / span))
        }
    }

    /// Whether `value` meets the target.
    public func isMet(by value: Double) -> Bool {
        direction.isMet(value, target: target)
    }
}
