import Campaign
import FluentKit
import Foundation
import LantianCore
import Ledger
import Persistence
import Seed

/// The monthly per-county measurements for the web app: the shipped measurements, their stored values, cells
/// saved from the grid and tables imported — each value checked as an imported line is, a county's writers only
/// their county's cells.
public struct Measurements: Sendable {
    public let store: MeasurementStore

    public init(db: any Database) {
        store = MeasurementStore(database: db)
    }

    /// The measurements that ship (Sources/Seed/Resources/ledgers/measurements.yaml), checked by the tests.
    public static let shipped: [MonthlyMeasurement] = (try? MeasurementFile.read(try SeedLedgers.measurements)) ?? []

    public static func measurement(_ code: String) -> MonthlyMeasurement? { shipped.first { $0.code == code } }

    /// The campaign's months, `YYYY-MM`, from the plan's first to its last.
    public static func months(of plan: Plan) -> [String] {
        var months: [String] = []
        var month = ReportMonth(containing: plan.start)
        while month <= ReportMonth(containing: plan.end) {
            months.append(month.description)
            month = month.next
        }
        return months
    }

    /// The counties `measurement` covers, as the plan lists them.
    public static func counties(_ measurement: MonthlyMeasurement, plan: Plan) -> [OrgUnit] {
        plan.units.filter {
            $0.kind == .county && (measurement.counties.isEmpty || measurement.counties.contains($0.code))
        }
    }

    /// Saves the grid's cells (county code → month → text as typed; empty clears): all or nothing.
    public func save(
        _ typed: [String: [String: String]], measurement: MonthlyMeasurement, plan: Plan, onlyCounty: String?,
        actor: AuditLog.Actor, at now: Date
    ) async throws -> (problems: [ImportIssue], changed: Int) {
        if let onlyCounty, let other = typed.keys.first(where: { $0 != onlyCounty }) {
            throw ServiceError.forbidden("只能填报本县的数值（\(other) 不是）")
        }
        var lines = [SheetRow(line: 1, cells: ["县区", "月份", "数值"])]
        var cleared: [MeasurementStore.Cell] = []
        for (county, months) in typed.sorted(by: { $0.key < $1.key }) {
            for (month, text) in months.sorted(by: { $0.key < $1.key }) {
                if SheetTable.trimmed(text).isEmpty {
                    cleared.append(.init(county: county, month: month, value: nil))
                } else {
                    lines.append(SheetRow(line: lines.count + 1, cells: [county, month, text]))
                }
            }
        }
        let read = MeasurementRows.read(
            lines, measurement: measurement, county: Self.county(plan), months: Self.months(of: plan),
            onlyCounty: onlyCounty)
        guard read.problems.isEmpty else { return (read.problems, 0) }
        let cells = read.records.map { MeasurementStore.Cell(county: $0.county, month: $0.month, value: $0.value) }
        let changed = try await store.save(
            cells + cleared, code: measurement.code, source: "网页填报", actor: actor, at: now)
        return ([], changed)
    }

    /// Imports an uploaded table (县区, 月份, 数值) of `measurement`'s values.
    public func importRows(
        _ data: Data, file: String, measurement: MonthlyMeasurement, plan: Plan, onlyCounty: String?,
        actor: AuditLog.Actor,
        at now: Date
    ) async throws -> TableImportOutcome {
        try await TableImportOutcome.importing(
            data, file: file,
            read: {
                MeasurementRows.read(
                    $0, measurement: measurement, county: Self.county(plan), months: Self.months(of: plan),
                    onlyCounty: onlyCounty)
            },
            store: { values in
                try await store.save(
                    values.map { .init(county: $0.county, month: $0.month, value: $0.value) }, code: measurement.code,
                    source: file, actor: actor, at: now)
            })
    }

    static func county(_ plan: Plan) -> (String) -> String? {
        let bureaus = MarketBureaus(units: plan.units)
        let counties = Set(plan.units.filter { $0.kind == .county }.map(\.code))
        return { text in counties.contains(text) ? text : bureaus.county(text) }
    }
}
