/// The scoring scheme that ships with Lantian (docs/ASSESSMENT.md), to be confirmed by the office.
public enum SeedAssessment {
    /// The `lantian-scoring/1` text of the shipped scheme.
    public static var scoring: String {
        get throws { try resourceText("assessment", "scoring", "yaml") }
    }
}
