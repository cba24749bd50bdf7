/// The ledger types that ship with Lantian (docs/LEDGER-FORMAT.md), linked to the Jincheng plan's tasks.
public enum SeedLedgers {
    public static let codes = ["households", "boilers", "trucks", "substitution", "tanks", "machines", "projects"]

    /// The `lantian-measurements/1` text of the shipped monthly measurements.
    public static var measurements: String {
        get throws { try resourceText("ledgers", "measurements", "yaml") }
    }

    /// The `lantian-ledger/1` text of a shipped type.
    public static func type(_ code: String) throws -> String {
        try resourceText("ledgers", code, "yaml")
    }
}
