import Campaign
import Foundation
import LantianCore
import MarketSupervision
import Persistence
import Services

/// What 市场监管 shows: every sampling plan with its progress and coverage, the latest checks, the open cases.
extension MarketPage {
    struct Model {
        struct PlanLine {
            var id: UUID
            var title: String
            var family: String
            var year: Int
            var quota: Int
            var sampled: Int
            var failed: Int
            /// `covered/registered` sites, when the family is sampled by site.
            var coverage: (covered: Int, registered: Int)?
            var daysLeft: Int
        }

        struct CheckLine {
            var id: UUID
            var sampledOn: String
            var product: String
            var site: String
            var county: String
            var unit: String
            var verdict: String
        }

        struct CaseLine {
            var checkID: UUID?
            var actionID: UUID?
            var title: String
            var kind: String
            var stage: String
            var deadline: String
            var unit: String
        }

        var plans: [PlanLine]
        var checks: [CheckLine]
        var cases: [CaseLine]
        var registry: String
        var mayManage: Bool
        var mayRecord: Bool
        /// The new-plan form: the bureaus that hold quotas, with their names.
        var bureaus: [(code: String, name: String)]
        var defaultYear: Int
        var errors: [String]
        /// The batches the plan sets per family, from its market indicators (t24's 600 and 80, t05's parts).
        var planTotals: [ProductFamily: Double] = [:]
        /// Drawn results not yet public, with their deadline: the reminder.
        var lateDraws: [String] = []
        /// Special actions: id, title, period, days run.
        var actions: [(id: UUID, title: String, period: String, run: Int)] = []
        /// What the last lab-results upload did.
        var results: Market.ResultsOutcome?
    }
}

extension MarketPage.Model {
    init(
        plans: [Market.PlanProgress], checks: [MarketStore.StoredCheck], cases: [MarketStore.StoredCase],
        registry: (sites: [MarketSite.Kind: Int], deliveries: Int), bureaus: MarketBureaus, access: MarketAccess,
        library: StandardsLibrary, today: CivilDate, errors: [String] = []
    ) {
        self.plans = plans.map {
            PlanLine(
                id: $0.plan.id, title: $0.plan.title, family: $0.plan.family.chinese, year: $0.plan.year,
                quota: $0.progress.quota, sampled: $0.progress.sampled, failed: $0.progress.failed,
                coverage: $0.plan.family.coveredKind == nil ? nil : ($0.progress.covered, $0.progress.registered),
                daysLeft: $0.progress.daysLeft)
        }
        self.checks = checks.prefix(20).map {
            CheckLine(
                id: $0.id, sampledOn: $0.check.sampledOn.description,
                product: library.standard(for: $0.check.product)?.productName ?? $0.check.product,
                site: $0.check.siteName, county: bureaus.countyName($0.check.county), unit: bureaus.unitName($0.unit),
                verdict: $0.verdict ?? "待检")
        }
        self.cases = cases.filter { $0.stage != .closed }.map {
            CaseLine(
                checkID: $0.checkID, actionID: $0.actionID, title: $0.title, kind: $0.kind.chinese,
                stage: $0.stage.chinese,
                deadline: $0.deadline?.description ?? "—", unit: bureaus.unitName($0.unit))
        }
        let kinds = MarketSite.Kind.allCases.compactMap { kind in
            registry.sites[kind].map { "\(kind.chinese) \($0)" }
        }
        self.registry =
            kinds.isEmpty && registry.deliveries == 0
            ? "名录尚未导入。"
            : (kinds + ["购销记录 \(registry.deliveries) 条"]).joined(separator: "，") + "。"
        self.mayManage = access.mayManage
        self.mayRecord = access.mayRecord
        self.bureaus = bureaus.bureaus.map { ($0, bureaus.unitName($0)) }
        self.defaultYear = today.year
        self.errors = errors
    }
}

extension MarketPage.Model {
    /// The plan's batch targets by family: indicators counted `fuel-batches` / `urea-batches`, and the parts of
    /// `vocs-batches` by their label (涂料, 胶粘剂 or 胶黏剂, 清洗剂).
    static func planTotals(_ plan: Plan) -> [ProductFamily: Double] {
        var totals: [ProductFamily: Double] = [:]
        for indicator in plan.tasks.flatMap(\.indicators) {
            guard case .market(let metric) = indicator.source else { continue }
            switch metric {
            case "fuel-batches": totals[.fuel] = indicator.target
            case "urea-batches": totals[.urea] = indicator.target
            case "vocs-batches":
                for part in indicator.breakdown {
                    let family = ProductFamily.allCases.first {
                        [$0.chinese, $0.chinese.replacingOccurrences(of: "黏", with: "粘")].contains(part.label)
                    }
                    if let family { totals[family] = part.target }
                }
            default: continue
            }
        }
        return totals
    }
}
