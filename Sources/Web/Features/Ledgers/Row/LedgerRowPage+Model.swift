import Campaign
import Foundation
import LantianCore
import Ledger
import Persistence
import Services

/// What one row's page shows: its values as a form (the key fields fixed, a choice or status as a list of what it
/// may become), editable by the row's owner and the office; and every change with before and after, who, when,
/// from what, and the evidence files.
extension LedgerRowPage {
    struct Model {
        enum Input {
            case text
            case number(unit: String)
            case date
            case select([(String, String)])
        }

        struct Field {
            var key: String
            var name: String
            var value: String
            /// The value as read: a county or unit by its name.
            var shown: String
            var input: Input
            var fixed: Bool
        }

        struct Change {
            var version: String
            var when: String
            var who: String
            var source: String
            var differences: [String]
            var files: [(name: String, path: String)]
        }

        var code: String
        var ledgerName: String
        var title: String
        var fields: [Field]
        var version: Int
        var mayEdit: Bool
        var problems: [String]
        var changes: [Change]
        var formPath: String
        var backPath: String
    }
}

extension LedgerRowPage.Model {
    init(
        type: LedgerType, plan: Plan, row stored: LedgerStore.StoredRow, changes: [LedgerStore.Change],
        files: [LedgerStore.EvidenceFile], mayEdit: Bool, typed: [String: String]?,
        problems: [(field: String, reason: String)], zone: TimeZone
    ) {
        code = type.code
        ledgerName = type.name
        let names = Dictionary(plan.units.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        func shown(_ field: LedgerField, _ value: String) -> String {
            switch field.kind {
            case .county, .unit: names[value] ?? value
            default: value
            }
        }
        title = type.key.compactMap { key in type.field(key).map { shown($0, stored.row[key]) } }.joined(separator: " ")
        fields = type.fields.map { field in
            let fixed = type.key.contains(field.key)
            let value = fixed ? stored.row[field.key] : typed?[field.key] ?? stored.row[field.key]
            let input: Input
            switch field.kind {
            case .text, .enterprise: input = .text
            case .number(let unit): input = .number(unit: unit)
            case .date: input = .date
            case .choice(let values): input = .select((field.required ? [] : [("", "")]) + values.map { ($0, $0) })
            case .yesNo: input = .select([("", ""), ("是", "是"), ("否", "否")])
            case .county:
                input = .select(plan.units.filter { $0.kind == .county }.map { ($0.code, $0.name) })
            case .unit: input = .select(plan.units.map { ($0.code, $0.name) })
            case .status:
                let current = stored.row[field.key]
                input = .select(type.statuses.filter { type.allows(from: current, to: $0) }.map { ($0, $0) })
            }
            return Field(
                key: field.key, name: field.name, value: value, shown: shown(field, value), input: input,
                fixed: fixed)
        }
        version = stored.version
        self.mayEdit = mayEdit
        self.problems = problems.map { "\($0.field)：\($0.reason)" }
        let byBatch = Dictionary(grouping: files, by: \.batch)
        self.changes = changes.map { change in
            var differences: [String] = []
            for field in type.fields {
                let before = change.before?[field.key] ?? ""
                let after = change.after[field.key] ?? ""
                guard before != after else { continue }
                differences.append(
                    change.before == nil
                        ? "\(field.name)：\(shown(field, after))"
                        : "\(field.name)：\(before.isEmpty ? "（空）" : shown(field, before)) → \(after.isEmpty ? "（空）" : shown(field, after))"
                )
            }
            return Change(
                version: "\(change.version)", when: UI.dateTime(change.changedAt, in: zone), who: change.changedBy,
                source: change.source, differences: differences,
                files: (change.batch.flatMap { byBatch[$0] } ?? []).map {
                    ($0.fileName, SiteURL.ledgerEvidence(code: type.code, id: $0.id).path)
                })
        }
        formPath = SiteURL.ledgerRow(code: type.code, id: stored.id).path
        backPath = SiteURL.ledger(code: type.code).path
    }
}
