import Logging
import Persistence

/// Where notices go besides the unit's home page: e-mail or SMS. Each notice is handed over once (the store's
/// claim), whichever instance sends it.
public protocol NoticeGateway: Sendable {
    func send(_ notice: NoticeStore.Stored) async throws
}

/// The gateway for tests and for an office without e-mail: writes each notice to the log.
public struct LoggingNoticeGateway: NoticeGateway {
    public let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func send(_ notice: NoticeStore.Stored) async throws {
        logger.info("notice to \(notice.unit): \(notice.title)", metadata: ["kind": .string(notice.kind.rawValue)])
    }
}
