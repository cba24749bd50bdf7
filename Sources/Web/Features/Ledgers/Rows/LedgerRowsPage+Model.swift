import Campaign
import Foundation
import LantianCore
import Ledger
import Persistence
import Services
import Vapor

/// What a ledger's page shows: the indicators it computes (total, by county, by breakdown label) as of today, each
/// a link to the rows behind it; the rows the filter selects; the export; the import for who may.
extension LedgerRowsPage {
    /// The query: an owner (county or unit code), a status, and a task + indicator for the drill-down.
    struct Filter: Equatable {
        var owner: String?
        var status: String?
        var task: String?
        var indicator: String?

        init(owner: String? = nil, status: String? = nil, task: String? = nil, indicator: String? = nil) {
            self.owner = owner
            self.status = status
            self.task = task
            self.indicator = indicator
        }

        init(_ req: Request) {
            func value(_ key: String) -> String? {
                req.query[String.self, at: key].flatMap { $0.isEmpty ? nil : $0 }
            }
            self.init(
                owner: value("owner"), status: value("status"), task: value("task"), indicator: value("indicator"))
        }
    }

    /// Whose rows the user may edit.
    enum EditScope: Equatable {
        case none, any
        case only(String)

        func allows(_ owner: String) -> Bool {
            switch self {
            case .none: false
            case .any: true
            case .only(let code): code == owner
            }
        }
    }

    struct Model {
        struct Row {
            var id: String
            var owner: String
            var cells: [String]
            var version: String
            var by: String
            var path: String
        }

        struct Computed {
            var label: String
            var total: String
            var byOwner: String
            var byBreakdown: String
            var path: String
        }

        var code: String
        var title: String
        var headings: [String]
        var computed: [Computed]
        var shown: [Row]
        var totalRows: Int
        var drill: String?
        var owners: [(String, String)]
        var statuses: [(String, String)]
        var filter: Filter
        var csvPath: String
        var mayImport: Bool
        var outcome: TableImportOutcome?
        var summary: String?
        var scope = EditScope.none
        var problems: [String] = []
        var maxMegabytes = 0
        /// The statuses a bulk change may set, and the date fields it may date.
        var bulkStatuses: [(String, String)]
        var dateFields: [(String, String)]
        /// Every row the filter selects, for the export (the page lists the first ``shownRows``).
        var all: [Row] { selected.map(row) }
        let row: (Int) -> Row
        let selected: [Int]
    }
}

extension LedgerRowsPage.Model {
    /// At most this many rows are listed on the page; the export has them all.
    static let shownRows = 1_000

    init(
        type: LedgerType, plan: Plan, rows stored: [LedgerStore.StoredRow], filter: LedgerRowsPage.Filter,
        today: CivilDate, mayImport: Bool, outcome: (TableImportOutcome, LedgerStore.ImportSummary?)?
    ) {
        code = type.code
        title = type.name
        headings = type.fields.map(\.name)
        let names = Dictionary(plan.units.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = stored.map(\.row)
        let ownerField = type.ownerField
        computed = type.indicators.compactMap { entry in
            guard let task = plan.tasks.first(where: { $0.code == entry.task }),
                let indicator = task.indicators.first(where: { $0.code == entry.indicator })
            else { return nil }
            let result = LedgerAggregate.compute(entry, type: type, rows: rows, deadline: task.deadline, asOf: today)
            return Computed(
                label:
                    "\(task.code) \(indicator.name)（目标 \(NumberText.display(indicator.target)) \(indicator.unit)，截至 \(today)）",
                total: "\(NumberText.display(result.total)) \(indicator.unit)",
                byOwner: result.byOwner.sorted { $0.key < $1.key }.map {
                    "\(names[$0.key].map(MarketBureaus.shortName) ?? $0.key) \(NumberText.display($0.value))"
                }.joined(separator: "、"),
                byBreakdown: result.byBreakdown.sorted { $0.key < $1.key }.map {
                    "\($0.key) \(NumberText.display($0.value))"
                }.joined(separator: "、"),
                path: SiteURL.ledgerRows(code: type.code, task: task.code, indicator: indicator.code).path)
        }
        var selected = Array(stored.indices)
        drill = nil
        if let taskCode = filter.task, let indicatorCode = filter.indicator,
            let entry = type.indicators.first(where: { $0.task == taskCode && $0.indicator == indicatorCode }),
            let task = plan.tasks.first(where: { $0.code == taskCode })
        {
            selected = LedgerAggregate.compute(entry, type: type, rows: rows, deadline: task.deadline, asOf: today).rows
            let name = task.indicators.first { $0.code == indicatorCode }?.name ?? indicatorCode
            drill = "计入 \(taskCode)「\(name)」的行（截至 \(today)，完成时限 \(task.deadline)，按时完成的才计入）"
        }
        if let owner = filter.owner { selected = selected.filter { rows[$0][ownerField] == owner } }
        if let status = filter.status, let key = type.statusField?.key {
            selected = selected.filter { rows[$0][key] == status }
        }
        totalRows = selected.count
        let code = type.code
        row = { index in
            let row = stored[index]
            return Row(
                id: row.id.uuidString, owner: row.owner,
                cells: type.fields.map { field in
                    let value = row.row[field.key]
                    switch field.kind {
                    case .county, .unit: return names[value].map(MarketBureaus.shortName) ?? value
                    default: return value
                    }
                }, version: "\(row.version)", by: row.updatedBy,
                path: SiteURL.ledgerRow(code: code, id: row.id).path)
        }
        self.selected = selected
        shown = selected.prefix(Self.shownRows).map(row)
        bulkStatuses = type.statuses.map { ($0, $0) }
        dateFields = [("", "不改日期")] + type.fields.filter { $0.kind == .date }.map { ($0.key, $0.name) }
        let owners = Set(stored.map { $0.row[ownerField] })
        self.owners = [("", "全部")] + owners.sorted().map { ($0, names[$0].map(MarketBureaus.shortName) ?? $0) }
        statuses = [("", "全部")] + type.statuses.map { ($0, $0) }
        self.filter = filter
        csvPath = SiteURL.ledgerCSV(code: type.code, filter: filter).path
        self.mayImport = mayImport
        self.outcome = outcome?.0
        summary = outcome?.1.map { "新增 \($0.new) 行，修改 \($0.changed) 行，未变 \($0.unchanged) 行；每处修改都已记录版本。" }
    }
}
