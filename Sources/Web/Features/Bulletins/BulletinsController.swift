import Assessment
import Campaign
import Foundation
import LantianCore
import Persistence
import Plot
import Services
import Vapor

/// 调度通报 — the monthly dispatch bulletins. The office opens any month of the campaign (a draft written from
/// the data as of the month's end), edits its paragraphs, finalises it with a document number and date, and
/// publishes it; everyone signed in reads the finalised ones and downloads them as printable HTML, .docx or
/// PDF. A draft is the office's own: to anyone else it does not exist (404).
struct BulletinsController {
    func boot(routes: any RoutesBuilder, office: any RoutesBuilder) {
        routes.get(SiteURL.Bulletins.home, use: list)
        routes.get(SiteURL.Bulletins.bulletin, use: show)
        routes.get(SiteURL.Bulletins.print, use: printable)
        routes.get(SiteURL.Bulletins.docx, use: docx)
        routes.get(SiteURL.Bulletins.pdf, use: pdf)
        office.post(SiteURL.Bulletins.bulletin, use: saveDraft)
        office.post(SiteURL.Bulletins.final, use: finalise)
        office.post(SiteURL.Bulletins.publish, use: publish)
    }

    func bulletins(_ req: Request) -> Services.Bulletins { Services.Bulletins(campaigns: req.campaigns) }

    func month(_ req: Request) throws -> ReportMonth {
        guard let text = req.parameters.get("month"), let month = ReportMonth(text) else {
            throw Abort(.notFound, reason: "没有这个月份的通报（月份应为 YYYY-MM）")
        }
        return month
    }

    /// The bulletin as `req`'s user may read it: the office any month, others a finalised one only.
    func readable(_ req: Request) async throws -> Services.Bulletins.View {
        let user = try await req.currentUser()
        let view = try await bulletins(req).view(try month(req), now: req.now)
        guard user.isOffice || view.isFinal else { throw Abort(.notFound, reason: "该月通报尚未印发") }
        return view
    }

    func list(req: Request) async throws -> HTML {
        let user = try await req.currentUser()
        let service = bulletins(req)
        let stored = Dictionary(
            try await service.store.all().map { ($0.month, $0) }, uniquingKeysWith: { a, _ in a })
        let months = try await service.months(now: req.now)
        let items = months.compactMap { month -> BulletinListPage.Item? in
            let bulletin = stored[month]
            let isFinal = bulletin?.state == .final
            guard user.isOffice || isFinal else { return nil }
            return BulletinListPage.Item(
                month: month, state: isFinal ? "已定稿" : (bulletin == nil ? "未起草" : "草稿"),
                number: bulletin?.number?.description ?? "", isPublic: bulletin?.isPublic ?? false)
        }
        return BulletinListPage.render(items, office: user.isOffice, try await req.pageContext(.bulletins))
    }

    func show(req: Request) async throws -> HTML {
        try await page(req, view: try await readable(req))
    }

    private func page(
        _ req: Request, view: Services.Bulletins.View, typed: (number: String, issuedOn: String)? = nil,
        errors: [String] = []
    ) async throws -> HTML {
        let user = try await req.currentUser()
        let plan = try await req.currentPlan().plan
        let zone = TimeZone(identifier: plan.timeZone) ?? .current
        let serial = try await bulletins(req).store.all().filter { $0.state == .final }.count + 1
        let model = BulletinPage.Model(
            view: view, mayEdit: user.isOffice,
            suggestedNumber: Services.Bulletins.suggestedNumber(plan, month: view.bulletin.month, serial: serial),
            today: ReportingCalendar(plan: plan)?.civilDate(of: req.now) ?? view.bulletin.asOf, zone: zone,
            typed: typed, errors: errors, libreOffice: DocumentConversion.soffice() != nil)
        return BulletinPage.render(model, try await req.pageContext(.bulletins))
    }

    struct Draft: Content {
        var opening: String?
        var requirements: String?
        var version: Int?
    }

    func saveDraft(req: Request) async throws -> Response {
        let month = try month(req)
        let form = try req.content.decode(Draft.self)
        let paragraphs = BulletinParagraphs(opening: form.opening ?? "", requirements: form.requirements ?? "")
        do {
            try await bulletins(req).saveDraft(
                month, paragraphs: paragraphs, version: form.version ?? 0,
                actor: try await req.currentUser().audit, now: req.now)
        } catch let error as ServiceError {
            guard case .notFound = error else {
                var view = try await bulletins(req).view(month, now: req.now)
                view.bulletin.paragraphs = paragraphs
                return Response.html(
                    try await page(req, view: view, errors: [error.description]).render(), status: error.status)
            }
            throw error
        }
        return req.redirect(to: SiteURL.bulletin(month: month).path + "?notice=saved")
    }

    struct Final: Content {
        var number: String?
        var issuedOn: String?
        var version: Int?
    }

    func finalise(req: Request) async throws -> Response {
        let month = try month(req)
        let form = try req.content.decode(Final.self)
        do {
            _ = try await bulletins(req).finalise(
                month, number: form.number ?? "", issuedOn: form.issuedOn ?? "", version: form.version ?? 0,
                actor: try await req.currentUser().audit, now: req.now)
        } catch let error as ServiceError {
            guard case .notFound = error else {
                let view = try await bulletins(req).view(month, now: req.now)
                return Response.html(
                    try await page(
                        req, view: view, typed: (form.number ?? "", form.issuedOn ?? ""), errors: [error.description]
                    ).render(), status: error.status)
            }
            throw error
        }
        return req.redirect(to: SiteURL.bulletin(month: month).path + "?notice=bulletinFinalised")
    }

    struct Publish: Content {
        var `public`: String?
    }

    func publish(req: Request) async throws -> Response {
        let month = try month(req)
        let isPublic = (try req.content.decode(Publish.self)).public == "true"
        try await bulletins(req).setPublic(month, isPublic, actor: try await req.currentUser().audit, now: req.now)
        return req.redirect(
            to: SiteURL.bulletin(month: month).path + "?notice="
                + (isPublic ? "bulletinPublished" : "bulletinWithdrawn"))
    }

    func printable(req: Request) async throws -> HTML {
        BulletinDocument.printable(try await readable(req).bulletin, linked: true)
    }

    func docx(req: Request) async throws -> Response {
        let bulletin = try await readable(req).bulletin
        return download(
            try bulletin.wordDocument.docx(created: req.now), name: bulletin.fileStem + ".docx",
            type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    }

    func pdf(req: Request) async throws -> Response {
        let bulletin = try await readable(req).bulletin
        let docx = try bulletin.wordDocument.docx(created: req.now)
        do {
            let pdf = try await DocumentConversion.pdf(fromDocx: docx)
            return download(pdf, name: bulletin.fileStem + ".pdf", type: "application/pdf")
        } catch let failure as DocumentConversion.Failure {
            throw Abort(.serviceUnavailable, reason: failure.description)
        }
    }

    private func download(_ data: Data, name: String, type: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: type)
        headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment(fileName: name))
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
