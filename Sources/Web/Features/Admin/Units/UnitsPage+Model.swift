import Campaign
import Foundation
import Plot
import Services

/// What the page shows, built from the services' values without a request (page-model tests build it too).
extension UnitsPage {
    struct Line {
        var code: String
        var name: String
        var kind: OrgUnit.Kind
        var parent: String
        var users: Int
    }

    struct Model {
        var lines: [Line]
        var errors: [String]
        var form: [String: String]
    }
}
