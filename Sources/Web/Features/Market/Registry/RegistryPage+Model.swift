import Foundation
import LantianCore
import MarketSupervision
import Services

/// What 名录与购销记录 shows: how many sites of each kind each county has registered, the deliveries held, and
/// what the last upload did.
extension RegistryPage {
    struct Model {
        struct Row {
            var kind: String
            var counts: [Int]
            var total: Int
        }

        var counties: [String]
        var rows: [Row]
        var deliveries: Int
        var outcome: Market.ImportOutcome?
        var outcomeKind: String
        var mayManage: Bool
        var maxMegabytes: Int
    }
}

extension RegistryPage.Model {
    init(
        sites: [MarketSite], deliveries: Int, bureaus: MarketBureaus, outcome: Market.ImportOutcome?,
        outcomeKind: String, mayManage: Bool, maxMegabytes: Int
    ) {
        counties = bureaus.counties.map { bureaus.countyName($0.code) }
        rows = MarketSite.Kind.allCases.map { kind in
            let here = sites.filter { $0.kind == kind }
            return Row(
                kind: kind.chinese,
                counts: bureaus.counties.map { county in here.filter { $0.county == county.code }.count },
                total: here.count)
        }
        self.deliveries = deliveries
        self.outcome = outcome
        self.outcomeKind = outcomeKind
        self.mayManage = mayManage
        self.maxMegabytes = maxMegabytes
    }
}
