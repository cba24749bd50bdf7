import Foundation
import LantianCore
import Persistence

/// Where a notice takes its reader: the report returned, the unit's tasks, the warning, the case.
enum NoticeLink {
    static func url(_ notice: NoticeStore.Stored) -> SiteURL {
        switch notice.kind {
        case .reportDue: return .myTasks
        case .reportReturned:
            let parts = notice.subject.split(separator: "|").map(String.init)
            guard parts.count == 3, let month = ReportMonth(parts[2]) else { return .myTasks }
            return .report(task: parts[0], unit: parts[1], month: month)
        case .warning: return .publicWarning
        case .caseDeadline: return UUID(uuidString: notice.subject).map { .marketCase(id: $0) } ?? .home
        }
    }
}
