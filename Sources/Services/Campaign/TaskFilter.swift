import Campaign
import Foundation
import LantianCore

/// The filters of the task list: lead unit, county, status, deadline window, category and origin.
public struct TaskFilter: Equatable, Codable, Sendable {
    public var lead: String?
    public var county: String?
    public var unit: String?
    public var status: String?
    /// Deadline on or before this day (`YYYY-MM-DD`).
    public var due: String?
    public var category: String?
    public var origin: String?
    public var q: String?
    /// View the campaign as it stood at the end of this day (`YYYY-MM-DD`).
    public var asOf: String?

    public init(
        lead: String? = nil, county: String? = nil, unit: String? = nil, status: String? = nil, due: String? = nil,
        category: String? = nil, origin: String? = nil, q: String? = nil, asOf: String? = nil
    ) {
        self.lead = lead
        self.county = county
        self.unit = unit
        self.status = status
        self.due = due
        self.category = category
        self.origin = origin
        self.q = q
        self.asOf = asOf
    }

    public var query: String {
        let pairs: [(String, String?)] = [
            ("lead", lead), ("county", county), ("unit", unit), ("status", status), ("due", due),
            ("category", category), ("origin", origin), ("q", q), ("asOf", asOf),
        ]
        let items = pairs.compactMap { key, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return key + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }

    /// Why the filter cannot be applied — a status, origin or deadline that does not exist — or nil. An empty
    /// value means "no filter". The API refuses such a filter (400); the page shows what it matched.
    public var problem: String? {
        if let status, !status.isEmpty, TaskStatus(rawValue: status) == nil {
            return "status 应为 \(TaskStatus.allCases.map(\.rawValue).joined(separator: "、")) 之一"
        }
        if let origin, !origin.isEmpty, PlanTask.Origin(rawValue: origin) == nil {
            return "origin 应为 \(PlanTask.Origin.allCases.map(\.rawValue).joined(separator: "、")) 之一"
        }
        if let due, !due.isEmpty, CivilDate(due) == nil { return "due 应为 YYYY-MM-DD" }
        return nil
    }

    /// Whether `task`, assessed as `assessment`, passes every filter that is set.
    public func matches(_ task: PlanTask, _ assessment: TaskAssessment) -> Bool {
        if let lead, !lead.isEmpty, !task.lead.contains(lead) { return false }
        if let county, !county.isEmpty, !(task.responsible + task.lead).contains(county) { return false }
        if let unit, !unit.isEmpty, !ReportPolicy.canReport(unit: unit, on: task) { return false }
        if let status, !status.isEmpty {
            let viewpoint = county.flatMap { $0.isEmpty ? nil : $0 } ?? unit.flatMap { $0.isEmpty ? nil : $0 }
            let shown = viewpoint.map { assessment.status(for: $0) } ?? assessment.status
            if shown.rawValue != status { return false }
        }
        if let due, let date = CivilDate(due), task.deadline > date { return false }
        if let category, !category.isEmpty, task.category != category { return false }
        if let origin, !origin.isEmpty, task.origin.rawValue != origin { return false }
        if let q, !q.isEmpty {
            let text = [task.code, task.category, task.keyWork ?? "", task.mainTask ?? "", task.measures]
                .joined(separator: " ")
            if !text.localizedCaseInsensitiveContains(q) { return false }
        }
        return true
    }
}
