/// A named list of units the plan refers to as one (各县（市、区）人民政府).
public struct UnitGroup: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    /// Unit codes.
    public var members: [String]

    public init(code: String, name: String, members: [String]) {
        self.code = code
        self.name = name
        self.members = members
    }
}
