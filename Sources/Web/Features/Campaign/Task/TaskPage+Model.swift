import Campaign
import Foundation
import LantianCore
import Plot
import Services

/// What the page shows, built from the services' values without a request (page-model tests build it too).
extension TaskPage {
    struct Model {
        struct IndicatorLine {
            var indicator: Indicator
            var current: Double?
            var progress: Double?
            /// Whether the declared source is connected; if not, reports stand in for it.
            var sourceConnected: Bool
            /// How the page names where the value comes from (a ledger by its name, as of the view's day).
            var sourceText: String = ""
            /// The units' reported value where a connected source gave another: both are shown, the difference
            /// flagged.
            var reported: Double?

            /// The rows behind a connected ledger's value.
            func drillDown(task: String) -> String? {
                guard sourceConnected, case .ledger(let name, _) = indicator.source else { return nil }
                return SiteURL.ledgerRows(code: name, task: task, indicator: indicator.code).path
            }
        }

        struct Cell {
            var month: ReportMonth
            var state: ReportState?
            var late: Bool
            var due: Bool
            /// Where the report opens for this reader; nil where it would not (a draft of another unit).
            var link: String?
        }

        struct UnitLine {
            var unitName: String
            var role: String
            var cells: [Cell]
        }

        var task: PlanTask
        var status: TaskStatus
        var explanation: String
        var elapsed: Double
        var facts: [(String, String)]
        var indicators: [IndicatorLine]
        var months: [ReportMonth]
        var units: [UnitLine]
    }
}

extension TaskPage.Model {
    /// Task `code` of `snapshot` as `user` sees it: a report cell links only where the report would open for
    /// them (``ReportPolicy/readAccess(role:actorUnit:reportUnit:task:supervisor:)``). Nil when there is no such
    /// task.
    init?(snapshot: CampaignSnapshot, code: String, user: CurrentUser, isConnected: (Indicator.Source) -> Bool) {
        guard let task = snapshot.loaded.task(code: code), let assessment = snapshot.assessments[code] else {
            return nil
        }
        let progress = snapshot.progress(of: task)
        let reportedOnly = TaskProgress(task: task, reports: snapshot.facts[code] ?? [], measured: [:])
        let day = snapshot.asOf ?? snapshot.calendar.civilDate(of: snapshot.now)
        let row = TaskRow(task: task, assessment: assessment, progress: progress, status: assessment.status)
        let months = snapshot.calendar.reportMonths(until: snapshot.plan.end)
        let facts = snapshot.facts[code] ?? []
        var units: [UnitLine] = []
        for (role, codes) in [("牵头", task.lead), ("配合", task.cooperating), ("负责落实", task.responsible)] {
            for unit in codes {
                if let index = units.firstIndex(where: { $0.unitName == snapshot.unitName(unit) }) {
                    units[index].role += "、" + role
                    continue
                }
                units.append(
                    UnitLine(
                        unitName: snapshot.unitName(unit), role: role,
                        cells: months.map { month in
                            let report = facts.first { $0.unit == unit && $0.month == month }
                            let required = task.reportingUnits.contains(unit)
                            // A link only where the page would open: the unit's own reports, and others' once
                            // the office has had them (ReportPolicy.readAccess).
                            let opens =
                                switch user.readAccess(toReportsOf: unit, on: task, in: snapshot.loaded) {
                                case .everyVersion: true
                                case .asSubmitted: report?.state.isVisibleOutsideUnit == true
                                case .none: false
                                }
                            return Cell(
                                month: month, state: report?.state,
                                late: report?.submittedAt.map { snapshot.calendar.isLate(submittedAt: $0, for: month) }
                                    ?? false,
                                due: required && snapshot.calendar.lateFrom(month) <= snapshot.now
                                    && month <= ReportMonth(containing: task.deadline),
                                link: opens ? SiteURL.report(task: code, unit: unit, month: month).path : nil)
                        }))
            }
        }
        var factLines: [(String, String)] = [
            (
                "来源",
                task.origin.chinese
                    + (task.section.map { s in
                        snapshot.plan.sections.first { $0.number == s }.map { " \($0.numeral)\($0.title)" } ?? ""
                    } ?? "")
            ),
            ("类别", task.category),
            ("重点工作", task.keyWork ?? "—"),
            ("主要任务", task.mainTask ?? "—"),
            ("完成时限", "\(task.deadlineText)（\(task.deadline)）"),
            ("牵头单位", UI.unitNames(task.lead, snapshot)),
            ("配合单位", UI.unitNames(task.cooperating, snapshot)),
            ("负责落实", UI.unitNames(task.responsible, snapshot)),
        ]
        if !task.subjects.isEmpty { factLines.append(("涉及企业/点位", task.subjects.joined(separator: "、"))) }
        if let forwardedBy = task.forwardedBy {
            factLines.append(
                (
                    "转发文件",
                    forwardedBy + (snapshot.loaded.ids.supervisors[code].map { "（\(snapshot.unitName($0))）" } ?? "")
                ))
        }
        if let notes = task.notes { factLines.append(("说明", notes)) }
        self.init(
            task: task, status: assessment.status,
            explanation: (snapshot.asOf.map { "截至 \($0)：" } ?? "") + row.explanation(snapshot),
            elapsed: assessment.elapsedShare,
            facts: factLines,
            indicators: task.indicators.map { indicator in
                let connected = isConnected(indicator.source)
                let current = progress.indicatorValues[indicator.code]
                let measured = snapshot.measured[code]?[indicator.code]
                let typed = reportedOnly.indicatorValues[indicator.code]
                var name = indicator.source.chinese
                if case .ledger(let code, _) = indicator.source,
                    let type = Ledgers.shipped.first(where: { $0.code == code })
                {
                    name = "台账（\(type.name)）"
                }
                let text: String
                if !connected {
                    text = name + "（未接入，暂以单位报送为准）"
                } else if indicator.source != .report && measured == nil {
                    text = name + "（尚无数据，暂以单位报送为准）"
                } else if case .ledger = indicator.source {
                    text = String(name.dropLast()) + "，截至 \(day)）"
                } else {
                    text = name
                }
                return IndicatorLine(
                    indicator: indicator, current: current, progress: assessment.indicatorProgress[indicator.code],
                    sourceConnected: connected, sourceText: text,
                    reported: measured != nil && typed != nil && abs((typed ?? 0) - (measured ?? 0)) > 1e-9
                        ? typed : nil)
            }, months: months, units: units)
    }
}
