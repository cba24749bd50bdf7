import FluentKit
import Foundation

/// One failed sign-in: the username tried (known or not), the client's address, when.
public final class LoginFailureRecord: Model, @unchecked Sendable {
    public static let schema = "login_failures"

    @ID(key: .id) public var id: UUID?
    @Field(key: "username") public var username: String
    @Field(key: "address") public var address: String
    @Field(key: "at") public var at: Date

    public init() {}

    public init(username: String, address: String, at: Date) {
        self.username = username
        self.address = address
        self.at = at
    }
}
