import Campaign
import FluentKit
import Foundation

/// A login account. Passwords are stored as Bcrypt hashes only (hashed and checked in Web: `UserRecord+Auth`).
public final class UserRecord: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "username") public var username: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "role") public var role: String
    @Parent(key: "unit_id") public var unit: UnitRecord
    @Field(key: "active") public var active: Bool
    /// Set for a one-time password: the user must choose their own before doing anything else.
    @Field(key: "must_change_password") public var mustChangePassword: Bool
    /// Carried by every session of the account; raising it ends them all (``endSessions()``).
    @Field(key: "session_epoch") public var sessionEpoch: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(
        id: UUID? = nil, username: String, displayName: String, passwordHash: String, role: Role, unitID: UUID
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role.rawValue
        self.$unit.id = unitID
        self.active = true
        self.mustChangePassword = false
        self.sessionEpoch = 0
    }

    /// Ends every session of the account, on every instance, from its next request on.
    public func endSessions() {
        sessionEpoch += 1
    }

    public var userRole: Role { Role(rawValue: role) ?? .viewer }
}
