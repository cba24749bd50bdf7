import Campaign
import Emergency
import FluentKit
import Foundation
import LantianCore
import Persistence
import Seed
import Spreadsheet

/// The heavy-pollution response as the web and the CLI use it: the registry's imports, the rule edition and
/// inventory the office sets, forecasts and the levels they call for, warnings issued, adjusted and lifted, and
/// the emission-reduction list with its gap-closer.
public struct EmergencyResponse: Sendable {
    public let store: EmergencyStore

    public init(db: any Database) {
        store = EmergencyStore(database: db)
    }

    /// The shipped measures (docs/EMERGENCY.md); read once.
    public static let shippedMeasures: MeasureTable = {
        do { return try MeasuresFile.read(try SeedEmergency.measures) } catch {
            fatalError("the shipped measures do not load: \(error)")
        }
    }()

    /// The shipped rule editions, by code; read once.
    public static let shippedRules: [String: WarningRules] = {
        var editions: [String: WarningRules] = [:]
        for code in SeedEmergency.ruleCodes {
            do { editions[code] = try WarningRulesFile.read(try SeedEmergency.rules(code)) } catch {
                fatalError("the shipped warning rules \(code) do not load: \(error)")
            }
        }
        return editions
    }()

    public static let defaultRules = "shanxi-2020"

    /// The measures in force: the office's latest saved version, or the shipped table.
    public func measures() async throws -> MeasureTable {
        guard let current = try await store.measureVersions.current() else { return Self.shippedMeasures }
        return (try? MeasuresFile.read(current.document)) ?? Self.shippedMeasures
    }

    /// Checks `document` whole and saves it as the next version; the problems when it cannot be saved.
    public func saveMeasures(_ document: String, note: String, actor: AuditLog.Actor, at now: Date) async throws
        -> [String]
    {
        var problems: [String] = []
        if note.isEmpty { problems.append("请填写修订说明（改了什么、依据哪份文件）") }
        do { _ = try MeasuresFile.read(document) } catch { problems += error.issues.map(\.description) }
        guard problems.isEmpty else { return problems }
        _ = try await store.measureVersions.save(document, note: note, actor: actor, at: now)
        return []
    }

    /// The edition the office has chosen (Shanxi's by default).
    public func rules() async throws -> WarningRules {
        let code = try await store.setting("rules")?.value ?? Self.defaultRules
        return Self.shippedRules[code] ?? Self.shippedRules[Self.defaultRules]!
    }

    public func chooseRules(_ code: String, actor: AuditLog.Actor, at now: Date) async throws -> Bool {
        guard Self.shippedRules[code] != nil else { return false }
        try await store.save(setting: "rules", value: code, actor: actor, at: now)
        return true
    }

    /// The jurisdiction's inventory totals, t/yr, when set.
    public func inventory() async throws -> Emissions? {
        guard let value = try await store.setting("inventory")?.value else { return nil }
        return try? JSONDecoder().decode(Emissions.self, from: Data(value.utf8))
    }

    // MARK: Imports

    /// Replaces the registry with an enterprises table (CSV or .xlsx); nothing stored on any problem.
    public func importEnterprises(
        _ data: Data, file: String, counties: MarketBureaus, actor: AuditLog.Actor, at now: Date
    ) async throws -> TableImportOutcome {
        let table = try await measures()
        return try await .importing(
            data, file: file,
            read: {
                EnterpriseRegistry.enterprises(
                    $0, county: counties.county, industry: { table.industry($0)?.code },
                    industries: table.industries.map { "\($0.code)（\($0.name)）" })
            },
            store: { try await store.replaceEnterprises($0, file: file, actor: actor, at: now) })
    }

    /// Sets the equipment of registered enterprises from an equipment table.
    public func importEquipment(_ data: Data, file: String, actor: AuditLog.Actor, at now: Date) async throws
        -> TableImportOutcome
    {
        let known = Set(try await store.enterprises().map(\.id))
        return try await .importing(
            data, file: file, read: { EnterpriseRegistry.equipment($0, enterprises: known) },
            store: { rows in
                try await store.setEquipment(rows, file: file, actor: actor, at: now)
                return rows.count
            })
    }

    /// Sets the inventory totals from a `pollutant,total` table.
    public func importInventory(_ data: Data, file: String, actor: AuditLog.Actor, at now: Date) async throws
        -> TableImportOutcome
    {
        let rows: [SheetRow]
        do { rows = try SheetFile.rows(data) } catch { return .unreadable(file, error.reason) }
        let read = EnterpriseRegistry.inventory(rows)
        guard read.problems.isEmpty, let totals = read.records.first else {
            return TableImportOutcome(file: file, rows: 0, added: 0, problems: read.problems, warnings: read.warnings)
        }
        try await store.save(setting: "inventory", value: EmergencyStore.json(totals), actor: actor, at: now)
        return TableImportOutcome(file: file, rows: 4, added: 4, problems: [], warnings: read.warnings)
    }

    /// Stores a forecast table (CSV or .xlsx; `time,aqi` or `date,aqi`, optionally `sand_dust` and `county`).
    public func importForecast(_ data: Data, file: String, actor: AuditLog.Actor, at now: Date) async throws
        -> TableImportOutcome
    {
        let rows: [SheetRow]
        do { rows = try SheetFile.rows(data) } catch { return .unreadable(file, error.reason) }
        let read = Forecast.read(rows)
        guard read.problems.isEmpty else {
            return TableImportOutcome(file: file, rows: 0, added: 0, problems: read.problems, warnings: read.warnings)
        }
        _ = try await store.saveForecast(read.records, file: file, actor: actor, at: now)
        let hours = read.records.map(\.hours.count).reduce(0, +)
        return TableImportOutcome(file: file, rows: hours, added: hours, problems: [], warnings: read.warnings)
    }

    // MARK: Proposal and list

    /// The latest forecast's episodes under the edition in force, series by series (the city's first).
    public func proposal() async throws -> (forecast: EmergencyStore.StoredForecast, episodes: [Episode])? {
        guard let forecast = try await store.latestForecast() else { return nil }
        let rules = try await rules()
        let series = forecast.series.sorted { ($0.county.isEmpty ? 0 : 1) < ($1.county.isEmpty ? 0 : 1) }
        return (forecast, series.flatMap { WarningProposal.episodes($0, rules: rules) })
    }

    /// The list at `level` from the registry, the measures and the inventory; nil without an inventory.
    public func list(at level: WarningLevel) async throws -> ReductionList? {
        guard let inventory = try await inventory() else { return nil }
        return try await list(at: level, inventory: inventory)
    }

    /// The list at `level` against `inventory`.
    public func list(at level: WarningLevel, inventory: Emissions) async throws -> ReductionList {
        let rules = try await rules()
        return ReductionList(
            enterprises: try await store.enterprises(), measures: try await measures(), level: level,
            inventory: inventory,
            requiredShare: rules.requiredCuts[level] ?? .zero)
    }
}
