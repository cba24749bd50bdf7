/// Why a service refused: the application layer's errors, in the users' words. The web app maps each kind to
/// an HTTP status (`ServiceError+Abort`); the CLI prints the message.
public enum ServiceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The thing asked for does not exist (or the caller may not know that it does).
    case notFound(String)
    /// The caller may not do this.
    case forbidden(String)
    /// It would break a limit or clash with what is stored.
    case conflict(String)
    /// What was asked cannot be understood (a day that is not a date, a filter value that does not exist).
    case invalid(String)

    public var description: String {
        switch self {
        case .notFound(let message), .forbidden(let message), .conflict(let message), .invalid(let message):
            message
        }
    }
}
