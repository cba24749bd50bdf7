import Campaign
import Foundation
import LantianCore
import Plot
import Services

/// Small pieces shared by pages.
enum UI {
    static func statusBadge(_ status: TaskStatus) -> BodyNode {
        .span(.attr("class", "badge s-\(status.rawValue)"), .text(status.chinese))
    }

    static func stateBadge(_ state: ReportState) -> BodyNode {
        .span(.attr("class", "badge r-\(state.rawValue)"), .text(state.chinese))
    }

    /// `<option value=…>label</option>`, selected when `value == selected`.
    static func option<C>(_ value: String, _ label: String, selected: String?) -> Node<C> {
        var nodes: [Node<C>] = [.attr("value", value)]
        if value == (selected ?? "") { nodes.append(.attribute(named: "selected", value: "selected")) }
        nodes.append(.text(label))
        return .element(named: "option", nodes: nodes)
    }

    static func select<C>(_ name: String, _ options: [(String, String)], selected: String?, label: String) -> Node<C> {
        .element(
            named: "label",
            nodes: [
                .text(label),
                .element(
                    named: "select",
                    nodes: [.attr("name", name)]
                        + options.map { option($0.0, $0.1, selected: selected) }),
            ])
    }

    static func hidden<C>(_ name: String, _ value: String) -> Node<C> {
        .element(
            named: "input",
            nodes: [
                .attribute(named: "type", value: "hidden"), .attr("name", name),
                .attr("value", value),
            ])
    }

    /// 2021-11-05 23:59 in the plan's time zone.
    static func dateTime(_ date: Date?, in zone: TimeZone) -> String {
        guard let date else { return "—" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// A bar `share` full, drawn as SVG: the Content-Security-Policy allows no inline styles.
    static func progressBar(_ share: Double) -> BodyNode {
        let width = Int((min(1, max(0, share)) * 100).rounded())
        return .element(
            named: "svg",
            nodes: [
                .attr("class", "bar"), .attr("viewBox", "0 0 100 10"), .attr("preserveAspectRatio", "none"),
                .attr("role", "img"), .element(named: "title", text: NumberText.percent(share)),
                .element(
                    named: "rect",
                    nodes: [.attr("class", "fill"), .attr("width", String(width)), .attr("height", "10")]),
            ])
    }

    /// When `month`'s reports are due: the plan's due day of the next month, `2021-12-05 24:00`.
    static func reportDue(_ month: ReportMonth, _ snapshot: CampaignSnapshot) -> String {
        let next = month.next
        let day = CivilDate(year: next.year, month: next.month, day: snapshot.plan.reporting.dueDay)
        return (day?.description ?? next.description) + " " + snapshot.plan.reporting.dueTime
    }

    static func unitNames(_ codes: [String], _ snapshot: CampaignSnapshot) -> String {
        codes.isEmpty ? "—" : codes.map(snapshot.unitName).joined(separator: "、")
    }

    /// What `unit` is on `task`: 牵头、配合、负责落实.
    static func roles(of unit: String, on task: PlanTask) -> String {
        [
            task.lead.contains(unit) ? "牵头" : nil, task.cooperating.contains(unit) ? "配合" : nil,
            task.responsible.contains(unit) ? "负责落实" : nil,
        ].compactMap { $0 }.joined(separator: "、")
    }

    /// Why a report is not asked for (``ReportDemand``); nil when it is.
    static func demandNote(_ demand: ReportDemand) -> String? {
        switch demand {
        case .asked: nil
        case .optional: "配合单位，可不报"
        case .closed(let month): "已完成（\(month.chinese)报告已确认），无需再报"
        }
    }

    static func indicatorTarget(_ indicator: Indicator) -> String {
        "\(indicator.direction.symbol) \(NumberText.display(indicator.target)) \(indicator.unit)"
    }
}
