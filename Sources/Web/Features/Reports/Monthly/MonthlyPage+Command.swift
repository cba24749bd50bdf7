import Foundation

extension MonthlyPage {
    /// What a button of the monthly form asks for: its `action` value, `save:t11`, `saveAll` …
    enum Command: Equatable {
        /// 保存全部草稿: every row whose entry differs from what is stored (also the form's default, for Enter).
        case saveAll
        /// 保存本行.
        case save(String)
        /// 与上月相同 for one row.
        case carry(String)
        /// 全部提交审核: the reporter sends every row that has content to the unit leader.
        case submitAll
        /// 通过全部待审核: the leader approves every row waiting for approval.
        case approveAll
        /// The leader approves one row (or saves and submits a row they wrote).
        case approve(String)
        /// The leader sends one row back to the reporter, with the row's comment.
        case reject(String)

        init?(_ text: String) {
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            switch (parts.first, parts.count) {
            case ("saveAll", 1): self = .saveAll
            case ("submitAll", 1): self = .submitAll
            case ("approveAll", 1): self = .approveAll
            case ("save", 2): self = .save(parts[1])
            case ("carry", 2): self = .carry(parts[1])
            case ("approve", 2): self = .approve(parts[1])
            case ("reject", 2): self = .reject(parts[1])
            default: return nil
            }
        }

        var value: String {
            switch self {
            case .saveAll: "saveAll"
            case .submitAll: "submitAll"
            case .approveAll: "approveAll"
            case .save(let code): "save:" + code
            case .carry(let code): "carry:" + code
            case .approve(let code): "approve:" + code
            case .reject(let code): "reject:" + code
            }
        }

        /// The one row the command addresses, if it addresses one.
        var row: String? {
            switch self {
            case .save(let code), .carry(let code), .approve(let code), .reject(let code): code
            case .saveAll, .submitAll, .approveAll: nil
            }
        }
    }
}
