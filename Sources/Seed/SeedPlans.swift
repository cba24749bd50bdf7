import Foundation

/// The plans that ship with Lantian.
public enum SeedPlans {
    /// The Jincheng 2021–2022 autumn–winter plan, the first customer's campaign, as a `lantian-plan/1` file.
    public static var jincheng20212022: String {
        get throws { try text(named: "jincheng-2021-2022") }
    }

    /// The text of the bundled plan file `plans/NAME.yaml`.
    public static func text(named name: String) throws -> String {
        try resourceText("plans", name, "yaml")
    }
}

/// The UTF-8 text of the bundled file `Resources/FOLDER/NAME.EXTENSION`.
func resourceText(_ folder: String, _ name: String, _ fileExtension: String) throws -> String {
    guard
        let url = Bundle.module.url(
            forResource: name, withExtension: fileExtension, subdirectory: "Resources/" + folder)
    else { throw CocoaError(.fileNoSuchFile) }
    return try String(contentsOf: url, encoding: .utf8)
}

/// Real monitoring data that ships with Lantian.
public enum SeedAirData {
    /// Jincheng's five national-feed stations (four assessment stations and the clean-reference station 2165A),
    /// the 00:00 row of each day, 2022-01-02 … 2022-04-01, in the CNEMC hourly format with the public archive's
    /// swapped ozone columns (shared/data/jincheng-cnemc-2022/README.md).
    public static var jinchengT00Rows2022: String {
        get throws { try text(named: "jincheng_stations_T00_2022-01-02_2022-04-01") }
    }

    /// Jincheng's station registry: the five national-control stations and the clean-reference station
    /// (`code,name,kind,county,longitude,latitude`). 泽州一中's code 2164A is inferred (the gap in the feed's
    /// numbering); it reports no data in the bundled period.
    public static var jinchengStations: String {
        get throws { try text(named: "jincheng-stations") }
    }

    private static func text(named name: String) throws -> String {
        try resourceText("air", name, "csv")
    }
}

/// The product standards that ship with Lantian.
public enum SeedStandards {
    /// Market supervision's product standards (fuels, diesel exhaust fluid, VOCs products) as a
    /// `lantian-standards/1` file: values as the reference gives them, each marked verified or not.
    public static var market: String {
        get throws { try resourceText("standards", "market", "yaml") }
    }
}
