import Campaign
import Foundation
import LantianCore
import Ledger
import Persistence
import Plot
import Services
import Vapor

/// 月度监测 — the monthly per-county measurements: each one's county × month grid checked against its limit,
/// charted, entered in the grid or imported. Everyone signed in reads; the office enters any county's values, a
/// county's writers their own county's (``MeasurementAccess``).
struct MeasurementsController {
    func boot(routes: any RoutesBuilder, maxUploadBytes: Int) {
        routes.get(SiteURL.Measurements.home, use: home)
        routes.get(SiteURL.Measurements.grid, use: grid)
        routes.post(SiteURL.Measurements.grid, use: save)
        routes.upload(SiteURL.Measurements.upload, maxBytes: maxUploadBytes, use: importValues)
    }

    func access(_ req: Request) async throws -> MeasurementAccess {
        MeasurementAccess(user: try await req.currentUser(), units: try await req.currentPlan().plan.units)
    }

    func measurement(_ req: Request) throws -> MonthlyMeasurement {
        guard let code = req.parameters.get("code"), let measurement = Measurements.measurement(code) else {
            throw Abort(.notFound, reason: "没有这项月度监测")
        }
        return measurement
    }

    func home(req: Request) async throws -> HTML {
        _ = try await access(req)
        let plan = try await req.currentPlan().plan
        let stored = try await Measurements(db: req.db).store.values()
        let model = MeasurementGridPage.Model.list(Measurements.shipped, plan: plan, stored: stored)
        return MeasurementGridPage.renderList(model, try await req.pageContext(.ledgers))
    }

    func grid(req: Request) async throws -> HTML {
        try await page(req, typed: nil, problems: [], outcome: nil)
    }

    func page(
        _ req: Request, typed: [String: [String: String]]?, problems: [ImportIssue], outcome: TableImportOutcome?
    ) async throws -> HTML {
        let access = try await access(req)
        let measurement = try measurement(req)
        let plan = try await req.currentPlan().plan
        let stored = try await Measurements(db: req.db).store.values()[measurement.code] ?? []
        let model = MeasurementGridPage.Model(
            measurement: measurement, plan: plan, values: stored, scope: access.scope, typed: typed,
            problems: problems, outcome: outcome, maxMegabytes: req.application.lantian.maxUploadBytes >> 20)
        return MeasurementGridPage.render(model, try await req.pageContext(.ledgers))
    }

    struct Grid: Content {
        var c: [String: [String: String]]?
    }

    func save(req: Request) async throws -> Response {
        let access = try await access(req)
        let measurement = try measurement(req)
        let only = try access.writeCounty()
        let typed = (try? req.content.decode(Grid.self))?.c ?? [:]
        let result = try await Measurements(db: req.db).save(
            typed, measurement: measurement, plan: try await req.currentPlan().plan, onlyCounty: only,
            actor: try await req.currentUser().audit, at: req.now)
        guard result.problems.isEmpty else {
            return Response.html(
                try await page(req, typed: typed, problems: result.problems, outcome: nil).render(),
                status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.measurement(code: measurement.code).path + "?notice=saved")
    }

    struct Upload: Content {
        var file: File?
    }

    func importValues(req: Request) async throws -> Response {
        let access = try await access(req)
        let measurement = try measurement(req)
        let only = try access.writeCounty()
        guard let file = (try? req.content.decode(Upload.self))?.file, file.data.readableBytes > 0 else {
            return Response.html(
                try await page(req, typed: nil, problems: [], outcome: .unreadable("（未选择文件）", "请选择要导入的文件")).render(),
                status: .unprocessableEntity)
        }
        let outcome = try await Measurements(db: req.db).importRows(
            Data(file.data.readableBytesView), file: file.filename, measurement: measurement,
            plan: try await req.currentPlan().plan, onlyCounty: only, actor: try await req.currentUser().audit,
            at: req.now)
        return Response.html(
            try await page(req, typed: nil, problems: [], outcome: outcome).render(),
            status: outcome.problems.isEmpty ? .ok : .unprocessableEntity)
    }
}

/// Who may enter measurements, checked on the server: the office any county's values, a county's writers their
/// own county's; everyone else reads.
struct MeasurementAccess {
    let user: CurrentUser
    let units: [OrgUnit]

    /// The county whose cells the user may set: nil for any (the office), or refused.
    func writeCounty() throws -> String? {
        if user.isOffice { return nil }
        guard user.canWriteReports, let own = units.first(where: { $0.code == user.unitCode }), own.kind == .county
        else { throw Abort(.forbidden, reason: "月度监测数据由大气办或各县（市、区）填报") }
        return own.code
    }

    var scope: LedgerRowsPage.EditScope {
        do {
            if let county = try writeCounty() { return .only(county) }
            return .any
        } catch {
            return .none
        }
    }
}
