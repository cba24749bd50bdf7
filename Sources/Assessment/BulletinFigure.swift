/// One number a bulletin states, as written (`61.3 µg/m³`): `key` identifies it across versions so a frozen
/// bulletin can say which of its figures later corrections changed.
public struct BulletinFigure: Codable, Sendable, Equatable {
    public var key: String
    public var label: String
    /// The figure as printed, with its unit.
    public var text: String

    public init(key: String, label: String, text: String) {
        self.key = key
        self.label = label
        self.text = text
    }
}
