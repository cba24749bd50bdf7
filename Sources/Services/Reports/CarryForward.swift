import Campaign
import FluentKit
import Foundation
import LantianCore
import Persistence

/// 与上月相同: a unit's report for a month drafted from its report of the month before — values, completion
/// status and narrative (not evidence: files belong to the month they prove) — marked as carried forward until the
/// unit edits it, so that the office sees which figures were not written anew.
public struct CarryForward: Sendable {
    public let db: any Database

    public init(db: any Database) {
        self.db = db
    }

    /// This month's draft content carried from last month's report of `unit` on `task`. Refused when there is no
    /// report of last month the office has (a draft is not carried), when this month's report is not the unit's
    /// to edit, and when it was returned: a returned report answers its comment, it is not copied over.
    public func draft(
        task: PlanTask, unit: String, month: ReportMonth, in loaded: LoadedPlan
    ) async throws -> ReportStore.Content {
        guard let taskID = loaded.ids.tasks[task.code], let unitID = loaded.ids.units[unit] else {
            throw ServiceError.notFound("没有这份报告")
        }
        let store = ReportStore(database: db)
        if let current = try await store.find(taskID: taskID, unitID: unitID, month: month) {
            if current.reportState == .returned {
                throw ServiceError.conflict("本月报告已被退回，请按退回意见修改，不能沿用上月")
            }
            guard current.reportState.isEditable else {
                throw ServiceError.conflict("本月报告已提交，不能再沿用上月")
            }
        }
        let previous = month.previous
        guard let last = try await store.find(taskID: taskID, unitID: unitID, month: previous),
            last.reportState.isSubmitted
        else { throw ServiceError.conflict("\(previous.chinese)没有已报送的报告可沿用") }
        var values: [String: Double] = [:]
        for value in last.values {
            if let code = loaded.indicatorCode(id: value.$indicator.id) { values[code] = value.value }
        }
        return ReportStore.Content(
            reportedStatus: last.status, narrative: last.narrative, values: values, carriedFrom: previous)
    }
}
