import Foundation
import LantianCore
import MarketSupervision
import Persistence
import Services

/// What a draw's verification page shows: the published inputs and their hash, the seed's source and value, the
/// result with names, whether re-running the draw from the published files gives the same result, and when the
/// result is due to be public.
extension DrawPage {
    struct Model {
        struct Assignment {
            var object: String
            var name: String
            var county: String
            var inspectors: String
        }

        var id: UUID
        var title: String
        var kind: String
        var rule: String
        /// 检查事项清单.
        var items: [String]
        var objects: Int
        var inspectors: Int
        var inputsHash: String
        /// The hash of the stored files read again: equal to `inputsHash` unless the record was tampered with.
        var rehash: String
        var seedSource: String
        var seed: String?
        var assignments: [Assignment]
        /// Whether re-running from the files and seed gives the stored result; nil before the draw.
        var verified: Bool?
        var command: String
        var publication: String
        var late: Bool
        var published: Bool
        var mayManage: Bool
        var isPublic: Bool
    }

    /// Where a draw stands: waiting for its seed, drawn and due by a day (or late), or published.
    static func publication(_ draw: MarketStore.StoredDraw, today: CivilDate) -> (text: String, late: Bool) {
        if let published = draw.publishedOn { return ("已于 \(published) 公开", false) }
        guard let due = draw.publishBy else { return ("已固定名录，待取随机数", false) }
        let left = today.workingDays(to: due)
        if left < 0 { return ("已抽取，应于 \(due) 前公开，已逾期 \(-left) 个工作日", true) }
        return ("已抽取，应于 \(due) 前公开（还有 \(left) 个工作日）", false)
    }
}

extension DrawPage.Model {
    init(_ draw: MarketStore.StoredDraw, bureaus: MarketBureaus, today: CivilDate, mayManage: Bool, isPublic: Bool) {
        id = draw.id
        title = draw.title
        kind = MarketSite.Kind(rawValue: draw.objectKind)?.chinese ?? draw.objectKind
        let objects = (try? RandomDraw.objects(draw.objectsCSV).get()) ?? []
        let inspectors = (try? RandomDraw.inspectors(draw.inspectorsCSV).get()) ?? []
        self.objects = objects.count
        self.inspectors = inspectors.count
        let size = draw.size.hasPrefix("ratio:") ? "按比例 \(draw.size.dropFirst(6))" : "\(draw.size.dropFirst(6)) 个"
        rule =
            "抽取\(size)，每个对象 \(draw.perObject) 名检查人员"
            + [RandomDraw.Strata.none: "", .county: "，按县区分层", .riskClass: "，按风险等级分层"][draw.strata]!
        items = draw.items.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        inputsHash = draw.inputsHash
        rehash = RandomDraw.hash(objects: objects, inspectors: inspectors)
        seedSource = draw.seedSource
        seed = draw.seed
        let names = Dictionary(objects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let staff = Dictionary(inspectors.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var verified: Bool?
        var assignments: [Assignment] = []
        if let seed = draw.seed {
            let rerun = try? Market.rerun(draw, seed: seed)
            verified = rerun.map { Market.resultCSV($0) == draw.resultCSV } ?? false
            for assignment in rerun?.assignments ?? [] {
                let object = names[assignment.object]
                assignments.append(
                    Assignment(
                        object: assignment.object, name: object?.name ?? "",
                        county: bureaus.countyName(object?.county ?? ""),
                        inspectors: assignment.inspectors.map { id in
                            staff[id].map { "\($0.name)（\($0.unit)）" } ?? id
                        }.joined(separator: "、")))
            }
        }
        self.verified = verified
        self.assignments = assignments
        let sizeOption =
            draw.size.hasPrefix("ratio:") ? "--ratio \(draw.size.dropFirst(6))" : "--count \(draw.size.dropFirst(6))"
        command =
            "lantian market draw --objects objects.csv --inspectors inspectors.csv \(sizeOption) --per-object \(draw.perObject)"
            + (draw.strata == .none ? "" : " --stratify \(draw.strata.rawValue)") + " --seed '\(draw.seed ?? "随机数")'"
        let state = DrawPage.publication(draw, today: today)
        publication = state.text
        late = state.late
        published = draw.publishedOn != nil
        self.mayManage = mayManage
        self.isPublic = isPublic
    }
}
