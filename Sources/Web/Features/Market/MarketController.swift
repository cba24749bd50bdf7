import Campaign
import Foundation
import LantianCore
import MarketSupervision
import Persistence
import Plot
import Services
import Vapor

/// 市场监管 — sampling plans with coverage, the registry, spot checks with their verdicts and traces, cases.
/// Every handler checks ``MarketAccess`` on the server: bureaus work, the office and viewers read.
struct MarketController {
    func boot(routes: any RoutesBuilder, maxUploadBytes: Int) {
        routes.get(SiteURL.Market.home, use: home)
        routes.post(SiteURL.Market.plans, use: createPlan)
        routes.get(SiteURL.Market.plan, use: plan)
        routes.get(SiteURL.Market.registry, use: registry)
        routes.upload(SiteURL.Market.registry, maxBytes: maxUploadBytes) { req in
            try await importRegistry(req: req, maxUploadBytes: maxUploadBytes)
        }
        routes.get(SiteURL.Market.newCheck, use: newCheck)
        routes.post(SiteURL.Market.checks, use: createCheck)
        routes.get(SiteURL.Market.check, use: check)
        routes.post(SiteURL.Market.openCase, use: openCase)
        routes.post(SiteURL.Market.caseStep, use: moveCase)
        routes.get(SiteURL.Market.draws, use: draws)
        routes.upload(SiteURL.Market.draws, maxBytes: maxUploadBytes, use: createDraw)
        routes.get(SiteURL.Market.draw, use: draw)
        routes.post(SiteURL.Market.drawSeed, use: drawSeed)
        routes.post(SiteURL.Market.drawPublish, use: drawPublish)
        routes.get(SiteURL.Market.drawFile, use: drawFile)
        routes.upload(SiteURL.Market.results, maxBytes: maxUploadBytes, use: importResults)
        routes.post(SiteURL.Market.actions, use: createAction)
        routes.upload(SiteURL.Market.documents, maxBytes: maxUploadBytes * 5) { req in
            try await uploadDocuments(req: req, maxUploadBytes: maxUploadBytes)
        }
        routes.get(SiteURL.Market.document, use: document)
        routes.get(SiteURL.Market.planEvidence, use: planEvidence)
        routes.get(SiteURL.Market.actionEvidence, use: actionEvidence)
        routes.get(SiteURL.Market.standards, use: standards)
        routes.post(SiteURL.Market.standards, use: saveStandards)
        routes.get(SiteURL.Market.action, use: action)
        routes.post(SiteURL.Market.actionFinds, use: recordFind)
    }

    /// The public pages of published draws: no sign-in.
    /// The public site's pages: no session, cacheable.
    func bootPublicSite(routes: any RoutesBuilder) {
        routes.get(SiteURL.Public.draw, use: publicDraw).publiclyReachable()
        routes.get(SiteURL.Public.drawFile, use: publicDrawFile).publiclyReachable()
    }

    static func today(_ req: Request) async throws -> CivilDate {
        let loaded = try await req.currentPlan()
        guard let calendar = ReportingCalendar(plan: loaded.plan) else { throw Abort(.internalServerError) }
        return calendar.civilDate(of: req.now)
    }

    // MARK: 市场监管 and plans

    func home(req: Request) async throws -> HTML {
        try await homePage(req, errors: [])
    }

    func homePage(_ req: Request, errors: [String], results: Market.ResultsOutcome? = nil) async throws -> HTML {
        let access = try await req.marketAccess()
        try access.requireRead()
        let market = try await req.market()
        let today = try await Self.today(req)
        var model = MarketPage.Model(
            plans: try await market.plansWithProgress(bureaus: access.bureaus, today: today),
            checks: try await market.store.checks(), cases: try await market.store.cases(),
            registry: try await market.store.registryCounts(), bureaus: access.bureaus, access: access,
            library: market.library, today: today, errors: errors)
        model.results = results
        model.planTotals = MarketPage.Model.planTotals(try await req.currentPlan().plan)
        model.actions = try await market.store.actions().map { stored in
            (
                stored.id, stored.action.title, "\(stored.action.start) 至 \(stored.action.end)",
                stored.action.daysRun(by: today)
            )
        }
        model.lateDraws = try await market.store.draws().compactMap { draw in
            guard draw.publishedOn == nil, draw.publishBy != nil else { return nil }
            return "双随机结果待公开：\(draw.title) — " + DrawPage.publication(draw, today: today).text
        }
        return MarketPage.render(model, try await req.pageContext(.market))
    }

    func createPlan(req: Request) async throws -> Response {
        let access = try await req.marketAccess()
        try access.requireManage()
        let form = try req.content.decode([String: String].self)
        var errors: [String] = []
        let family = form["family"].flatMap(ProductFamily.init(rawValue:))
        if family == nil { errors.append("请选择产品") }
        let year = Int(form["year"] ?? "")
        if year.map({ !(2000...2100).contains($0) }) ?? true { errors.append("年度应为四位年份") }
        var quotas: [MarketStore.Quota] = []
        for bureau in access.bureaus.bureaus {
            let text = (form["quota-\(bureau)"] ?? "0").trimmingCharacters(in: .whitespaces)
            guard let quota = Int(text.isEmpty ? "0" : text), quota >= 0, quota <= 100_000 else {
                errors.append("\(access.bureaus.unitName(bureau))的计划批次应为 0 或正整数")
                continue
            }
            quotas.append(.init(unit: bureau, quota: quota))
        }
        if errors.isEmpty && quotas.allSatisfy({ $0.quota == 0 }) { errors.append("请至少为一个单位填写计划批次") }
        guard errors.isEmpty, let family, let year else {
            return Response.html(try await homePage(req, errors: errors).render(), status: .unprocessableEntity)
        }
        let title = (form["title"] ?? "").trimmingCharacters(in: .whitespaces)
        do {
            let id = try await req.market().store.createPlan(
                family: family, year: year, title: title.isEmpty ? "\(year)年\(family.chinese)抽检计划" : title,
                quotas: quotas, actor: try await req.currentUser().audit, at: req.now)
            return req.redirect(to: SiteURL.marketPlan(id: id).path + "?notice=created")
        } catch let conflict as MarketStore.Conflict {
            return Response.html(
                try await homePage(req, errors: [conflict.description]).render(), status: .conflict)
        }
    }

    struct ResultsUpload: Content {
        var file: File?
    }

    /// A lab's results file, matched to the records by batch and product and judged.
    func importResults(req: Request) async throws -> Response {
        let access = try await req.marketAccess()
        try access.requireRecord()
        guard let file = (try? req.content.decode(ResultsUpload.self))?.file, file.data.readableBytes > 0 else {
            return Response.html(
                try await homePage(req, errors: ["请选择检验结果文件"]).render(), status: .unprocessableEntity)
        }
        let outcome = try await req.market().importResults(
            Data(file.data.readableBytesView), file: file.filename, mayWork: access.mayWork(in:),
            actor: try await req.currentUser().audit, at: req.now)
        return Response.html(
            try await homePage(req, errors: [], results: outcome).render(),
            status: outcome.problems.isEmpty ? .ok : .unprocessableEntity)
    }

    func plan(req: Request) async throws -> HTML {
        let access = try await req.marketAccess()
        try access.requireRead()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let plan = try await req.market().plansWithProgress(
                bureaus: access.bureaus, today: try await Self.today(req)
            )
            .first(where: { $0.plan.id == id })
        else { throw Abort(.notFound, reason: "没有这个抽检计划") }
        return SamplingPlanPage.render(
            SamplingPlanPage.Model(plan, bureaus: access.bureaus, mayRecord: access.mayRecord),
            try await req.pageContext(.market))
    }

    // MARK: Registry

    func registry(req: Request) async throws -> HTML {
        try await registryPage(req, outcome: nil, kind: "")
    }

    private func registryPage(_ req: Request, outcome: Market.ImportOutcome?, kind: String) async throws -> HTML {
        let access = try await req.marketAccess()
        try access.requireRead()
        let store = try await req.market().store
        let model = RegistryPage.Model(
            sites: try await store.sites(), deliveries: try await store.registryCounts().deliveries,
            bureaus: access.bureaus, outcome: outcome, outcomeKind: kind, mayManage: access.mayManage,
            maxMegabytes: req.application.lantian.maxUploadBytes >> 20)
        return RegistryPage.render(model, try await req.pageContext(.market))
    }

    struct RegistryUpload: Content {
        var kind: String?
        var file: File?
    }

    func importRegistry(req: Request, maxUploadBytes: Int) async throws -> Response {
        let access = try await req.marketAccess()
        try access.requireManage()
        let upload = try? req.content.decode(RegistryUpload.self)
        guard let file = upload?.file, file.data.readableBytes > 0 else {
            let outcome = Market.ImportOutcome(
                file: "（未选择文件）", rows: 0, added: 0,
                problems: [ImportIssue(line: 1, field: "file", reason: "请选择要导入的文件")], warnings: [])
            return Response.html(
                try await registryPage(req, outcome: outcome, kind: "").render(), status: .unprocessableEntity)
        }
        let data = Data(file.data.readableBytesView)
        let actor = try await req.currentUser().audit
        let outcome: Market.ImportOutcome
        let kind: String
        switch upload?.kind {
        case "deliveries":
            kind = "购销记录"
            outcome = try await req.market().importDeliveries(data, file: file.filename, actor: actor, at: req.now)
        default:
            kind = "场所名录"
            outcome = try await req.market().importSites(
                data, file: file.filename, bureaus: access.bureaus, actor: actor, at: req.now)
        }
        return Response.html(
            try await registryPage(req, outcome: outcome, kind: kind).render(),
            status: outcome.problems.isEmpty ? .ok : .unprocessableEntity)
    }
}
