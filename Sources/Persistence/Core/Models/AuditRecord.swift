import FluentKit
import Foundation

/// One entry of the audit log (操作日志): who changed what, when, with the state before and after.
public final class AuditRecord: Model, @unchecked Sendable {
    public static let schema = "audit_log"

    @ID(key: .id) public var id: UUID?
    @Field(key: "at") public var at: Date
    @OptionalField(key: "user_id") public var userID: UUID?
    @Field(key: "username") public var username: String
    @Field(key: "action") public var action: String
    @Field(key: "entity") public var entity: String
    @OptionalField(key: "entity_id") public var entityID: String?
    @OptionalField(key: "before") public var before: String?
    @OptionalField(key: "after") public var after: String?

    public init() {}

    public init(
        at: Date, userID: UUID?, username: String, action: String, entity: String, entityID: String?,
        before: String?, after: String?
    ) {
        self.at = at
        self.userID = userID
        self.username = username
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.before = before
        self.after = after
    }
}
