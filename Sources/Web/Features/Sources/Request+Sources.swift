import Campaign
import Persistence
import Services
import Vapor

extension Request {
    /// Pollution-source monitoring on this request's database.
    func sources() -> OnlineMonitoring { OnlineMonitoring(db: db) }

    /// What the signed-in user may do in pollution-source monitoring.
    func sourcesAccess() async throws -> SourcesAccess {
        SourcesAccess(user: try await currentUser(), units: try await currentPlan().plan.units)
    }
}

/// Who may do what in pollution-source monitoring, checked on the server for every read and write. Everyone
/// signed in sees the key-polluter coverage and the outlet register (seed §(十三)'s figures); the monitoring data,
/// the inspectors' suspect list, checks and the enforcement list are for 市生态环境局 (which runs the monitoring
/// and the inspections) and the office only — a suspect list seen elsewhere would warn the suspects. 市生态环境局's
/// writers and the office list key polluters, keep outlets and limits, import data, record checks and publish.
struct SourcesAccess {
    let user: CurrentUser
    let ecologyBureau: String?

    init(user: CurrentUser, units: [OrgUnit]) {
        self.user = user
        ecologyBureau = units.first { $0.kind == .department && $0.name == "市生态环境局" }?.code
    }

    var mayInspect: Bool { user.isOffice || (ecologyBureau != nil && user.unitCode == ecologyBureau) }
    var mayKeep: Bool {
        user.isOffice || (ecologyBureau != nil && user.unitCode == ecologyBureau && user.canWriteReports)
    }

    func requireInspect() throws {
        guard mayInspect else {
            throw Abort(.forbidden, reason: "在线监测数据、可疑排放口和执法清单仅市生态环境局和大气办可见")
        }
    }

    func requireKeep() throws {
        guard mayKeep else { throw Abort(.forbidden, reason: "重点排污单位名录、排放口和在线监测数据由市生态环境局和大气办维护") }
    }
}
