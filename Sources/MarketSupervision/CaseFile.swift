import LantianCore

/// A case (案件) the bureau opens on a failed batch or a black-station find, carried 立案 → 责令整改 → 行政处罚 →
/// 结案. A case may go straight from 立案 to 行政处罚 (no rectification ordered) or from 责令整改 to 结案 (rectified,
/// no penalty); it never goes back, and a closed case is closed.
public enum CaseFile {
    public enum Stage: String, CaseIterable, Sendable, Codable, Comparable {
        case filed
        case rectifying
        case penalized
        case closed

        public var chinese: String {
            switch self {
            case .filed: "立案"
            case .rectifying: "责令整改"
            case .penalized: "行政处罚"
            case .closed: "结案"
            }
        }

        /// The stages a case at this stage may move to.
        public var next: [Stage] {
            switch self {
            case .filed: [.rectifying, .penalized, .closed]
            case .rectifying: [.penalized, .closed]
            case .penalized: [.closed]
            case .closed: []
            }
        }

        public static func < (a: Stage, b: Stage) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// What the case is about: a failed spot check, or one of the black-station action's four types
    /// (固定黑加油站点、流动加油车、非法储油设施、非法销售不合格油品).
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case failedBatch
        case fixedStation
        case mobileTanker
        case storageTank
        case illegalSale

        public var chinese: String {
            switch self {
            case .failedBatch: "抽检不合格"
            case .fixedStation: "固定黑加油站点"
            case .mobileTanker: "流动加油车"
            case .storageTank: "非法储油设施"
            case .illegalSale: "非法销售不合格油品"
            }
        }
    }

    /// Why moving a case from `stage` to `target` on `day` with `deadline` is refused, or nil when it may.
    /// Rectification needs a deadline after the day it is ordered; closing needs no deadline.
    public static func refusal(from stage: Stage, to target: Stage, on day: CivilDate, deadline: CivilDate?) -> String?
    {
        guard stage.next.contains(target) else {
            if stage == .closed { return "案件已结案，不能再变更" }
            return "案件处于“\(stage.chinese)”，不能转为“\(target.chinese)”"
        }
        if target == .rectifying {
            guard let deadline else { return "责令整改须填写整改期限" }
            if deadline <= day { return "整改期限应晚于今天（\(day)）" }
        }
        return nil
    }
}
