import Foundation
import LantianCore
import MarketSupervision
import Persistence
import Services

/// What a sampling plan's page shows: each bureau against its quota, each county's coverage with the sites not
/// yet sampled this year, and the days left.
extension SamplingPlanPage {
    struct Model {
        struct Line {
            var unit: String
            var quota: Int
            var sampled: Int
            var failed: Int
        }

        struct County {
            var name: String
            var registered: Int
            var covered: Int
            var unsampled: [(code: String, name: String, address: String, road: String)]
        }

        var id: UUID
        var title: String
        var family: String
        var year: Int
        var lines: [Line]
        var quota: Int
        var sampled: Int
        var failed: Int
        var uncounted: Int
        var daysLeft: Int
        /// Nil when the family is sampled by batch, not by site.
        var coverage: [County]?
        var coverageKind: String
        var mayRecord: Bool
    }
}

extension SamplingPlanPage.Model {
    init(_ plan: Market.PlanProgress, bureaus: MarketBureaus, mayRecord: Bool) {
        let progress = plan.progress
        id = plan.plan.id
        title = plan.plan.title
        family = plan.plan.family.chinese
        year = plan.plan.year
        lines = progress.lines.map {
            Line(unit: bureaus.unitName($0.unit), quota: $0.quota, sampled: $0.sampled, failed: $0.failed)
        }
        quota = progress.quota
        sampled = progress.sampled
        failed = progress.failed
        uncounted = progress.uncounted
        daysLeft = progress.daysLeft
        coverageKind = plan.plan.family.coveredKind?.chinese ?? ""
        coverage =
            plan.plan.family.coveredKind == nil
            ? nil
            : progress.coverage.map { county in
                County(
                    name: bureaus.countyName(county.county), registered: county.registered, covered: county.covered,
                    unsampled: county.unsampled.map { ($0.code, $0.name, $0.address, $0.road?.chinese ?? "") })
            }
        self.mayRecord = mayRecord
    }
}
