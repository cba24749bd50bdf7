import Campaign

/// Where the plan's tasks stand at the bulletin's day (``TaskAssessment``): counts per lead unit and per county,
/// and the tasks that lag or are overdue, named.
public struct TaskProgressFacts: Sendable {
    public struct UnitCounts: Sendable {
        public var code: String
        public var name: String
        public var counts: [TaskStatus: Int]

        public init(code: String, name: String, counts: [TaskStatus: Int]) {
            self.code = code
            self.name = name
            self.counts = counts
        }
    }

    public struct NamedTask: Sendable {
        public var code: String
        public var title: String
        public var status: TaskStatus
        public var leads: [String]
        /// Why (进度滞后：… / 已过完成时限 …).
        public var reason: String

        public init(code: String, title: String, status: TaskStatus, leads: [String], reason: String) {
            self.code = code
            self.title = title
            self.status = status
            self.leads = leads
            self.reason = reason
        }
    }

    /// Every task once, by its overall status.
    public var overall: [TaskStatus: Int]
    public var byLead: [UnitCounts]
    public var byCounty: [UnitCounts]
    /// Lagging, overdue and unreported tasks, the most urgent first.
    public var named: [NamedTask]

    public init(overall: [TaskStatus: Int], byLead: [UnitCounts], byCounty: [UnitCounts], named: [NamedTask]) {
        self.overall = overall
        self.byLead = byLead
        self.byCounty = byCounty
        self.named = named
    }
}

extension BulletinSection {
    /// 重点任务进展: done / on track / lagging / overdue / not reported, overall, per lead unit and per county, and
    /// the lagging and overdue tasks named with their reasons.
    public static func taskProgress(_ facts: TaskProgressFacts) -> BulletinSection {
        let total = facts.overall.values.reduce(0, +)
        let order: [TaskStatus] = [.done, .onTrack, .lagging, .overdue, .notReported]
        let summary =
            "方案\(total)项重点任务中，"
            + order.map { "\($0.chinese)\(facts.overall[$0] ?? 0)项" }.joined(separator: "，") + "。"
        var figures = order.map {
            BulletinFigure(key: "tasks-\($0.rawValue)", label: "任务\($0.chinese)", text: "\(facts.overall[$0] ?? 0)项")
        }
        figures.insert(BulletinFigure(key: "tasks-total", label: "重点任务", text: "\(total)项"), at: 0)
        func table(_ key: String, _ caption: String, _ label: String, _ rows: [TaskProgressFacts.UnitCounts])
            -> BulletinTable
        {
            BulletinTable(
                key: key, caption: caption, columns: [label] + order.map(\.chinese) + ["合计"],
                rows: rows.map { unit in
                    BulletinTable.Row(
                        key: unit.code,
                        cells: [unit.name] + order.map { "\(unit.counts[$0] ?? 0)" }
                            + ["\(unit.counts.values.reduce(0, +))"])
                })
        }
        let named = BulletinTable(
            key: "named", caption: "进度滞后、逾期和未报送的任务", columns: ["任务", "牵头单位", "状态", "说明"],
            rows: facts.named.map {
                BulletinTable.Row(
                    key: $0.code,
                    cells: ["\($0.code) \($0.title)", $0.leads.joined(separator: "、"), $0.status.chinese, $0.reason])
            }, empty: "无")
        return BulletinSection(
            key: "tasks", heading: "重点任务进展",
            blocks: [
                .paragraph(summary), .figures(figures), .table(named),
                .table(table("by-lead", "各牵头单位任务进展", "牵头单位", facts.byLead)),
                .table(table("by-county", "各县（市、区）任务进展", "县（市、区）", facts.byCounty)),
            ])
    }
}
