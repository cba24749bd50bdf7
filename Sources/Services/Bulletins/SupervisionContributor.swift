import Assessment
import LantianCore
import Persistence
import SourceMonitoring

/// 监督检查和案件查处: the month's product spot checks (by sampling day), the cases opened in it and still open,
/// and the online-monitoring checks of the month with the frauds they confirmed.
struct SupervisionContributor: BulletinContributor {
    func section(_ context: BulletinContext) async throws -> BulletinSection? {
        let market = MarketStore(database: context.db)
        let first = context.month.firstDay
        let inMonth: (CivilDate) -> Bool = { $0 >= first && $0 <= context.asOf }
        let checks = try await market.checks().filter { inMonth($0.check.sampledOn) }
        var products: [String: SupervisionFacts.Product] = [:]
        for stored in checks {
            let name = stored.check.product
            var product =
                products[name] ?? SupervisionFacts.Product(code: name, name: name, sampled: 0, judged: 0, failed: 0)
            product.sampled += 1
            if let verdict = stored.verdict {
                product.judged += 1
                if verdict == "不合格" { product.failed += 1 }
            }
            products[name] = product
        }
        let cases = try await market.cases()
        let opened = cases.filter { inMonth($0.openedOn) }.sorted { ($0.openedOn, $0.title) < ($1.openedOn, $1.title) }
        let stillOpen = cases.filter { $0.openedOn <= context.asOf && ($0.closedOn.map { $0 > context.asOf } ?? true) }

        let sources = SourceStore(database: context.db)
        let from = MinuteStamp(day: first, hour: 0)
        let until = MinuteStamp(day: context.asOf.adding(days: 1), hour: 0)
        let sourceChecks = try await sources.checks().filter { $0.checkedAt >= from && $0.checkedAt < until }
        let outlets = Dictionary(try await sources.outlets().map { ($0.mn, $0) }, uniquingKeysWith: { a, _ in a })
        let fraud = sourceChecks.filter { $0.result == .fraud }.map { check in
            outlets[check.mn].map { "\($0.enterprise) \($0.name)" } ?? check.mn
        }
        return .supervision(
            SupervisionFacts(
                products: products.values.sorted { $0.name < $1.name },
                cases: opened.map {
                    SupervisionFacts.Case(
                        id: $0.id.uuidString, title: $0.title, county: context.snapshot.unitName($0.county),
                        stage: $0.stage.chinese, openedOn: $0.openedOn)
                }, openCases: stillOpen.count, sourceChecks: sourceChecks.count, fraud: fraud))
    }
}
