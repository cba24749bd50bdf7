import Foundation
import MarketSupervision
import Persistence
import Plot
import Seed
import Services
import Vapor

extension MarketController {
    // MARK: 产品标准库

    func standards(req: Request) async throws -> HTML {
        try await standardsPage(req, draft: nil, note: "", errors: [])
    }

    private func standardsPage(_ req: Request, draft: String?, note: String, errors: [String]) async throws -> HTML {
        let access = try await req.marketAccess()
        try access.requireRead()
        let store = MarketStore(database: req.db)
        let (library, current) = try await req.application.standardsLibrary.library(on: req.db)
        let versions = try await store.standardsVersions()
        let shown = req.query[Int.self, at: "version"]
        let document = try UI.shownDocument(versions, shown: shown, draft: draft) { try SeedStandards.market }
        let model = StandardsPage.Model(
            library: library, current: current, versions: versions, document: document, shown: shown,
            mayEdit: access.mayManage, zone: try await req.zone(), note: note, errors: errors)
        return StandardsPage.render(model, try await req.pageContext(.market))
    }

    /// Checks the edited document whole; saves it as the next version, or re-renders it with every problem.
    func saveStandards(req: Request) async throws -> Response {
        let access = try await req.marketAccess()
        try access.requireManage()
        let form = try req.content.decode([String: String].self)
        let document = form["document"] ?? ""
        let note = (form["note"] ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [String] = []
        if note.isEmpty { errors.append("请填写修订说明（改了什么、依据哪份标准原文）") }
        do { _ = try StandardsFile.read(document) } catch {
            errors += error.issues.map(\.description)
        }
        guard errors.isEmpty else {
            return Response.html(
                try await standardsPage(req, draft: document, note: note, errors: errors).render(),
                status: .unprocessableEntity)
        }
        _ = try await MarketStore(database: req.db).saveStandards(
            document, note: note, actor: try await req.currentUser().audit, at: req.now)
        return req.redirect(to: SiteURL.marketStandards(version: nil).path + "?notice=saved")
    }
}
