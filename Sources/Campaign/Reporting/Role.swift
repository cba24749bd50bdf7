/// What a user may do (角色). Every write is checked against the user's role and unit on the server.
public enum Role: String, CaseIterable, Sendable, Codable {
    /// 大气办管理员: loads plans, manages units and users, returns or accepts reports.
    case officeAdmin
    /// 填报员: writes its unit's reports and sends them for approval.
    case unitReporter
    /// 单位负责人: approves its unit's reports, which submits them to the office.
    case unitLeader
    /// 查看: reads only.
    case viewer

    public var chinese: String {
        switch self {
        case .officeAdmin: "大气办管理员"
        case .unitReporter: "单位填报员"
        case .unitLeader: "单位负责人"
        case .viewer: "只读用户"
        }
    }
}
