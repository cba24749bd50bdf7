/// What a unit says of its own work in a report (填报状态), as opposed to the computed ``TaskStatus``.
public enum ReportedStatus: String, CaseIterable, Sendable, Codable {
    case notStarted
    case inProgress
    case done

    public var chinese: String {
        switch self {
        case .notStarted: "未开始"
        case .inProgress: "推进中"
        case .done: "已完成"
        }
    }
}
