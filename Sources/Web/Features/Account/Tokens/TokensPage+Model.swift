import Foundation
import Plot

/// What the page shows, built from the services' values without a request (page-model tests build it too).
extension TokensPage {
    struct Line {
        var id: UUID
        var name: String
        var username: String
        var created: String
        var expires: String
    }

    struct Model {
        var lines: [Line]
        /// The office sees every account's tokens.
        var showsOwner: Bool
    }
}
