import LantianCore

/// What a ledger's indicator comes to: the total, by county (or owning unit), and by breakdown label.
public struct LedgerAggregate: Hashable, Sendable {
    public var total: Double
    public var byOwner: [String: Double]
    public var byBreakdown: [String: Double]
    /// The rows counted, by their index in the rows given: the drill-down.
    public var rows: [Int]

    /// `indicator` over `rows` of `type`: rows matching its filter; with `onTime`, only those whose date is on or
    /// before `deadline` — and, for a snapshot, on or before `asOf` (a row dated later had not happened yet).
    public static func compute(
        _ indicator: LedgerIndicator, type: LedgerType, rows: [LedgerRow], deadline: CivilDate, asOf: CivilDate
    ) -> LedgerAggregate {
        var result = LedgerAggregate(total: 0, byOwner: [:], byBreakdown: [:], rows: [])
        let owner = type.owner == .county ? "county" : "unit"
        for (index, row) in rows.enumerated() {
            guard indicator.filter.allSatisfy({ field, values in values.contains(row[field]) }) else { continue }
            if let field = indicator.onTime {
                let date = field == LedgerIndicator.statusDate ? row.statusChanged : CivilDate(row[field])
                guard let date, date <= deadline, date <= asOf else { continue }
            }
            let amount: Double
            switch indicator.aggregate {
            case .count: amount = 1
            case .sum(let field):
                guard let value = Double(row[field]) else { continue }
                amount = value
            }
            result.total += amount
            result.byOwner[row[owner], default: 0] += amount
            if let field = indicator.breakdown { result.byBreakdown[row[field], default: 0] += amount }
            result.rows.append(index)
        }
        return result
    }
}
