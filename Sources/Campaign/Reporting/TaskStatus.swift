/// A task's computed status (任务状态). It is never typed in: ``TaskAssessment`` derives it from deadlines,
/// indicator progress, elapsed time and which reports are in.
public enum TaskStatus: String, CaseIterable, Sendable, Codable, Comparable {
    /// 已完成: reported done by every lead unit, and every indicator meets its target.
    case done
    /// 按期推进: nothing below applies.
    case onTrack
    /// 进度滞后: an indicator's progress trails the elapsed share of time by more than the tolerance, or an
    /// "at most" indicator is above its ceiling.
    case lagging
    /// 逾期未完成: the deadline has passed and the task is not done.
    case overdue
    /// 未报送: a reporting unit's latest due monthly report is missing.
    case notReported

    public var chinese: String {
        switch self {
        case .done: "已完成"
        case .onTrack: "按期推进"
        case .lagging: "进度滞后"
        case .overdue: "逾期未完成"
        case .notReported: "未报送"
        }
    }

    /// The status as the public pages say it. 未报送 is between the office and the unit (a report is due, not a
    /// fact about the work), so the public reads 推进中 for it and for 按期推进 alike.
    public var publicChinese: String {
        switch self {
        case .done: "已完成"
        case .onTrack, .notReported: "推进中"
        case .lagging: "进度滞后"
        case .overdue: "逾期未完成"
        }
    }

    /// Order of urgency for lists: the worst first.
    private var urgency: Int {
        switch self {
        case .overdue: 0
        case .notReported: 1
        case .lagging: 2
        case .onTrack: 3
        case .done: 4
        }
    }

    public static func < (lhs: TaskStatus, rhs: TaskStatus) -> Bool { lhs.urgency < rhs.urgency }
}
