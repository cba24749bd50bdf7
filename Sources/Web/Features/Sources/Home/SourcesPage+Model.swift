import Emergency
import Foundation
import LantianCore
import Persistence
import Services
import SourceMonitoring

/// What 污染源监控 shows: the key polluters' share of industrial VOCs and NOx against the 65 % floor and the fewest
/// additions that would reach it, the outlet register with what is not yet networked, the imports, the uploads.
extension SourcesPage {
    struct Model {
        struct Emitter {
            var id: String
            var name: String
            var vocs: String
            var nox: String
            var listed: Bool
            var suggested: Bool
        }

        struct OutletRow {
            var mn: String
            var enterprise: String
            var name: String
            var factors: String
            var installed: Bool
            var networked: Bool
            var networkedOn: String
            var limits: String
        }

        struct ImportRow {
            var file: String
            var when: String
            var by: String
            var figures: String
        }

        var vocsShare: String
        var noxShare: String
        var floor: String
        var meetsFloor: Bool
        var hasRegistry: Bool
        var additions: [Emitter]
        var afterAdditions: String
        var proven: Bool
        var reachable: Bool
        var emitters: [Emitter]
        var outlets: [OutletRow]
        var imports: [ImportRow]
        var mayInspect: Bool
        var mayKeep: Bool
        var outcome: TableImportOutcome?
        var outcomeKind: String
        var summary: String?
        var maxMegabytes: Int

        var notNetworked: [OutletRow] { outlets.filter { !$0.networked } }
    }
}

extension SourcesPage.Model {
    init(
        coverage: OnlineMonitoring.Coverage, outlets: [Outlet], imports: [SourceStore.StoredImport], mayInspect: Bool,
        mayKeep: Bool, outcome: TableImportOutcome?, outcomeKind: String, summary: SourceImport.Summary?,
        maxMegabytes: Int
    ) {
        let result = coverage.result
        func share(_ value: Double?) -> String { value.map { NumberText.csv(($0 * 10).rounded() / 10) + "%" } ?? "—" }
        vocsShare = share(result.vocsShare)
        noxShare = share(result.noxShare)
        floor = NumberText.csv(result.floor) + "%"
        meetsFloor = result.meetsFloor
        hasRegistry = !coverage.enterprises.isEmpty
        let suggested = Set(result.additions)
        let emitters = coverage.enterprises.sorted {
            ($0.emissions.vocs + $0.emissions.nox) > ($1.emissions.vocs + $1.emissions.nox)
        }
        .map { e in
            Emitter(
                id: e.id, name: e.name, vocs: NumberText.display(e.emissions.vocs),
                nox: NumberText.display(e.emissions.nox), listed: coverage.listed[e.id] != nil,
                suggested: suggested.contains(e.id))
        }
        self.emitters = emitters
        let byID = Dictionary(emitters.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        additions = result.additions.compactMap { byID[$0] }
        let added = Set(result.additions).union(coverage.listed.keys)
        let vocs = coverage.enterprises.filter { added.contains($0.id) }.map(\.emissions.vocs).reduce(0, +)
        let nox = coverage.enterprises.filter { added.contains($0.id) }.map(\.emissions.nox).reduce(0, +)
        afterAdditions =
            "VOCs \(share(result.vocsTotal > 0 ? vocs * 100 / result.vocsTotal : nil))、"
            + "氮氧化物 \(share(result.noxTotal > 0 ? nox * 100 / result.noxTotal : nil))"
        proven = result.proven
        reachable = result.reachable
        let names = Dictionary(coverage.enterprises.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        self.outlets = outlets.map { o in
            OutletRow(
                mn: o.mn, enterprise: names[o.enterprise] ?? o.enterprise, name: o.name,
                factors: o.factors.map(Factor.name).joined(separator: "、"), installed: o.installed,
                networked: o.networked, networkedOn: o.networkedOn?.description ?? "",
                limits: o.limits.keys.sorted().map { factor in
                    let rule = o.limits[factor]!
                    return "\(Factor.name(factor)) \(NumberText.csv(rule.limit.limit))"
                        + (rule.limit.o2Reference.map { "（O₂ \(NumberText.csv($0))%）" } ?? "")
                }.joined(separator: "；"))
        }
        self.imports = imports.map { i in
            ImportRow(
                file: i.file, when: UI.dateTime(i.importedAt, in: TimeZone(identifier: "Asia/Shanghai")!),
                by: i.importedBy,
                figures: "\(i.records) 条记录，\(i.hours) 个小时值，更正 \(i.corrections) 个")
        }
        self.mayInspect = mayInspect
        self.mayKeep = mayKeep
        self.outcome = outcome
        self.outcomeKind = outcomeKind
        self.summary = summary.flatMap { s in
            s.imported
                ? "已导入 \(s.records) 条记录、\(s.hours) 个小时值（\(s.devices.count) 台设备）；更正已存数值 \(s.corrections) 个，已逐条记录。"
                : nil
        }
        self.maxMegabytes = maxMegabytes
    }
}
