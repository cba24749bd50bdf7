import Campaign
import LantianCore

/// What one unit did in the assessment period, as the scoring reads it: each fact named so that every point
/// can say where it came from.
public struct UnitFacts: Sendable {
    public struct Task: Sendable, Equatable {
        public var code: String
        public var title: String
        public var status: TaskStatus

        public init(code: String, title: String, status: TaskStatus) {
            self.code = code
            self.title = title
            self.status = status
        }
    }

    public enum Timeliness: String, Sendable {
        case onTime, late, missing
    }

    public struct Report: Sendable, Equatable {
        public var task: String
        public var month: ReportMonth
        public var timeliness: Timeliness

        public init(task: String, month: ReportMonth, timeliness: Timeliness) {
            self.task = task
            self.month = month
            self.timeliness = timeliness
        }
    }

    /// A county's air: its composite index for the period and a year earlier.
    public struct Air: Sendable, Equatable {
        public var composite: Double
        public var previousComposite: Double?

        public init(composite: Double, previousComposite: Double?) {
            self.composite = composite
            self.previousComposite = previousComposite
        }

        /// (I_now − I_before) / I_before.
        public var change: Double? {
            guard let before = previousComposite, before > 0 else { return nil }
            return (composite - before) / before
        }
    }

    public var code: String
    public var name: String
    public var isCounty: Bool
    public var tasks: [Task]
    public var reports: [Report]
    public var air: Air?
    /// Enterprises of the county inspected during warnings, and of them those that kept their measures.
    public var inspected: Int
    public var complied: Int
    /// A market bureau's spot checks in the period and its quota (nil when it has none).
    public var sampled: Int
    public var quota: Int?

    public init(
        code: String, name: String, isCounty: Bool, tasks: [Task], reports: [Report], air: Air? = nil,
        inspected: Int = 0, complied: Int = 0, sampled: Int = 0, quota: Int? = nil
    ) {
        self.code = code
        self.name = name
        self.isCounty = isCounty
        self.tasks = tasks
        self.reports = reports
        self.air = air
        self.inspected = inspected
        self.complied = complied
        self.sampled = sampled
        self.quota = quota
    }
}
