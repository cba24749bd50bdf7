import Foundation
import LantianCore
import Services
import SourceMonitoring

/// What a hit's chart page shows: the hours around it drawn, and every hit of the window on the same factor.
extension HitChartPage {
    struct Model {
        var title: String
        var mn: String
        var series: OutletSeries
        var factor: String
        var limit: Double?
        var hit: Range<MinuteStamp>
        var chartTitle: String
        var hits: [(rule: String, span: String, detail: String)]
        var back: String
    }
}

extension HitChartPage.Model {
    init(
        outlet: Outlet, factor: String, from: MinuteStamp, to: MinuteStamp, window: ClosedRange<CivilDate>,
        scanned: OnlineMonitoring.Scanned
    ) {
        title = "\(outlet.name)：\(Factor.name(factor))"
        mn = outlet.mn
        let series = scanned.series.clipped(
            MinuteStamp(day: window.lowerBound, hour: 0)..<MinuteStamp(day: window.upperBound.adding(days: 1), hour: 0))
        self.series = series
        self.factor = factor
        limit = outlet.limits[factor]?.limit.limit
        hit = from..<to
        chartTitle = "\(outlet.name) \(Factor.name(factor)) \(from.text)–\(to.text)"
        hits = scanned.hits.filter { $0.factor == factor || ($0.factor.isEmpty && factor == Factor.flow) }
            .sorted { $0.from < $1.from }
            .map { ($0.rule.chinese, HitText.span($0), $0.detail) }
        back = SiteURL.sourcesOutlet(mn: outlet.mn, from: window.lowerBound, to: window.upperBound).path
    }
}
