/// The heavy-pollution response data that ships with Lantian (docs/EMERGENCY.md).
public enum SeedEmergency {
    /// The warning-rule editions that ship, by code: `shanxi-2020` (晋政办发〔2020〕50号, the default) and
    /// `national-2017` (the national four-level scheme, with blue).
    public static let ruleCodes = ["shanxi-2020", "national-2017"]

    /// The `lantian-warning-rules/1` text of a shipped edition.
    public static func rules(_ code: String) throws -> String {
        try resourceText("emergency", code, "yaml")
    }

    /// The default measures table (`lantian-measures/1`).
    public static var measures: String {
        get throws { try resourceText("emergency", "measures", "yaml") }
    }
}
