import Foundation
import LantianCore
import Ledger
import Persistence
import Plot
import Services
import Vapor

/// Editing a ledger's rows: one row's page (its values, editable by who owns it, and every change), the bulk
/// status change with evidence files, and the evidence downloads.
extension LedgersController {
    func rowID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw Abort(.notFound, reason: "没有这一行")
        }
        return id
    }

    func row(req: Request) async throws -> HTML {
        try await rowPage(req, typed: nil, problems: [])
    }

    func rowPage(_ req: Request, typed: [String: String]?, problems: [(field: String, reason: String)]) async throws
        -> HTML
    {
        let access = try await access(req)
        let type = try type(req)
        let ledgers = req.ledgers()
        let stored = try await ledgers.row(try rowID(req), type: type, onlyOwner: nil)
        let changes = try await ledgers.store.changes(row: stored.id)
        let files = try await ledgers.store.evidence(batches: changes.compactMap(\.batch))
        let model = LedgerRowPage.Model(
            type: type, plan: try await req.currentPlan().plan, row: stored, changes: changes, files: files,
            mayEdit: access.mayEdit(type, owner: stored.owner), typed: typed, problems: problems,
            zone: try await req.zone())
        return LedgerRowPage.render(model, try await req.pageContext(.ledgers))
    }

    func saveRow(req: Request) async throws -> Response {
        let access = try await access(req)
        let type = try type(req)
        let owner = try access.writeOwner(type)
        let id = try rowID(req)
        let form = try req.content.decode([String: String].self)
        let values = Dictionary(
            uniqueKeysWithValues: type.fields.map {
                ($0.key, (form["f_" + $0.key] ?? "").trimmingCharacters(in: .whitespaces))
            })
        guard let version = form["version"].flatMap(Int.init) else { throw Abort(.badRequest, reason: "缺少版本号") }
        let outcome = try await req.ledgers().editRow(
            id, version: version, values: values, type: type, plan: try await req.currentPlan().plan,
            onlyOwner: owner, actor: try await req.currentUser().audit, at: req.now,
            today: try await MarketController.today(req))
        switch outcome {
        case .saved: return req.redirect(to: SiteURL.ledgerRow(code: type.code, id: id).path + "?notice=rowSaved")
        case .refused(let problems):
            return Response.html(
                try await rowPage(req, typed: values, problems: problems).render(), status: .unprocessableEntity)
        }
    }

    struct StatusUpload: Content {
        var ids: [String]?
        var status: String?
        var dateField: String?
        var date: String?
        var files: [File]?
    }

    func changeStatus(req: Request) async throws -> Response {
        let access = try await access(req)
        let type = try type(req)
        let owner = try access.writeOwner(type)
        let upload = try req.content.decode(StatusUpload.self)
        var errors: [String] = []
        let ids = (upload.ids ?? []).compactMap(UUID.init(uuidString:))
        let dateText = (upload.date ?? "").trimmingCharacters(in: .whitespaces)
        let date = dateText.isEmpty ? nil : CivilDate(dateText)
        if !dateText.isEmpty && date == nil { errors.append("日期应写作 2021-10-31") }
        let dateField = (upload.dateField ?? "").isEmpty || date == nil ? nil : upload.dateField
        let files = (upload.files ?? []).filter { $0.data.readableBytes > 0 || !$0.filename.isEmpty }
        let evidence = EvidenceStore(
            directory: req.application.lantian.filesDirectory, maxBytes: req.application.lantian.maxUploadBytes)
        errors += evidence.problems(files)
        if files.isEmpty { errors.append("批量变更状态须上传证据（验收单、照片等）") }
        guard errors.isEmpty else {
            return Response.html(
                try await page(req, outcome: nil, problems: errors).render(), status: .unprocessableEntity)
        }
        let written = try evidence.write(files)
        let batch = UUID()
        let outcome: Ledgers.EditOutcome
        do {
            outcome = try await req.ledgers().changeStatus(
                ids, to: upload.status ?? "", dateField: dateField, date: date, type: type, onlyOwner: owner,
                files: written.map {
                    LedgerStore.EvidenceFile(
                        id: $0.id, batch: batch, fileName: $0.fileName, size: $0.size, sha256: $0.sha256,
                        storageKey: $0.storageKey)
                }, actor: try await req.currentUser().audit, at: req.now, today: try await MarketController.today(req))
        } catch {
            evidence.remove(written)
            throw error
        }
        switch outcome {
        case .saved: return req.redirect(to: SiteURL.ledger(code: type.code).path + "?notice=statusChanged")
        case .refused(let problems):
            evidence.remove(written)
            return Response.html(
                try await page(req, outcome: nil, problems: problems.map { "\($0.field)：\($0.reason)" }).render(),
                status: .unprocessableEntity)
        }
    }

    func evidenceFile(req: Request) async throws -> Response {
        _ = try await access(req)
        let type = try type(req)
        guard let file = try await req.ledgers().store.evidenceFile(ledger: type.code, id: try rowID(req)) else {
            throw Abort(.notFound, reason: "没有这个文件")
        }
        return try await EvidenceStore(directory: req.application.lantian.filesDirectory, maxBytes: 0).fileResponse(
            req, key: file.storageKey, fileName: file.fileName, sha256: file.sha256)
    }
}
