/// How passwords become stored hashes and are checked against them. The services do not pick the algorithm:
/// the web app hands in bcrypt (`PasswordHashing.bcrypt`). (Not `PasswordHasher`: Vapor has a protocol of that
/// name.)
public struct PasswordHashing: Sendable {
    public var hash: @Sendable (String) throws -> String
    public var verify: @Sendable (_ password: String, _ hash: String) throws -> Bool

    public init(
        hash: @escaping @Sendable (String) throws -> String,
        verify: @escaping @Sendable (_ password: String, _ hash: String) throws -> Bool
    ) {
        self.hash = hash
        self.verify = verify
    }
}
