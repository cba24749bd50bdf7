import Foundation
import LantianCore
import Persistence

/// What 执法清单 shows: every check that found an equipment fault or confirmed data fraud, newest first, with
/// its evidence; fraud cases can be published on the public list (seed §(十三): by 2022-03, 公开一批…名单).
extension SourceCasesPage {
    struct Model {
        struct Row {
            var id: UUID
            var when: String
            var enterprise: String
            var outlet: String
            var result: String
            var note: String
            var agency: String
            var files: [(name: String, path: String)]
            var isFraud: Bool
            var published: Bool
        }

        var rows: [Row]
        var mayKeep: Bool
    }
}

extension SourceCasesPage.Model {
    init(checks: [SourceStore.Check], names: [String: (enterprise: String, outlet: String)], mayKeep: Bool) {
        rows = checks.map { check in
            Row(
                id: check.id, when: check.checkedAt.text.replacingOccurrences(of: "T", with: " "),
                enterprise: names[check.mn]?.enterprise ?? "", outlet: "\(names[check.mn]?.outlet ?? "")（\(check.mn)）",
                result: check.result.chinese, note: check.note,
                agency: [check.agency, check.persons].filter { !$0.isEmpty }.joined(separator: "；"),
                files: check.files.map { ($0.fileName, SiteURL.sourcesCheckFile(id: check.id, file: $0.id).path) },
                isFraud: check.result == .fraud, published: check.published)
        }
        self.mayKeep = mayKeep
    }
}
