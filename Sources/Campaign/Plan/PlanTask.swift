import LantianCore

/// A task (任务) of the plan: a clause of its text, a row of its task table (措施任务表), or a requirement
/// that a forwarding notice adds.
public struct PlanTask: Hashable, Sendable, Codable {
    public var code: String
    public var origin: Origin
    /// The text section (1–15, the plan's （一）…（十五）) it belongs to.
    public var section: Int?
    /// 类别.
    public var category: String
    /// 重点工作.
    public var keyWork: String?
    /// 主要任务.
    public var mainTask: String?
    /// 工程措施, or the clause itself.
    public var measures: String
    /// The last day to be done.
    public var deadline: CivilDate
    /// The deadline as the plan words it (2021年12月底前).
    public var deadlineText: String
    /// 牵头单位 (unit codes).
    public var lead: [String]
    /// 配合单位 (unit codes).
    public var cooperating: [String]
    /// 负责落实 (unit codes).
    public var responsible: [String]
    /// Enterprises or sites the task names.
    public var subjects: [String]
    public var indicators: [Indicator]
    /// Transcription notes: an inferred lead unit, an assumed deadline.
    public var notes: String?
    /// The forwarding notice (文号) that added the task, for origin `forwarding`.
    public var forwardedBy: String?
    /// The short title the plan file gives (`title`), naming the work in the plan's own words; nil when the
    /// file gives none (``title`` is then derived).
    public var explicitTitle: String?

    public init(
        code: String, origin: Origin, section: Int? = nil, category: String, keyWork: String? = nil,
        mainTask: String? = nil, measures: String, deadline: CivilDate, deadlineText: String, lead: [String],
        cooperating: [String] = [], responsible: [String] = [], subjects: [String] = [],
        indicators: [Indicator] = [], notes: String? = nil, forwardedBy: String? = nil, title: String? = nil
    ) {
        self.code = code
        self.origin = origin
        self.section = section
        self.category = category
        self.keyWork = keyWork
        self.mainTask = mainTask
        self.measures = measures
        self.deadline = deadline
        self.deadlineText = deadlineText
        self.lead = lead
        self.cooperating = cooperating
        self.responsible = responsible
        self.subjects = subjects
        self.indicators = indicators
        self.notes = notes
        self.forwardedBy = forwardedBy
        self.explicitTitle = title
    }

    public enum Origin: String, CaseIterable, Sendable, Codable {
        /// A clause of the plan text (its 15 sections).
        case text
        /// A row of the attached task table.
        case table
        /// A requirement of a forwarding notice.
        case forwarding

        public var chinese: String {
            switch self {
            case .text: "方案正文"
            case .table: "任务表"
            case .forwarding: "转发要求"
            }
        }
    }

    /// In JSON `title` is the title lists show (the file's, or derived), read back as the file's own.
    enum CodingKeys: String, CodingKey {
        case code, origin, section, category, keyWork, mainTask, measures, deadline, deadlineText, lead
        case cooperating, responsible, subjects, indicators, notes, forwardedBy
        case explicitTitle = "title"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(title, forKey: .explicitTitle)
        try c.encode(origin, forKey: .origin)
        try c.encodeIfPresent(section, forKey: .section)
        try c.encode(category, forKey: .category)
        try c.encodeIfPresent(keyWork, forKey: .keyWork)
        try c.encodeIfPresent(mainTask, forKey: .mainTask)
        try c.encode(measures, forKey: .measures)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(deadlineText, forKey: .deadlineText)
        try c.encode(lead, forKey: .lead)
        try c.encode(cooperating, forKey: .cooperating)
        try c.encode(responsible, forKey: .responsible)
        try c.encode(subjects, forKey: .subjects)
        try c.encode(indicators, forKey: .indicators)
        try c.encodeIfPresent(notes, forKey: .notes)
        try c.encodeIfPresent(forwardedBy, forKey: .forwardedBy)
    }

    /// The units that must report on the task every month: its lead and responsible units, once each.
    public var reportingUnits: [String] {
        // A handful of units each: a linear check is cheaper than hashing, and this is read for every task on
        // every page.
        var units: [String] = []
        units.reserveCapacity(lead.count + responsible.count)
        for unit in lead + responsible where !units.contains(unit) { units.append(unit) }
        return units
    }

    /// The short title lists show: the plan file's `title`; for a file without one, derived — the main task,
    /// else the key work, else the first phrase of the measures (up to the first comma or full stop, at most 30
    /// characters).
    public var title: String {
        if let explicitTitle, !explicitTitle.isEmpty { return explicitTitle }
        if let mainTask, !mainTask.isEmpty { return mainTask }
        if let keyWork, !keyWork.isEmpty { return keyWork }
        let phrase = measures.prefix { !"，。；".contains($0) }
        return phrase.count > 30 ? String(phrase.prefix(30)) + "…" : String(phrase)
    }
}
