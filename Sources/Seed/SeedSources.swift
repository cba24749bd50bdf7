/// The pollution-source demo that ships with Lantian (docs/SOURCES.md): an outlet register and limits for the
/// demo enterprises of the emergency registry; their hourly data is simulated (`lantian sources demo`).
public enum SeedSources {
    public static var outlets: String {
        get throws { try resourceText("sources/demo", "outlets", "csv") }
    }

    public static var limits: String {
        get throws { try resourceText("sources/demo", "limits", "csv") }
    }
}
