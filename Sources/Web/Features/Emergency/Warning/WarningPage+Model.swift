import Emergency
import Foundation
import Persistence
import Services

/// What a warning's page shows: its level, times, document and reason, every change with who and when, and (to
/// those who may) the form to upgrade, downgrade, adjust or lift it.
extension WarningPage {
    struct Model {
        struct ChangeRow {
            var action: String
            var level: WarningLevel
            var hour: String
            var document: String
            var note: String
            var by: String
        }

        var id: UUID
        var level: WarningLevel
        var starts: String
        var end: String
        var document: String
        var rules: String
        var reason: String
        var inForce: Bool
        var changes: [ChangeRow]
        var levels: [WarningLevel]
        var expectedEnd: String
        var now: String
        var mayChange: Bool
        var errors: [String]
    }
}

extension WarningPage.Model {
    init(
        _ warning: EmergencyStore.StoredWarning, levels: [WarningLevel], now: String, mayChange: Bool,
        errors: [String]
    ) {
        id = warning.id
        level = warning.level
        starts = HourText.chinese(warning.starts)
        end = warning.lifted.map { "\(HourText.chinese($0)) 解除" } ?? "预计 \(HourText.chinese(warning.expectedEnd))"
        document = warning.document
        rules = EmergencyResponse.shippedRules[warning.rules].map { "\($0.title)（\($0.document)）" } ?? warning.rules
        reason = warning.reason
        inForce = warning.inForce
        changes = warning.changes.map {
            ChangeRow(
                action: EmergencyStore.Action(rawValue: $0.action)?.chinese ?? $0.action, level: $0.level,
                hour: HourText.chinese($0.hour), document: $0.document, note: $0.note, by: $0.by)
        }
        self.levels = levels
        expectedEnd = warning.expectedEnd
        self.now = now
        self.mayChange = mayChange && warning.inForce
        self.errors = errors
    }
}
