import Foundation
import Plot

/// What the page shows, built from the services' values without a request (page-model tests build it too).
extension AuditPage {
    struct Line {
        var at: String
        var username: String
        var action: String
        var entity: String
        var before: String
        var after: String
    }

    struct Model {
        /// The filter as typed: `user`, `unit`, `action`, `day`.
        var filter: [String: String]
        var units: [(code: String, name: String)]
        var actions: [String]
        var lines: [Line]
        var page: Int
        var pages: Int
        var total: Int
        var errors: [String] = []

        /// The path of page `number` with the same filter.
        func path(page number: Int) -> String {
            let query = (filter.sorted { $0.key < $1.key }.filter { !$0.value.isEmpty } + [("page", String(number))])
                .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            return SiteURL.audit.path + "?" + query.joined(separator: "&")
        }
    }
}
