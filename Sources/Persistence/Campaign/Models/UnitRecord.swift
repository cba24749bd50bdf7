import Campaign
import FluentKit
import Foundation

/// A stored ``OrgUnit`` (单位).
public final class UnitRecord: Model, @unchecked Sendable {
    public static let schema = "units"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: String
    @OptionalParent(key: "parent_id") public var parent: UnitRecord?
    /// Other spellings, separated by "|".
    @Field(key: "aliases") public var aliases: String

    public init() {}

    public init(id: UUID? = nil, unit: OrgUnit, parentID: UUID?) {
        self.id = id
        self.code = unit.code
        self.name = unit.name
        self.kind = unit.kind.rawValue
        self.$parent.id = parentID
        self.aliases = unit.aliases.joined(separator: "|")
    }

    public var unitKind: OrgUnit.Kind { OrgUnit.Kind(rawValue: kind) ?? .department }
    public var aliasList: [String] { aliases.split(separator: "|").map(String.init) }
}
