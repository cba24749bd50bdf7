import Campaign
import Foundation
import Plot
import Services

/// What the page shows, built from the services' values without a request (page-model tests build it too).
extension UsersPage {
    struct Line {
        var username: String
        var displayName: String
        var role: Role
        var unit: String
        var active: Bool
    }

    struct Model {
        var lines: [Line]
        var units: [(String, String)]
        var errors: [String]
        var form: [String: String]
        /// A password just created, shown once.
        var issued: (username: String, password: String)?
    }
}
