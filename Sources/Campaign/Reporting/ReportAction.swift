/// A step of the report workflow: 保存 → 提交审核 → 审核报送 → (退回 → 修改 …) → 确认.
public enum ReportAction: String, CaseIterable, Sendable, Codable {
    /// 保存草稿: the unit saves its content.
    case save
    /// 提交审核: the reporter sends the report to the unit leader.
    case requestApproval
    /// 审核通过并报送: the leader approves, which submits the report to the office.
    case approve
    /// 审核不通过: the leader sends it back to the reporter.
    case reject
    /// 退回修改: the office returns a submitted report with a comment.
    case returnToUnit
    /// 确认: the office accepts a submitted report.
    case accept

    public var chinese: String {
        switch self {
        case .save: "保存草稿"
        case .requestApproval: "提交审核"
        case .approve: "审核通过并报送"
        case .reject: "审核不通过"
        case .returnToUnit: "退回修改"
        case .accept: "确认"
        }
    }

    /// Whether the office takes this action (returns or accepts a submitted report).
    public var isOffice: Bool { self == .returnToUnit || self == .accept }

    /// Whether the action needs a comment (a reason for sending the report back).
    public var needsComment: Bool { self == .reject || self == .returnToUnit }

    /// The state after the action, or nil when `role` may not take it from `state`.
    ///
    /// A unit's reporter and leader act on their own unit's reports only, and the office on any; which unit a
    /// report belongs to is checked by the caller. A leader may save and submit in one go (approve a draft).
    public func next(from state: ReportState, by role: Role) -> ReportState? {
        switch (self, role) {
        case (.save, .unitReporter), (.save, .unitLeader):
            return state.isEditable ? (state == .returned ? .returned : .draft) : nil
        case (.requestApproval, .unitReporter):
            return state.isEditable ? .pendingApproval : nil
        case (.approve, .unitLeader):
            return state.isEditable || state == .pendingApproval ? .submitted : nil
        case (.reject, .unitLeader):
            return state == .pendingApproval ? .draft : nil
        case (.returnToUnit, .officeAdmin):
            return state == .submitted || state == .accepted ? .returned : nil
        case (.accept, .officeAdmin):
            return state == .submitted ? .accepted : nil
        default:
            return nil
        }
    }
}
