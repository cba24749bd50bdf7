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
        let owner = type.ownerField
        var seen = Set<String>()
        var seenByOwner = Set<[String]>()
        var seenByLabel = Set<[String]>()
        for (index, row) in rows.enumerated() {
            guard indicator.filter.allSatisfy({ field, condition in condition.matches(row[field]) }) else { continue }
            if let field = indicator.onTime {
                let date = field == LedgerIndicator.statusDate ? row.statusChanged : CivilDate(row[field])
                guard let date, date <= deadline, date <= asOf else { continue }
            }
            let label = indicator.breakdown.map { row[$0] }
            switch indicator.aggregate {
            case .count: result.add(1, owner: row[owner], label: label)
            case .sum(let field):
                guard let value = Double(row[field]) else { continue }
                result.add(value, owner: row[owner], label: label)
            case .distinct(let field):
                let value = row[field]
                guard !value.isEmpty else { continue }
                if seen.insert(value).inserted { result.total += 1 }
                if seenByOwner.insert([row[owner], value]).inserted { result.byOwner[row[owner], default: 0] += 1 }
                if let label, seenByLabel.insert([label, value]).inserted {
                    result.byBreakdown[label, default: 0] += 1
                }
            }
            result.rows.append(index)
        }
        return result
    }

    mutating func add(_ amount: Double, owner: String, label: String?) {
        total += amount
        byOwner[owner, default: 0] += amount
        if let label { byBreakdown[label, default: 0] += amount }
    }
}
