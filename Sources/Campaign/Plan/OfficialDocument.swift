import LantianCore

/// An official document (公文): the plan's issuing notice, or a notice that forwards it.
public struct OfficialDocument: Hashable, Sendable, Codable {
    /// 文号, e.g. 晋市气防〔2021〕5号.
    public var number: String
    /// 发文机关.
    public var issuer: String
    public var title: String?
    /// 印发日期, when the text gives it.
    public var date: CivilDate?
    public var disclosure: Disclosure
    /// 主送.
    public var recipients: String?

    public init(
        number: String, issuer: String, title: String? = nil, date: CivilDate? = nil,
        disclosure: Disclosure, recipients: String? = nil
    ) {
        self.number = number
        self.issuer = issuer
        self.title = title
        self.date = date
        self.disclosure = disclosure
        self.recipients = recipients
    }

    /// Whether the document may be published (此件主动公开 / 此件公开发布).
    public enum Disclosure: String, CaseIterable, Sendable, Codable {
        case `public`
        case `internal`
        case restricted

        public var chinese: String {
            switch self {
            case .public: "主动公开"
            case .internal: "内部"
            case .restricted: "依申请公开"
            }
        }
    }
}
