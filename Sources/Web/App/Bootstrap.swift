import AirQuality
import Campaign
import Fluent
import Persistence
import Seed
import Services
import Vapor

/// What a first start created that a person must be told once.
public struct FirstStart: Sendable {
    public var username: String
    public var oneTimePassword: String
}

/// First-start set-up: the Jincheng plan when no plan is stored, and the office administrator when there is no
/// user. Nothing ships with a default password: the administrator's is random and must be changed at first login.
struct Bootstrap {
    let app: Application

    func run() async throws -> FirstStart? {
        let db = app.db
        let now = app.lantian.now()
        if app.lantian.seedJincheng, try await PlanRecord.query(on: db).count() == 0 {
            let plan = try PlanFile.read(try SeedPlans.jincheng20212022)
            try await db.writeTransaction { tx in
                let record = try await PlanStore(database: tx).importPlan(plan, by: "system")
                try await AuditLog.record(
                    on: tx, actor: .system, action: "plan.import", entity: "plan", entityID: plan.code,
                    before: Nothing?.none,
                    after: ["code": plan.code, "tasks": String(plan.tasks.count), "id": record.id?.uuidString ?? ""],
                    at: now)
            }
            app.logger.notice("Loaded the plan \(plan.code) (\(plan.tasks.count) tasks)")
        }
        if app.lantian.seedJincheng, try await AirQualityStore(database: db).stations().isEmpty {
            try await seedJinchengAirData(on: db)
        }
        guard try await UserRecord.query(on: db).count() == 0 else { return nil }
        let office = try await officeUnit(on: db)
        let password = Passwords.random()
        let admin = UserRecord(
            username: "admin", displayName: "大气办管理员", passwordHash: try PasswordHashing.bcrypt.hash(password),
            role: .officeAdmin,
            unitID: try office.requireID())
        admin.mustChangePassword = true
        try await db.writeTransaction { tx in
            try await admin.create(on: tx)
            try await AuditLog.record(
                on: tx, actor: .system, action: "user.create", entity: "user", entityID: "admin",
                before: Nothing?.none, after: ["username": "admin", "role": Role.officeAdmin.rawValue], at: now)
        }
        return FirstStart(username: "admin", oneTimePassword: password)
    }

    /// Jincheng's station registry and its real Jan–Mar 2022 daily rows, so that a first look at 空气质量 shows
    /// real figures. Each 00:00 row closes the previous day (its `*_24h` means and ozone maxima).
    private func seedJinchengAirData(on db: any Database) async throws {
        let (stations, stationIssues) = Station.registry(try SeedAirData.jinchengStations)
        guard stationIssues.isEmpty else {
            throw Abort(.internalServerError, reason: "bundled station registry unreadable: \(stationIssues)")
        }
        try await AirQualityStore(database: db).upsertStations(stations)
        let summary = try await HourlyImport(database: db).run(
            options: .init(format: .cnemc(.swappedArchive), source: "cnemc-t00-archive", actor: .system),
            at: app.lantian.now(),
            bytes: Array(try SeedAirData.jinchengT00Rows2022.utf8))
        guard summary.badLines == 0 else {
            throw Abort(.internalServerError, reason: "bundled air data unreadable: \(summary.issues)")
        }
        app.logger.notice(
            "Loaded \(stations.count) stations, \(summary.stationHours) station-hours and \(summary.stationDays) days of Jincheng air data"
        )
    }

    /// The air office's unit, created when no plan brought one.
    private func officeUnit(on db: any Database) async throws -> UnitRecord {
        if let office = try await UnitRecord.query(on: db).filter(\.$kind == OrgUnit.Kind.office.rawValue).first() {
            return office
        }
        let office = UnitRecord(unit: OrgUnit(code: "office", name: "市大气办", kind: .office), parentID: nil)
        try await db.writeTransaction(touching: [.units]) { tx in try await office.create(on: tx) }
        return office
    }
}
