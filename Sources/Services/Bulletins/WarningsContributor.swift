import Assessment
import Persistence

/// 重污染天气应对: the warnings in force at any hour of the month up to the bulletin's day, with the
/// inspections recorded during each.
struct WarningsContributor: BulletinContributor {
    func section(_ context: BulletinContext) async throws -> BulletinSection? {
        let store = EmergencyStore(database: context.db)
        let first = context.month.firstDay.description + "T00:00"
        let last = context.asOf.description + "T23:00"
        let warnings = try await store.warnings().filter { warning in
            warning.starts <= last && (warning.lifted.map { $0 >= first } ?? true)
        }.sorted { $0.starts < $1.starts }
        let inspections = Dictionary(grouping: try await store.inspections(), by: \.warningID)
        return .warnings(
            WarningFacts(
                warnings: warnings.map { warning in
                    let checks = inspections[warning.id] ?? []
                    return WarningFacts.Warning(
                        id: warning.id.uuidString, level: warning.level.chinese + "预警", starts: warning.starts,
                        ends: warning.lifted, document: warning.document, inspected: checks.count,
                        complied: checks.filter(\.complied).count)
                }))
    }
}
