import LantianCore

/// One row of a ledger: its values by field key, in canonical text (dates `YYYY-MM-DD`, numbers as written without
/// grouping, counties and units by code, yes/no as 是/否), and the day its status last changed.
public struct LedgerRow: Hashable, Sendable {
    public var values: [String: String]
    public var statusChanged: CivilDate?

    public init(values: [String: String], statusChanged: CivilDate? = nil) {
        self.values = values
        self.statusChanged = statusChanged
    }

    public subscript(_ key: String) -> String { values[key] ?? "" }

    /// The row's identity under `type`: its key fields' values joined.
    public func key(in type: LedgerType) -> String {
        type.key.map { values[$0] ?? "" }.joined(separator: "\u{1F}")
    }
}
