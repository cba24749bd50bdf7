import Foundation
import LantianCore

/// Turns the plan's civil dates and its reporting rule into instants: when a month's report is due, when a
/// deadline day ends, which month's report is the latest one due.
///
/// All civil times are the plan's time zone (Asia/Shanghai). A deadline day is inclusive: a task due
/// 2021-12-31 is on time until 2022-01-01 00:00. A report due "5日 23:59" is on time until 00:00 on the 6th.
public struct ReportingCalendar: Sendable {
    public let timeZone: TimeZone
    public let rule: ReportingRule
    /// First and last day of the campaign period.
    public let periodStart: CivilDate
    public let periodEnd: CivilDate
    private let calendar: Calendar

    /// Fails when the time-zone name is not known to the system.
    public init?(timeZone name: String, rule: ReportingRule, periodStart: CivilDate, periodEnd: CivilDate) {
        guard let zone = TimeZone(identifier: name) else { return nil }
        self.timeZone = zone
        self.rule = rule
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
    }

    /// The calendar of `plan`; nil when its time zone is unknown (the plan reader rejects such a plan).
    public init?(plan: Plan) {
        self.init(timeZone: plan.timeZone, rule: plan.reporting, periodStart: plan.start, periodEnd: plan.end)
    }

    /// The instant a civil minute begins.
    public func instant(_ date: CivilDate, hour: Int = 0, minute: Int = 0) -> Date {
        let components = DateComponents(
            year: date.year, month: date.month, day: date.day, hour: hour, minute: minute)
        return calendar.date(from: components)!
    }

    /// 00:00 of `date`.
    public func startOfDay(_ date: CivilDate) -> Date { instant(date) }

    /// 00:00 of the day after `date`: the first instant past a deadline of `date`.
    public func endOfDay(_ date: CivilDate) -> Date { instant(date.adding(days: 1)) }

    /// The civil day an instant falls on.
    public func civilDate(of instant: Date) -> CivilDate {
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        return CivilDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// The first instant at which the report for `month` is late: the minute after the due time on the due day
    /// of the following month (2021-10 → 2021-11-06 00:00 for "5日 23:59").
    public func lateFrom(_ month: ReportMonth) -> Date {
        let next = month.next
        let dueDay = CivilDate(year: next.year, month: next.month, day: rule.dueDay)!
        return instant(dueDay, hour: rule.dueHour, minute: rule.dueMinute).addingTimeInterval(60)
    }

    /// Whether a report for `month` submitted at `submittedAt` is late.
    public func isLate(submittedAt: Date, for month: ReportMonth) -> Bool {
        submittedAt >= lateFrom(month)
    }

    /// The months a task due on `deadline` is reported for: every month of the period from its first month
    /// to the month of the deadline (or of the period's end, when earlier).
    public func reportMonths(until deadline: CivilDate) -> [ReportMonth] {
        let last = ReportMonth(containing: min(deadline, periodEnd))
        var month = ReportMonth(containing: periodStart)
        var months: [ReportMonth] = []
        while month <= last {
            months.append(month)
            month = month.next
        }
        return months
    }

    /// The latest month, among a task's report months, whose report was due before `asOf`; nil before the
    /// first report is due.
    public func latestDueMonth(asOf: Date, until deadline: CivilDate) -> ReportMonth? {
        reportMonths(until: deadline).last { lateFrom($0) <= asOf }
    }

    /// The month whose report a unit would normally be writing at `asOf`: the latest month that has ended.
    public func currentReportMonth(asOf: Date) -> ReportMonth {
        let today = civilDate(of: asOf)
        let thisMonth = ReportMonth(containing: today)
        let previous =
            thisMonth.month == 1
            ? ReportMonth(year: thisMonth.year - 1, month: 12)!
            : ReportMonth(year: thisMonth.year, month: thisMonth.month - 1)!
        let first = ReportMonth(containing: periodStart)
        let last = ReportMonth(containing: periodEnd)
        return min(max(previous, first), last)
    }

    /// Share (0…1) of the time from the start of the period to the end of `deadline` that has passed at `asOf`.
    public func elapsedShare(asOf: Date, until deadline: CivilDate) -> Double {
        let start = startOfDay(periodStart)
        let end = endOfDay(deadline)
        let total = end.timeIntervalSince(start)
        guard total > 0 else { return 1 }
        return min(1, max(0, asOf.timeIntervalSince(start) / total))
    }
}
