import Foundation
import Ledger

/// What 台账 shows: each ledger type with its rows and the plan's indicators it computes.
extension LedgersPage {
    struct Model {
        struct Row {
            var code: String
            var name: String
            var rows: Int
            var indicators: String
            var path: String
        }

        var rows: [Row]
    }
}

extension LedgersPage.Model {
    init(types: [LedgerType], counts: [String: Int]) {
        rows = types.map { type in
            Row(
                code: type.code, name: type.name, rows: counts[type.code] ?? 0,
                indicators: type.indicators.map { "\($0.task) \($0.indicator)" }.joined(separator: "、"),
                path: SiteURL.ledger(code: type.code).path)
        }
    }
}
