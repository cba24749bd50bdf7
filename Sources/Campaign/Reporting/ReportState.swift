/// Where a monthly progress report stands (报告状态).
public enum ReportState: String, CaseIterable, Sendable, Codable {
    /// 草稿: being written by the unit.
    case draft
    /// 待审核: sent by the reporter to the unit leader.
    case pendingApproval
    /// 已报送: approved by the unit leader and so submitted to the office.
    case submitted
    /// 已退回: the office returned it with a comment; the unit revises and submits again.
    case returned
    /// 已确认: the office accepted it.
    case accepted

    public var chinese: String {
        switch self {
        case .draft: "草稿"
        case .pendingApproval: "待审核"
        case .submitted: "已报送"
        case .returned: "已退回"
        case .accepted: "已确认"
        }
    }

    /// Whether the office has the report: it counts as reported.
    public var isSubmitted: Bool { self == .submitted || self == .accepted }

    /// Whether a version in this state is one the office received or answered: submitted, accepted or returned.
    /// Versions in the other states are drafts, private to the unit (``ReportPolicy/readAccess(role:actorUnit:reportUnit:task:supervisor:)``).
    public var isVisibleOutsideUnit: Bool { isSubmitted || self == .returned }

    /// Whether the unit may still change its content.
    public var isEditable: Bool { self == .draft || self == .returned }

    /// Whether a report in this state, last sent back with `comment`, waits for its unit to revise it: returned by
    /// the office, or a draft the unit's leader sent back to the reporter (审核不通过) with a comment.
    public func awaitsRevision(comment: String?) -> Bool {
        self == .returned || (self == .draft && comment != nil)
    }
}
