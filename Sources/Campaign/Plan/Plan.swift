import LantianCore

/// A campaign plan (攻坚方案): its period, air-quality targets, units, tasks and the documents that issue and
/// forward it. Loaded from a `lantian-plan/1` file (see docs/PLAN-FORMAT.md).
public struct Plan: Hashable, Sendable, Codable {
    public var code: String
    public var title: String
    /// First day of the campaign period.
    public var start: CivilDate
    /// Last day of the campaign period (inclusive).
    public var end: CivilDate
    /// IANA name of the civil time zone every date and due time is in.
    public var timeZone: String
    public var reporting: ReportingRule
    public var statusRules: StatusRules
    public var document: OfficialDocument
    public var targets: [AirQualityTarget]
    public var units: [OrgUnit]
    public var groups: [UnitGroup]
    public var sections: [PlanSection]
    /// Every task: text clauses, table rows and forwarded requirements.
    public var tasks: [PlanTask]
    public var forwardings: [Forwarding]

    public init(
        code: String, title: String, start: CivilDate, end: CivilDate, timeZone: String,
        reporting: ReportingRule, statusRules: StatusRules, document: OfficialDocument,
        targets: [AirQualityTarget], units: [OrgUnit], groups: [UnitGroup], sections: [PlanSection],
        tasks: [PlanTask], forwardings: [Forwarding]
    ) {
        self.code = code
        self.title = title
        self.start = start
        self.end = end
        self.timeZone = timeZone
        self.reporting = reporting
        self.statusRules = statusRules
        self.document = document
        self.targets = targets
        self.units = units
        self.groups = groups
        self.sections = sections
        self.tasks = tasks
        self.forwardings = forwardings
    }
}

/// When monthly progress reports are due: "每月5日前报送进展情况".
public struct ReportingRule: Hashable, Sendable, Codable {
    /// The day of the following month a month's report is due (1–28).
    public var dueDay: Int
    /// Hour and minute of the due day up to which a report is on time (inclusive of that whole minute).
    public var dueHour: Int
    public var dueMinute: Int

    public init(dueDay: Int, dueHour: Int, dueMinute: Int) {
        self.dueDay = dueDay
        self.dueHour = dueHour
        self.dueMinute = dueMinute
    }

    /// `HH:MM`
    public var dueTime: String { String(format: "%02d:%02d", dueHour, dueMinute) }
}

/// The tolerances of the task-status computation; data of the plan, not literals of the code.
public struct StatusRules: Hashable, Sendable, Codable {
    /// How far (share of the way, 0–1) an indicator's progress may trail the share of time elapsed toward its
    /// deadline before the task is lagging. 0.1 means ten percentage points.
    public var lagTolerance: Double

    public init(lagTolerance: Double = 0.1) {
        self.lagTolerance = lagTolerance
    }
}
