import Campaign
import MarketSupervision
import Persistence
import Services
import Vapor

extension Application {
    private struct StandardsCacheKey: StorageKey {
        typealias Value = StandardsLibraryCache
    }

    /// The standards library in force, cached per `market` version; set once by `configure`.
    var standardsLibrary: StandardsLibraryCache {
        get { storage[StandardsCacheKey.self]! }
        set { storage[StandardsCacheKey.self] = newValue }
    }
}

extension Request {
    /// The market-supervision service on this request's database, with the standards library in force.
    func market() async throws -> Market {
        Market(db: db, library: try await application.standardsLibrary.library(on: db).library)
    }

    /// The market bureaus of the current plan, and what the signed-in user may do in market supervision.
    func marketAccess() async throws -> MarketAccess {
        let user = try await currentUser()
        let bureaus = MarketBureaus(units: try await currentPlan().plan.units)
        return MarketAccess(user: user, bureaus: bureaus)
    }
}

/// Who may do what in market supervision, checked on the server for every read and write: the market bureaus'
/// own accounts work (the city bureau anywhere, a county bureau in its county); the office and viewers read.
struct MarketAccess {
    let user: CurrentUser
    let bureaus: MarketBureaus

    var isBureau: Bool { bureaus.isBureau(user.unitCode) }
    var isCityBureau: Bool { user.unitCode == bureaus.city }
    var mayRead: Bool { isBureau || user.isOffice || user.role == .viewer }
    /// Records spot checks and carries cases.
    var mayRecord: Bool { isBureau && user.canWriteReports }
    /// Sets up sampling plans and imports the registry: the city bureau.
    var mayManage: Bool { isCityBureau && user.canWriteReports }

    func mayWork(in county: String) -> Bool { mayRecord && bureaus.mayWork(user.unitCode, in: county) }

    /// 403 unless the user may read market pages.
    func requireRead() throws {
        guard mayRead else { throw Abort(.forbidden, reason: "市场监管页面仅供市场监管部门、大气办和只读用户查看") }
    }

    func requireRecord() throws {
        guard mayRecord else { throw Abort(.forbidden, reason: "只有市场监管部门的填报员和负责人可以录入") }
    }

    func requireManage() throws {
        guard mayManage else { throw Abort(.forbidden, reason: "抽检计划和名录由市市场监管局维护") }
    }
}
