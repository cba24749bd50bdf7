import LantianCore

/// A kind of ledger (台账) as data: the item-level registry behind a plan's numbers — its fields, which unit owns
/// which rows, its status workflow, and the indicators it computes (docs/LEDGER-FORMAT.md).
public struct LedgerType: Hashable, Sendable {
    /// Who edits a row: the county it names (its `county` field), or the unit it names (its `unit` field).
    public enum Owner: String, Hashable, Sendable, CaseIterable {
        case county, unit
    }

    public var code: String
    public var name: String
    public var owner: Owner
    public var fields: [LedgerField]
    /// The fields whose values together identify a row: importing a row with the same key changes that row.
    public var key: [String]
    /// The statuses in workflow order (the first is a new row's); empty when the ledger has no workflow.
    public var statuses: [String]
    /// Allowed moves, by status; a status not listed may move to any other.
    public var transitions: [String: [String]]
    public var indicators: [LedgerIndicator]
    /// Tasks the ledger is run for beyond those of its indicators (s01-1's 两高 projects have no number).
    public var otherTasks: [String]

    public init(
        code: String, name: String, owner: Owner, fields: [LedgerField], key: [String], statuses: [String] = [],
        transitions: [String: [String]] = [:], indicators: [LedgerIndicator] = [], otherTasks: [String] = []
    ) {
        self.code = code
        self.name = name
        self.owner = owner
        self.fields = fields
        self.key = key
        self.statuses = statuses
        self.transitions = transitions
        self.indicators = indicators
        self.otherTasks = otherTasks
    }

    /// The plan's tasks this ledger stands behind, in order: its indicators' and the others named.
    public var tasks: [String] {
        var seen = Set<String>()
        return (indicators.map(\.task) + otherTasks).filter { seen.insert($0).inserted }
    }

    public func field(_ key: String) -> LedgerField? { fields.first { $0.key == key } }

    /// The field naming a row's owner: `county` or `unit`, as ``owner`` says.
    public var ownerField: String { owner == .county ? "county" : "unit" }

    /// The field holding the row's status, when the ledger has a workflow.
    public var statusField: LedgerField? { fields.first { $0.kind == .status } }

    /// Whether a row may move from `from` to `to`.
    public func allows(from: String, to: String) -> Bool {
        guard from != to else { return true }
        guard statuses.contains(to) else { return false }
        guard let allowed = transitions[from] else { return true }
        return allowed.contains(to)
    }
}

/// One field of a ledger.
public struct LedgerField: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case text
        /// A number in `unit` (户, 蒸吨, 台).
        case number(unit: String)
        case date
        /// One of `values`.
        case choice(values: [String])
        /// A county unit of the plan, by code or name.
        case county
        /// A unit of the plan, by code or name.
        case unit
        /// An enterprise of the emergency registry, by its code.
        case enterprise
        case yesNo
        /// The row's status in the workflow.
        case status
    }

    public var key: String
    /// The heading a spreadsheet uses (散煤治理清单's 户主姓名).
    public var name: String
    public var kind: Kind
    public var required: Bool

    public init(key: String, name: String, kind: Kind, required: Bool = false) {
        self.key = key
        self.name = name
        self.kind = kind
        self.required = required
    }
}

/// An indicator a ledger computes: a count of rows, or a sum of a number field, over the rows that match, by
/// county; optionally only rows whose date (a date field, else the day their status last changed) falls on or
/// before the task's deadline; optionally split by a field whose values are the indicator's breakdown labels.
public struct LedgerIndicator: Hashable, Sendable {
    public enum Aggregate: Hashable, Sendable {
        case count
        case sum(field: String)
        /// The number of different non-empty values of a field (t08's enterprises behind its tanks).
        case distinct(field: String)
    }

    /// The plan's task and indicator codes.
    public var task: String
    public var indicator: String
    public var aggregate: Aggregate
    /// field → what a row's value in it must be: one of some values, or within a range of numbers.
    public var filter: [String: LedgerCondition]
    /// Counted only when on time: the date field compared with the deadline; `status-date` for the day the
    /// status last changed.
    public var onTime: String?
    /// A choice field whose values match the indicator's breakdown labels.
    public var breakdown: String?

    public init(
        task: String, indicator: String, aggregate: Aggregate = .count, filter: [String: LedgerCondition] = [:],
        onTime: String? = nil, breakdown: String? = nil
    ) {
        self.task = task
        self.indicator = indicator
        self.aggregate = aggregate
        self.filter = filter
        self.onTime = onTime
        self.breakdown = breakdown
    }

    /// The `status-date` pseudo-field: the day the row's status last changed.
    public static let statusDate = "status-date"
}

/// What an indicator's `where` asks of one field: its value is one of `values`, or — for a number field — a number
/// within the bounds (`">=35 <65"`: 35 up to but not including 65).
public enum LedgerCondition: Hashable, Sendable, ExpressibleByArrayLiteral {
    case oneOf([String])
    case range(lower: Double?, lowerIncluded: Bool, upper: Double?, upperIncluded: Bool)

    public init(arrayLiteral elements: String...) { self = .oneOf(elements) }

    public func matches(_ text: String) -> Bool {
        switch self {
        case .oneOf(let values): return values.contains(text)
        case .range(let lower, let lowerIncluded, let upper, let upperIncluded):
            guard let value = Double(text) else { return false }
            if let lower, lowerIncluded ? value < lower : value <= lower { return false }
            if let upper, upperIncluded ? value > upper : value >= upper { return false }
            return true
        }
    }

    /// Reads `">=35 <65"`, `"<35"`, `">0"`: nil when a part is not a comparison with a number.
    public init?(range text: String) {
        var lower: Double?
        var upper: Double?
        var lowerIncluded = false
        var upperIncluded = false
        let parts = text.split(separator: " ")
        guard !parts.isEmpty else { return nil }
        for part in parts {
            let op = part.prefix { "<>=".contains($0) }
            guard let number = Double(part.dropFirst(op.count)) else { return nil }
            switch op {
            case ">": (lower, lowerIncluded) = (number, false)
            case ">=": (lower, lowerIncluded) = (number, true)
            case "<": (upper, upperIncluded) = (number, false)
            case "<=": (upper, upperIncluded) = (number, true)
            default: return nil
            }
        }
        self = .range(lower: lower, lowerIncluded: lowerIncluded, upper: upper, upperIncluded: upperIncluded)
    }
}
