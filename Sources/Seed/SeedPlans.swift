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
