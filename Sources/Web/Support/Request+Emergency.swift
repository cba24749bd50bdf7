import Campaign
import Persistence
import Services
import Vapor

extension Request {
    /// The heavy-pollution response on this request's database.
    func emergency() -> EmergencyResponse { EmergencyResponse(db: db) }

    /// What the signed-in user may do in the heavy-pollution response.
    func emergencyAccess() async throws -> EmergencyAccess {
        EmergencyAccess(user: try await currentUser(), units: try await currentPlan().plan.units)
    }
}

/// Who may do what in the heavy-pollution response, checked on the server for every read and write. Everyone
/// signed in reads (every unit carries out a warning); 市生态环境局 (which runs the monitoring centre and the
/// emergency registry) and the office keep the registry and enter forecasts; the office and 市重污染天气应急指挥部
/// issue, adjust and lift warnings; the office chooses the rule edition.
struct EmergencyAccess {
    let user: CurrentUser
    let ecologyBureau: String?
    let command: String?

    init(user: CurrentUser, units: [OrgUnit]) {
        self.user = user
        ecologyBureau = units.first { $0.kind == .department && $0.name == "市生态环境局" }?.code
        command = units.first { $0.name == "市重污染天气应急指挥部" }?.code
    }

    private func isOwnWriter(_ unit: String?) -> Bool { unit != nil && user.unitCode == unit && user.canWriteReports }

    var mayKeepRegistry: Bool { user.isOffice || isOwnWriter(ecologyBureau) }
    var mayForecast: Bool { mayKeepRegistry }
    var mayIssue: Bool { user.isOffice || isOwnWriter(command) }
    var mayChooseRules: Bool { user.isOffice }

    func requireRegistry() throws {
        guard mayKeepRegistry else { throw Abort(.forbidden, reason: "企业名录和排放总量由市生态环境局和大气办维护") }
    }

    func requireForecast() throws {
        guard mayForecast else { throw Abort(.forbidden, reason: "预报由市生态环境局（监测中心）和大气办录入") }
    }

    func requireIssue() throws {
        guard mayIssue else { throw Abort(.forbidden, reason: "预警由大气办或市重污染天气应急指挥部发布、调整和解除") }
    }

    func requireRules() throws {
        guard mayChooseRules else { throw Abort(.forbidden, reason: "预警分级标准由大气办选择") }
    }
}
