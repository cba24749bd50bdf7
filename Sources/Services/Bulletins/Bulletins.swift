import Assessment
import Campaign
import FluentKit
import Foundation
import LantianCore
import Persistence

/// The monthly dispatch bulletin (调度通报) as the office's page and `lantian bulletin` both use it: composed
/// from the capabilities' facts as of the month's end, edited as a draft (the office's paragraphs), finalised
/// with a document number and date — after which it is frozen, and compared with the data as corrected since.
public struct Bulletins: Sendable {
    /// The contributors that ship, in the order their sections appear.
    public static let shipped: [any BulletinContributor] = [
        AirQualityContributor(), TaskProgressContributor(), ReportingContributor(), WarningsContributor(),
        SupervisionContributor(), MeasurementsContributor(),
    ]

    public let campaigns: Campaigns
    public let contributors: [any BulletinContributor]

    public init(campaigns: Campaigns, contributors: [any BulletinContributor] = Bulletins.shipped) {
        self.campaigns = campaigns
        self.contributors = contributors
    }

    public var store: BulletinStore { BulletinStore(database: campaigns.db) }

    /// A month's bulletin as a reader sees it: the stored draft or final copy, the content shown (the frozen
    /// one once final), and — for a final one — what later corrections changed.
    public struct View: Sendable {
        public var stored: BulletinStore.Stored?
        public var bulletin: Bulletin
        public var changes: [BulletinChange]

        public var isFinal: Bool { stored?.state == .final }
        /// The version an edit or finalisation starts from (0 before the first save).
        public var version: Int { stored?.version ?? 0 }
    }

    /// The months of the plan's period that have begun by `now`, the latest first.
    public func months(now: Date) async throws -> [ReportMonth] {
        let plan = try await campaigns.currentPlan().plan
        guard let calendar = ReportingCalendar(plan: plan) else { return [] }
        let today = calendar.civilDate(of: now)
        var months: [ReportMonth] = []
        var month = ReportMonth(containing: plan.start)
        let last = ReportMonth(containing: min(plan.end, today))
        while month <= last {
            months.append(month)
            month = month.next
        }
        return months.reversed()
    }

    /// `month`'s bulletin: frozen when final (with the changes since), else composed now with the draft's
    /// paragraphs. A month outside the plan's period, or not begun, is `notFound`.
    public func view(_ month: ReportMonth, now: Date) async throws -> View {
        guard try await months(now: now).contains(month) else {
            throw ServiceError.notFound("\(month.chinese)不在攻坚期内或尚未开始")
        }
        let stored = try await store.bulletin(month)
        let current = try await compose(month, now: now, paragraphs: stored?.paragraphs ?? BulletinParagraphs())
        guard let stored, stored.state == .final, let frozen = stored.content else {
            return View(stored: stored, bulletin: current, changes: [])
        }
        return View(stored: stored, bulletin: frozen, changes: frozen.changes(comparedWith: current))
    }

    /// The bulletin written now from the data in the database, as of the end of `month` (or of today while the
    /// month runs).
    public func compose(_ month: ReportMonth, now: Date, paragraphs: BulletinParagraphs = BulletinParagraphs())
        async throws -> Bulletin
    {
        let loaded = try await campaigns.currentPlan()
        let plan = loaded.plan
        guard let calendar = ReportingCalendar(plan: plan) else {
            throw ServiceError.invalid("方案的时区无效")
        }
        let today = calendar.civilDate(of: now)
        let asOf = min(month.lastDay, today, plan.end)
        let snapshot = try await campaigns.snapshot(now: now, asOf: asOf.description)
        let figures = try await campaigns.seasonFigures(plan: plan, asOf: asOf, versions: snapshot.versions)
        let context = BulletinContext(
            month: month, asOf: asOf, snapshot: snapshot, figures: figures, db: campaigns.db)
        var sections: [BulletinSection] = []
        for contributor in contributors {
            if let section = try await contributor.section(context) { sections.append(section) }
        }
        return Bulletin(
            month: month, asOf: asOf, issuer: Self.issuer(plan), paragraphs: paragraphs, sections: sections)
    }

    /// Saves the draft's paragraphs; each at most ``BulletinParagraphs/maxLength`` characters.
    public func saveDraft(
        _ month: ReportMonth, paragraphs: BulletinParagraphs, version: Int, actor: AuditLog.Actor, now: Date
    ) async throws {
        _ = try await view(month, now: now)
        for text in [paragraphs.opening, paragraphs.requirements] where text.count > BulletinParagraphs.maxLength {
            throw ServiceError.invalid("每段文字不超过 \(BulletinParagraphs.maxLength) 字")
        }
        do {
            _ = try await store.saveDraft(month, paragraphs: paragraphs, version: version, actor: actor, at: now)
        } catch let conflict as BulletinStore.Conflict {
            throw ServiceError.conflict(conflict.description)
        }
    }

    /// Finalises the month's bulletin with the document number and date as typed: the content composed now,
    /// with the draft's paragraphs, is what the bulletin says from then on.
    public func finalise(
        _ month: ReportMonth, number text: String, issuedOn dayText: String, version: Int, actor: AuditLog.Actor,
        now: Date
    ) async throws -> Bulletin {
        let view = try await view(month, now: now)
        guard !view.isFinal else { throw ServiceError.conflict("\(month.chinese)通报已定稿") }
        if let problem = DocumentNumber.problem(text) { throw ServiceError.invalid(problem) }
        guard let number = DocumentNumber(text) else { throw ServiceError.invalid("发文字号无效") }
        guard let issuedOn = CivilDate(dayText.trimmingCharacters(in: .whitespaces)) else {
            throw ServiceError.invalid("印发日期应为 YYYY-MM-DD")
        }
        guard issuedOn >= month.firstDay else {
            throw ServiceError.invalid("印发日期不能早于通报月份（\(month.chinese)）")
        }
        var bulletin = view.bulletin
        bulletin.number = number
        bulletin.issuedOn = issuedOn
        do {
            try await store.finalise(bulletin, version: version, actor: actor, at: now)
        } catch let conflict as BulletinStore.Conflict {
            throw ServiceError.conflict(conflict.description)
        }
        return bulletin
    }

    /// Marks a finalised bulletin public, or takes it off the public pages.
    public func setPublic(_ month: ReportMonth, _ isPublic: Bool, actor: AuditLog.Actor, now: Date) async throws {
        do {
            try await store.setPublic(month, isPublic, actor: actor, at: now)
        } catch let conflict as BulletinStore.Conflict {
            throw ServiceError.conflict(conflict.description)
        }
    }

    /// The issuing office: the plan's issuer's office (晋城市大气污染防治工作领导组办公室).
    static func issuer(_ plan: Plan) -> String {
        let issuer = plan.document.issuer
        return issuer.hasSuffix("办公室") ? issuer : issuer + "办公室"
    }

    /// The issuer code a document number suggests: the plan's own number's code with 办 (晋市气防〔2021〕5号 →
    /// 晋市气防办).
    public static func suggestedNumber(_ plan: Plan, month: ReportMonth, serial: Int) -> String {
        let code = DocumentNumber(plan.document.number)?.issuerCode ?? "气防办"
        return DocumentNumber(
            issuerCode: code.hasSuffix("办") ? code : code + "办", year: month.next.year, serial: serial
        ).description
    }
}
