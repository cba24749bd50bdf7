import Campaign
import Foundation
import LantianCore
import MarketSupervision
import Persistence

/// The notices that come from the calendar rather than from an event: a monthly report due within
/// `daysAhead` days and not yet sent, a case whose deadline is that near. ``sweep(now:daysAhead:gateway:)`` adds
/// them (a notice a unit already has is not added again) and hands every unsent notice to the gateway.
public struct Notices: Sendable {
    public let campaigns: Campaigns

    public init(campaigns: Campaigns) {
        self.campaigns = campaigns
    }

    public struct Outcome: Sendable, Equatable {
        public var added: Int
        public var sent: Int

        public init(added: Int, sent: Int) {
            self.added = added
            self.sent = sent
        }
    }

    public func sweep(now: Date, daysAhead: Int, gateway: (any NoticeGateway)?) async throws -> Outcome {
        let store = NoticeStore(database: campaigns.db)
        let added = try await store.add(try await dueNotices(now: now, daysAhead: daysAhead), at: now)
        var sent = 0
        if let gateway {
            for notice in try await store.unsent() where try await store.claim(notice.id, at: now) {
                try await gateway.send(notice)
                sent += 1
            }
        }
        return Outcome(added: added, sent: sent)
    }

    /// The reminders and case deadlines due at `now`.
    func dueNotices(now: Date, daysAhead: Int) async throws -> [NoticeStore.New] {
        let snapshot = try await campaigns.snapshot(now: now)
        let plan = snapshot.plan
        let calendar = snapshot.calendar
        let today = calendar.civilDate(of: now)
        var notices: [NoticeStore.New] = []
        // The report month whose deadline comes next, and the day it falls on.
        let month = calendar.currentReportMonth(asOf: now)
        let deadline = calendar.civilDate(of: calendar.lateFrom(month).addingTimeInterval(-1))
        let daysLeft = deadline.dayNumber - today.dayNumber
        if daysLeft >= 0, daysLeft <= daysAhead, month.firstDay <= plan.end {
            var missing: [String: [String]] = [:]
            for task in plan.tasks {
                let progress = snapshot.progress(of: task)
                for unit in task.reportingUnits
                where ReportDemand(unit: unit, task: task, month: month, progress: progress).isAsked
                    && progress.submittedMonths[unit]?.contains(month) != true
                {
                    missing[unit, default: []].append(task.code)
                }
            }
            for (unit, tasks) in missing {
                notices.append(
                    NoticeStore.New(
                        unit: unit, kind: .reportDue, key: "due|\(month)", subject: month.description,
                        title: "\(month.chinese)进展须于 \(deadline.chineseDay)前报送（还有 \(tasks.count) 项未报）",
                        body: "未报送的任务：" + tasks.joined(separator: "、")))
            }
        }
        for file in try await MarketStore(database: campaigns.db).cases() where file.closedOn == nil {
            guard let deadline = file.deadline else { continue }
            let left = deadline.dayNumber - today.dayNumber
            guard left >= 0, left <= daysAhead else { continue }
            notices.append(
                NoticeStore.New(
                    unit: file.unit, kind: .caseDeadline, key: "case|\(file.id)|\(deadline)",
                    subject: file.id.uuidString,
                    title: "案件“\(file.title)”\(file.stage.chinese)期限 \(deadline.chineseDay)（还有 \(left) 天）",
                    body: "请在期限内办结并上传文书。"))
        }
        return notices
    }
}
