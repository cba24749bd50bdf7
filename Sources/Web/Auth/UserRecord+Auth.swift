import Crypto
import Foundation
import Persistence
import Services
import Vapor

/// The web side of accounts: signing in (`req.auth.login`) and checking passwords with Vapor's bcrypt.
/// Persistence stores the hash and knows nothing of either.
extension UserRecord: Authenticatable {
    /// Whether `password` is the account's (bcrypt; only the first 72 bytes count, which `Passwords` enforces).
    func verify(password: String) throws -> Bool {
        try Bcrypt.verify(password, created: passwordHash)
    }
}

extension UserTokenRecord {
    /// Hex SHA-256 of a token: what is stored and looked up.
    static func digest(of token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
