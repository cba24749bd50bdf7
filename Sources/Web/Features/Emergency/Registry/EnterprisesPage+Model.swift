import Emergency
import Foundation
import LantianCore
import Services

/// What 应急减排企业名录 shows: the enterprises by county and grade, each one's industry, emissions and equipment,
/// the inventory totals (the required cut's denominator), and the uploads that fill them.
extension EnterprisesPage {
    struct Model {
        struct Row {
            var id: String
            var name: String
            var county: String
            var industry: String
            var grade: String
            var emissions: [String]
            var equipment: String
        }

        var counties: [String]
        var grades: [(grade: String, counts: [Int], total: Int)]
        var rows: [Row]
        var inventory: [(String, String)]
        var outcome: TableImportOutcome?
        var outcomeKind: String
        var mayKeep: Bool
        var maxMegabytes: Int
    }
}

extension EnterprisesPage.Model {
    /// At most this many rows are listed on the page.
    static let shownRows = 2_000

    init(
        enterprises: [Enterprise], inventory: Emissions?, counties: [(code: String, name: String)],
        industries: MeasureTable, outcome: TableImportOutcome?, outcomeKind: String, mayKeep: Bool, maxMegabytes: Int
    ) {
        self.counties = counties.map(\.name)
        grades = PerformanceGrade.allCases.map { grade in
            let here = enterprises.filter { $0.grade == grade }
            return (
                grade.rawValue, counties.map { county in here.filter { $0.county == county.code }.count }, here.count
            )
        }
        let name = Dictionary(counties.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        rows = enterprises.prefix(Self.shownRows).map { e in
            Row(
                id: e.id, name: e.name, county: name[e.county] ?? e.county,
                industry: industries.industries.first { $0.code == e.industry }?.name ?? e.industry,
                grade: e.grade.rawValue + (e.exemption.map { "（\($0.reason)）" } ?? ""),
                emissions: EmissionPollutant.allCases.map { NumberText.display(e.emissions[$0]) },
                equipment: e.equipment.map { "\($0.name)\($0.capacity.isEmpty ? "" : " \($0.capacity)")" }.joined(
                    separator: "、"))
        }
        self.inventory = EmissionPollutant.allCases.map { pollutant in
            (pollutant.label, inventory.map { NumberText.display($0[pollutant]) + " 吨/年" } ?? "未录入")
        }
        self.outcome = outcome
        self.outcomeKind = outcomeKind
        self.mayKeep = mayKeep
        self.maxMegabytes = maxMegabytes
    }
}
