import Foundation
import LantianCore
import Persistence

/// What the public list shows: each published case of monitoring data falsified — the enterprise, the outlet, the
/// operating agency and persons, when it was found and what.
extension PublicMonitoringPage {
    struct Model {
        struct Row {
            var when: String
            var enterprise: String
            var outlet: String
            var agency: String
            var persons: String
            var finding: String
        }

        var rows: [Row]
    }
}

extension PublicMonitoringPage.Model {
    init(checks: [SourceStore.Check], names: [String: (enterprise: String, outlet: String)]) {
        rows = checks.map { check in
            Row(
                when: String(check.checkedAt.text.prefix(10)), enterprise: names[check.mn]?.enterprise ?? "",
                outlet: names[check.mn]?.outlet ?? check.mn, agency: check.agency, persons: check.persons,
                finding: check.note)
        }
    }
}
