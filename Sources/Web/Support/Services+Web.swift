import Fluent
import Persistence
import Services
import Vapor

extension PasswordHashing {
    /// Vapor's bcrypt, cost 12: what every account's password is stored with.
    public static let bcrypt = PasswordHashing(
        hash: { try Bcrypt.hash($0) }, verify: { try Bcrypt.verify($0, created: $1) })
}

extension ServiceError: AbortError {
    public var status: HTTPResponseStatus {
        switch self {
        case .notFound: .notFound
        case .forbidden: .forbidden
        case .conflict: .conflict
        case .invalid: .badRequest
        }
    }

    public var reason: String { description }
}

extension APITokens {
    /// The services' tokens, digested as the web app stores them.
    public init(db: any Database) {
        self.init(db: db, digest: UserTokenRecord.digest(of:))
    }
}

extension UserAccounts {
    /// The accounts service with bcrypt.
    public init(db: any Database) {
        self.init(db: db, hasher: .bcrypt)
    }
}
