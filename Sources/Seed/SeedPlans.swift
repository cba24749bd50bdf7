import Foundation

/// The plans that ship with Lantian.
public enum SeedPlans {
    /// The Jincheng 2021–2022 autumn–winter plan, the first customer's campaign, as a `lantian-plan/1` file.
    public static var jincheng20212022: String {
        get throws { try text(named: "jincheng-2021-2022") }
    }

    /// The text of the bundled plan file `plans/NAME.yaml`.
    public static func text(named name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Resources/plans")
        else { throw CocoaError(.fileNoSuchFile) }
        return try String(contentsOf: url, encoding: .utf8)
    }
}

/// Real monitoring data that ships with Lantian.
public enum SeedAirData {
    /// Jincheng's five national-feed stations (four assessment stations and the clean-reference station 2165A),
    /// the 00:00 row of each day, 2022-01-02 … 2022-04-01, in the CNEMC hourly format with the public archive's
    /// swapped ozone columns (shared/data/jincheng-cnemc-2022/README.md).
    public static var jinchengT00Rows2022: String {
        get throws {
            guard
                let url = Bundle.module.url(
                    forResource: "jincheng_stations_T00_2022-01-02_2022-04-01", withExtension: "csv",
                    subdirectory: "Resources/air")
            else { throw CocoaError(.fileNoSuchFile) }
            return try String(contentsOf: url, encoding: .utf8)
        }
    }
}
