/// A figure or table cell a finalised bulletin printed that the data, as corrected since, no longer gives.
public struct BulletinChange: Sendable, Equatable {
    /// Where: `空气质量情况 · 1月城市PM2.5平均浓度` or `任务进展 · 牵头单位 · 市生态环境局 · 滞后`.
    public var place: String
    /// As printed, and as the data gives it now (empty when the row is gone or new).
    public var printed: String
    public var now: String

    public init(place: String, printed: String, now: String) {
        self.place = place
        self.printed = printed
        self.now = now
    }
}
