import Assessment
import Campaign
import FluentKit
import LantianCore

/// What a bulletin's contributors read: the month, the day counted to, the campaign as it stood at the end of
/// that day, and the season's air figures.
public struct BulletinContext: Sendable {
    public var month: ReportMonth
    public var asOf: CivilDate
    public var snapshot: CampaignSnapshot
    public var figures: SeasonFigures
    public var db: any Database
}

/// One capability's part of the monthly bulletin. Each capability that has something to report (air quality,
/// tasks, reports, warnings, supervision, ledgers) contributes a section; a new capability adds its contributor
/// to ``Bulletins/shipped`` and the bulletin, its page, its .docx and its frozen copies carry it.
public protocol BulletinContributor: Sendable {
    /// The section for `context`'s month, or nil when the capability has nothing to say.
    func section(_ context: BulletinContext) async throws -> BulletinSection?
}
