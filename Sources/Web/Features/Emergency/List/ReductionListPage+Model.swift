import Emergency
import Foundation
import LantianCore
import Services

/// What 应急减排清单 shows at a level: each pollutant's cut against the required share of the jurisdiction's total,
/// the shortfall and the additions that close it with the least output lost, every enterprise's measure and cut,
/// and the 保障类 enterprises apart.
extension ReductionListPage {
    struct Model {
        struct Account {
            var pollutant: String
            var total: String
            var reduction: String
            var share: String
            var required: String
            var shortfall: String
            var short: Bool
        }

        struct Row {
            var id: String
            var name: String
            var county: String
            var grade: String
            var measure: String
            var basis: String
            var cuts: [String]
        }

        var level: WarningLevel
        var levels: [WarningLevel]
        var rules: String
        var hasInventory: Bool
        var accounts: [Account]
        var rows: [Row]
        var additions: [Row]
        var closes: Bool
        var proofNote: String
        var residual: String
        var exempt: [Row]
        var unverified: Int
    }
}

extension ReductionListPage.Model {
    init(
        level: WarningLevel, rules: WarningRules, list: ReductionList?, countyName: (String) -> String
    ) {
        self.level = level
        levels = rules.levels.filter { $0 != .blue }
        self.rules = "\(rules.title)（\(rules.document)）"
        hasInventory = list != nil
        func tonnes(_ value: Double) -> String { NumberText.display(value) }
        accounts = (list?.accounts ?? []).map {
            Account(
                pollutant: $0.pollutant.label, total: tonnes($0.total), reduction: tonnes($0.reduction),
                share: NumberText.csv($0.share * 100) + "%",
                required: tonnes($0.required) + "（\(NumberText.percent($0.requiredShare))）",
                shortfall: $0.shortfall > 0 ? tonnes($0.shortfall) : "—", short: $0.shortfall > 0)
        }
        func row(_ enterprise: Enterprise, _ measure: String, _ basis: String, _ cut: Emissions) -> Row {
            Row(
                id: enterprise.id, name: enterprise.name, county: countyName(enterprise.county),
                grade: enterprise.grade.rawValue, measure: measure, basis: basis,
                cuts: EmissionPollutant.allCases.map { tonnes(cut[$0]) })
        }
        rows = (list?.entries ?? []).map { entry in
            row(
                entry.enterprise, entry.measure.map { $0.text + ($0.verified ? "" : "（待核实）") } ?? "措施表中无对应措施",
                entry.applied.map {
                    $0.basis == .equipment ? "按停产设备：" + $0.stopped.map(\.name).joined(separator: "、") : "按比例"
                } ?? "", entry.cut)
        }
        let proposal = list.map { $0.proposal(levels: rules.levels) }
        additions = (proposal?.additions ?? []).map { row($0.enterprise, $0.measure.text, "补足", $0.extra) }
        closes = proposal?.residual.isZero ?? true
        proofNote =
            proposal.map {
                $0.proven
                    ? "补足方案损失产出最少（已证明）。"
                    : "补足方案在搜索上限内得出：损失产出 \(NumberText.display($0.cost))，任何补足方案不少于 \(NumberText.display($0.lowerBound))。"
            } ?? ""
        residual =
            proposal.map { p in
                EmissionPollutant.allCases.filter { p.residual[$0] > 0 }.map {
                    "\($0.label) \(tonnes(p.residual[$0])) 吨/年"
                }
                .joined(separator: "、")
            } ?? ""
        exempt = (list?.exempt ?? []).map { e in
            row(
                e, e.exemption.map { "保障类：\($0.reason)；\($0.approval.isEmpty ? "未填审批文件" : $0.approval)" } ?? "保障类", "",
                .zero)
        }
        unverified = (list?.entries ?? []).filter { $0.measure?.verified == false }.count
    }
}
