import Campaign
import Foundation
import LantianCore
import Ledger
import Persistence
import Plot
import Services
import Vapor

/// 台账 — the ledger types, each ledger's rows with the indicators they compute by county, the drill-down from an
/// indicator to its rows (filterable, exportable as CSV), and the import. Every handler checks ``LedgerAccess``.
struct LedgersController {
    func boot(routes: any RoutesBuilder, maxUploadBytes: Int) {
        routes.get(SiteURL.Ledgers.home, use: home)
        routes.get(SiteURL.Ledgers.ledger, use: ledger)
        routes.upload(SiteURL.Ledgers.ledger, maxBytes: maxUploadBytes * 5, use: importRows)
        routes.get(SiteURL.Ledgers.csv, use: csv)
        routes.get(SiteURL.Ledgers.row, use: row)
        routes.post(SiteURL.Ledgers.row, use: saveRow)
        routes.upload(
            SiteURL.Ledgers.status, maxBytes: maxUploadBytes * EvidenceStore.maxFilesPerSubmission, use: changeStatus)
        routes.get(SiteURL.Ledgers.evidence, use: evidenceFile)
    }

    func access(_ req: Request) async throws -> LedgerAccess {
        LedgerAccess(user: try await req.currentUser(), units: try await req.currentPlan().plan.units)
    }

    func home(req: Request) async throws -> HTML {
        _ = try await access(req)
        let counts = try await req.ledgers().store.counts()
        let model = LedgersPage.Model(types: req.ledgers().types(), counts: counts)
        return LedgersPage.render(model, try await req.pageContext(.ledgers))
    }

    func type(_ req: Request) throws -> LedgerType {
        guard let code = req.parameters.get("code"), let type = req.ledgers().type(code) else {
            throw Abort(.notFound, reason: "没有这个台账")
        }
        return type
    }

    func ledger(req: Request) async throws -> HTML {
        try await page(req, outcome: nil)
    }

    func page(
        _ req: Request, outcome: (TableImportOutcome, LedgerStore.ImportSummary?)?, problems: [String] = []
    ) async throws -> HTML {
        let access = try await access(req)
        let type = try type(req)
        let loaded = try await req.currentPlan()
        let rows = try await req.ledgers().rows(type.code)
        let today = try await MarketController.today(req)
        var model = LedgerRowsPage.Model(
            type: type, plan: loaded.plan, rows: rows, filter: LedgerRowsPage.Filter(req), today: today,
            mayImport: access.mayWrite(type), outcome: outcome)
        model.scope = access.scope(type)
        model.problems = problems
        model.maxMegabytes = req.application.lantian.maxUploadBytes >> 20
        return LedgerRowsPage.render(model, try await req.pageContext(.ledgers))
    }

    struct Upload: Content {
        var file: File?
    }

    func importRows(req: Request) async throws -> Response {
        let access = try await access(req)
        let type = try type(req)
        let owner = try access.writeOwner(type)
        guard let file = (try? req.content.decode(Upload.self))?.file, file.data.readableBytes > 0 else {
            return Response.html(
                try await page(req, outcome: (.unreadable("（未选择文件）", "请选择要导入的文件"), nil)).render(),
                status: .unprocessableEntity)
        }
        let result = try await req.ledgers().importRows(
            Data(file.data.readableBytesView), file: file.filename, type: type,
            plan: try await req.currentPlan().plan, onlyOwner: owner, actor: try await req.currentUser().audit,
            at: req.now, today: try await MarketController.today(req))
        return Response.html(
            try await page(req, outcome: result).render(),
            status: result.outcome.problems.isEmpty ? .ok : .unprocessableEntity)
    }

    /// The rows the filter selects, as CSV (spreadsheet-safe fields, headings as the type names them).
    func csv(req: Request) async throws -> Response {
        _ = try await access(req)
        let type = try type(req)
        let loaded = try await req.currentPlan()
        let rows = try await req.ledgers().rows(type.code)
        let model = LedgerRowsPage.Model(
            type: type, plan: loaded.plan, rows: rows, filter: LedgerRowsPage.Filter(req),
            today: try await MarketController.today(req), mayImport: false, outcome: nil)
        var text = CSVWriter.record(type.fields.map(\.name) + ["版本", "更新人"]) + "\r\n"
        for row in model.all {
            text += (row.cells + [row.version, row.by]).map(CSVWriter.spreadsheetField).joined(separator: ",") + "\r\n"
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(
            name: .contentDisposition, value: ContentDisposition.attachment(fileName: "\(type.name).csv"))
        return Response(status: .ok, headers: headers, body: .init(string: "\u{FEFF}" + text))
    }
}
