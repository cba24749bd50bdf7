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
        var ordersSent = 0
        var ordersDelivered = 0
        var ordersAcknowledged = 0
        var counties: [(code: String, name: String)] = []
        var enterprises: [(id: String, name: String)] = []
        var inspections: [InspectionRow] = []
        var mayInspect = false

        struct InspectionRow {
            var enterprise: String
            var method: String
            var result: String
            var violated: Bool
            var hour: String
            var note: String
            var by: String
            var files: [(name: String, link: SiteURL)]
        }
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

extension WarningPage.Model {
    /// Adds the warning's orders, inspections and what the forms offer.
    mutating func add(
        orders: [EmergencyStore.StoredOrder], inspections: [EmergencyStore.StoredInspection],
        enterprises: [Enterprise], counties: [(code: String, name: String)], mayInspect: Bool
    ) {
        ordersSent = orders.count
        ordersDelivered = orders.filter { $0.deliveredAt != nil }.count
        ordersAcknowledged = orders.filter { $0.acknowledgedAt != nil }.count
        self.counties = counties
        self.enterprises = enterprises.filter { !$0.grade.isExempt }.map { ($0.id, "\($0.id) \($0.name)") }
        let names = Dictionary(enterprises.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        self.inspections = inspections.map { inspection in
            InspectionRow(
                enterprise: names[inspection.enterprise] ?? inspection.enterprise, method: inspection.method.chinese,
                result: inspection.complied ? "已落实" : "未落实（违规）", violated: !inspection.complied,
                hour: HourText.chinese(inspection.hour), note: inspection.note, by: inspection.recordedBy,
                files: inspection.files.map {
                    ($0.fileName, SiteURL.emergencyInspectionFile(id: inspection.id, file: $0.id))
                })
        }
        self.mayInspect = mayInspect && inForce
    }
}
