import Foundation
import LantianCore
import Persistence
import Services
import SourceMonitoring

/// What an outlet's page shows: the device and its limits with their standards, each factor's valid days (HJ
/// 75/76: a day needs 20 valid hours), the hits of the days asked for with their charts, the on-site checks, the
/// last corrections, and the form for a check.
extension OutletPage {
    struct Model {
        struct Limit {
            var factor: String
            var limit: String
            var o2: String
            var standard: String
        }

        struct Hit {
            var rule: String
            var factor: String
            var span: String
            var detail: String
            var chart: String
        }

        struct Check {
            var when: String
            var result: String
            var note: String
            var agency: String
            var by: String
            var files: [(name: String, path: String)]
        }

        var mn: String
        var title: String
        var factors: String
        var networked: String
        var limits: [Limit]
        var from: String
        var to: String
        var validDays: [(factor: String, text: String)]
        var hits: [Hit]
        var checks: [Check]
        var corrections: [String]
        var mayKeep: Bool
        var errors: [String]
        var maxMegabytes: Int
    }
}

extension OutletPage.Model {
    init(
        outlet: Outlet, enterprise: String, from: CivilDate, to: CivilDate, scanned: OnlineMonitoring.Scanned,
        checks: [SourceStore.Check], corrections: [SourceStore.StoredCorrection], mayKeep: Bool, errors: [String],
        maxMegabytes: Int
    ) {
        mn = outlet.mn
        title = "\(enterprise) \(outlet.name)"
        factors = outlet.factors.map { "\(Factor.name($0))（\($0)）" }.joined(separator: "、")
        networked =
            outlet.networked
            ? "已联网" + (outlet.networkedOn.map { "（\($0) 起）" } ?? "") : outlet.installed ? "已安装，未联网" : "未安装"
        limits = outlet.limits.keys.sorted().map { factor in
            let rule = outlet.limits[factor]!
            return Limit(
                factor: Factor.name(factor), limit: NumberText.csv(rule.limit.limit),
                o2: rule.limit.o2Reference.map { NumberText.csv($0) + "%" } ?? "不折算", standard: rule.standard)
        }
        self.from = from.description
        self.to = to.description
        let days = scanned.series.clipped(
            MinuteStamp(day: from, hour: 0)..<MinuteStamp(day: to.adding(days: 1), hour: 0))
        validDays = outlet.factors.map { factor in
            let counted = days.validDays(factor)
            return (Factor.name(factor), "\(counted.valid) / \(to.dayNumber - from.dayNumber + 1) 天")
        }
        hits = scanned.hits.sorted { ($0.from, $0.factor) < ($1.from, $1.factor) }.map { hit in
            Hit(
                rule: hit.rule.chinese, factor: hit.factor.isEmpty ? "整条记录" : Factor.name(hit.factor),
                span: HitText.span(hit), detail: hit.detail,
                chart: SiteURL.sourcesChart(
                    mn: hit.mn, factor: hit.factor.isEmpty ? Factor.flow : hit.factor, from: hit.from.text,
                    to: hit.to.text
                ).path)
        }
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        self.checks = checks.map { check in
            Check(
                when: check.checkedAt.text.replacingOccurrences(of: "T", with: " "), result: check.result.chinese,
                note: check.note,
                agency: [check.agency, check.persons].filter { !$0.isEmpty }.joined(separator: "；"),
                by: "\(check.recordedBy)，\(UI.dateTime(check.recordedAt, in: zone))",
                files: check.files.map { ($0.fileName, SiteURL.sourcesCheckFile(id: check.id, file: $0.id).path) })
        }
        self.corrections = corrections.map { c in
            "\(MinuteStamp(value: c.hour).text.replacingOccurrences(of: "T", with: " ")) \(Factor.name(c.factor))：\(c.before) → \(c.after)"
        }
        self.mayKeep = mayKeep
        self.errors = errors
        self.maxMegabytes = maxMegabytes
    }
}
