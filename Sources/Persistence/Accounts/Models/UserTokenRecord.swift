import FluentKit
import Foundation

/// An API token. Only the token's SHA-256 digest is stored (`UserTokenRecord.digest(of:)` in Web); the token itself
/// is shown once, when created.
public final class UserTokenRecord: Model, @unchecked Sendable {
    public static let schema = "user_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "digest") public var digest: String
    @Field(key: "name") public var name: String
    @Parent(key: "user_id") public var user: UserRecord
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "expires_at") public var expiresAt: Date?

    public init() {}

    public init(digest: String, name: String, userID: UUID, expiresAt: Date?) {
        self.digest = digest
        self.name = name
        self.$user.id = userID
        self.expiresAt = expiresAt
    }
}
