import Foundation
import Services
import Vapor

/// Sweeps for due notices (``Notices``) once a minute after start and then every ten minutes while the server
/// runs, and hands the unsent ones to the configured gateway. Several instances may sweep: a notice is added once
/// per unit and key and sent by whichever instance claims it first.
struct NoticeSweeper: LifecycleHandler {
    static let interval: Duration = .seconds(600)

    final class Running: @unchecked Sendable {
        var task: Task<Void, Never>?
    }

    let running = Running()

    func didBootAsync(_ app: Application) async throws {
        let configuration = app.lantian
        let gateway = app.noticeGateway
        let caches = app.campaignCaches
        let sources = app.indicatorSources
        let db = app.db
        let logger = app.logger
        running.task = Task {
            try? await Task.sleep(for: .seconds(60))
            while !Task.isCancelled {
                do {
                    let outcome = try await Notices(campaigns: Campaigns(db: db, caches: caches, sources: sources))
                        .sweep(now: configuration.now(), daysAhead: configuration.remindDaysAhead, gateway: gateway)
                    if outcome.added + outcome.sent > 0 {
                        logger.info("notices: \(outcome.added) added, \(outcome.sent) sent")
                    }
                } catch {
                    logger.report(error: error)
                }
                try? await Task.sleep(for: Self.interval)
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        running.task?.cancel()
    }
}

extension Application {
    /// The gateway notices go out through (`LANTIAN_NOTICE_GATEWAY`), nil for none.
    var noticeGateway: (any NoticeGateway)? {
        switch lantian.noticeGateway {
        case .log: LoggingNoticeGateway(logger: logger)
        case .none: nil
        }
    }
}
