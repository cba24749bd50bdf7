import LantianCore

/// A monthly dispatch bulletin (调度通报, seed §三(十一)): what the office tells the units about one month of the
/// campaign. The content is a list of sections written from the month's facts; a finalised bulletin is stored
/// whole, so what it said stays as it was after the data behind it is corrected.
public struct Bulletin: Codable, Sendable, Equatable {
    /// The month the bulletin reports on.
    public var month: ReportMonth
    /// The last day its figures count (the month's end, or today while the month runs).
    public var asOf: CivilDate
    /// 晋城市大气污染防治工作领导小组办公室 or the plan's issuing office.
    public var issuer: String
    /// 关于2022年1月全市大气污染防治攻坚工作情况的通报.
    public var title: String
    /// The document number and the date, once finalised.
    public var number: DocumentNumber?
    public var issuedOn: CivilDate?
    /// What the office writes: the opening before the figures and the requirements after them.
    public var paragraphs: BulletinParagraphs
    public var sections: [BulletinSection]

    public init(
        month: ReportMonth, asOf: CivilDate, issuer: String, title: String? = nil, number: DocumentNumber? = nil,
        issuedOn: CivilDate? = nil, paragraphs: BulletinParagraphs = BulletinParagraphs(),
        sections: [BulletinSection]
    ) {
        self.month = month
        self.asOf = asOf
        self.issuer = issuer
        self.title = title ?? "关于\(month.chinese)全市大气污染防治攻坚工作情况的通报"
        self.number = number
        self.issuedOn = issuedOn
        self.paragraphs = paragraphs
        self.sections = sections
    }

    /// The section with `key`, if the bulletin has one.
    public func section(_ key: String) -> BulletinSection? { sections.first { $0.key == key } }
}
