import Campaign
import Foundation
import Plot
import Services

/// What the page shows, built from the services' values without a request (page-model tests build it too).
extension PlanImportPage {
    struct Model {
        var errors: [String]
        var imported: String?
        var plans: [(code: String, title: String, importedAt: String, by: String)]
    }
}
