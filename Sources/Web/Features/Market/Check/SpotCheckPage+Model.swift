import Foundation
import LantianCore
import MarketSupervision
import Persistence
import Services

/// What a spot check's page shows: the record, each result against its limit, the verdict with its failed items,
/// the trace of a failed fuel batch, and its case.
extension SpotCheckPage {
    struct Model {
        struct Result {
            var name: String
            var unit: String
            var limit: String
            var value: String
            var failed: Bool
        }

        struct TraceRow {
            var node: String
            var name: String
            var relation: String
            var path: String
        }

        struct CaseView {
            var id: UUID
            var title: String
            var stage: String
            var deadline: String
            var steps: [(stage: String, day: String, deadline: String, note: String, by: String)]
            /// Stages it may move to (code, label).
            var next: [(String, String)]
        }

        var id: UUID
        var title: String
        var facts: [(String, String)]
        var verdict: String
        var standard: String
        var results: [Result]
        var failures: [String]
        var trace: SupplyTrace?
        var traceRows: [TraceRow]
        var station: String
        var names: [String: String]
        var caseView: CaseView?
        var mayOpenCase: Bool
        var mayMoveCase: Bool
        var today: String
        /// Attached files: id, name, size in bytes, whether it belongs to the case.
        var documents: [(id: UUID, name: String, size: Int, forCase: Bool)] = []
        var mayUpload = false
    }
}

extension SpotCheckPage.Model {
    init(
        _ stored: MarketStore.StoredCheck, library: StandardsLibrary, trace: SupplyTrace?, sites: [MarketSite],
        caseFile: MarketStore.StoredCase?, bureaus: MarketBureaus, mayWork: Bool, today: CivilDate
    ) {
        let check = stored.check
        let standard =
            stored.standard.flatMap { library.standard(for: check.product, cited: $0) }
            ?? library.standard(for: check.product, on: check.sampledOn)
        id = stored.id
        title = "\(standard?.productName ?? check.product) · \(check.batch)"
        facts = [
            ("产品", standard?.productName ?? check.product), ("商标/品牌", check.brand), ("规格型号", check.specification),
            ("批号/生产日期", check.batch), ("生产日期", check.producedOn?.description ?? ""),
            ("标称生产企业", check.manufacturer),
            ("被抽样单位", check.siteName + (check.siteCode.map { "（\($0)）" } ?? "")), ("地址", check.address),
            ("县区", bureaus.countyName(check.county)), ("抽样日期", check.sampledOn.description),
            ("检验机构", check.testingBody), ("抽检单位", bureaus.unitName(stored.unit)),
            ("录入", "\(stored.createdBy)"),
        ].filter { !$0.1.isEmpty }
        verdict = stored.verdict ?? "待检"
        self.standard =
            standard.map { "\($0.standard)（\($0.effective) 起施行，\($0.method.chinese)）" } ?? "标准库中没有该产品在抽样日有效的版本"
        let verdictNow = standard.map { Verdict(check.results, against: $0) }
        let failedCodes = Set(verdictNow?.failures.map(\.item.code) ?? [])
        results =
            standard?.items.compactMap { item in
                guard let value = check.results[item.code] else { return nil }
                return Result(
                    name: item.name, unit: item.unit, limit: item.limit.text, value: value.description,
                    failed: failedCodes.contains(item.code))
            } ?? []
        failures = verdictNow?.failures.map { "\($0.item.name)：\($0.comparison)（\($0.item.unit)）" } ?? []
        self.trace = trace
        let names = Dictionary(sites.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        self.names = names
        station = check.siteCode ?? ""
        traceRows =
            trace?.nodes.map {
                TraceRow(
                    node: $0.node, name: names[$0.node] ?? "（名录外）",
                    relation: $0.relation == .upstream ? "上游供货" : "同批供货（建议抽检）", path: $0.path)
            } ?? []
        caseView = caseFile.map { file in
            CaseView(
                id: file.id, title: file.title, stage: file.stage.chinese, deadline: file.deadline?.description ?? "—",
                steps: file.steps.map {
                    ($0.stage.chinese, $0.day.description, $0.deadline?.description ?? "", $0.note, $0.by)
                }, next: file.stage.next.map { ($0.rawValue, $0.chinese) })
        }
        mayOpenCase = mayWork && caseFile == nil && stored.verdict == "不合格"
        mayMoveCase = mayWork && caseFile.map { $0.stage != .closed } == true
        self.today = today.description
    }
}
