import Emergency
import Foundation
import LantianCore
import Persistence
import Plot
import Services
import SourceMonitoring
import Synchronization
import Vapor

/// 污染源监控 — the key-polluter list and its coverage of industrial VOCs and NOx (seed §(十三)), outlets and
/// limits, the online-monitoring import, the inspectors' ranked week, each outlet's hits with charts, on-site
/// checks, the enforcement list and the published list. Every handler checks ``SourcesAccess`` on the server.
struct SourcesController {
    func boot(routes: any RoutesBuilder, maxUploadBytes: Int) {
        routes.get(SiteURL.Sources.home, use: home)
        routes.upload(SiteURL.Sources.home, maxBytes: maxUploadBytes * 5, use: upload)
        routes.post(SiteURL.Sources.keyPolluters, use: setKeyPolluter)
        routes.get(SiteURL.Sources.suspects, use: suspects)
        routes.get(SiteURL.Sources.outlet, use: outlet)
        routes.get(SiteURL.Sources.chart, use: chart)
        routes.upload(SiteURL.Sources.checks, maxBytes: maxUploadBytes * 5, use: recordCheck)
        routes.get(SiteURL.Sources.checkFile, use: checkFile)
        routes.get(SiteURL.Sources.cases, use: cases)
        routes.post(SiteURL.Sources.publish, use: publish)
    }

    /// The published list of monitoring fraud: no sign-in.
    /// The public site's page: no session, cacheable.
    func bootPublicSite(routes: any RoutesBuilder) {
        routes.get(SiteURL.Public.monitoring, use: publicList).publiclyReachable()
    }

    // MARK: 污染源监控

    func home(req: Request) async throws -> HTML {
        try await homePage(req, outcome: nil, kind: "", summary: nil)
    }

    func homePage(_ req: Request, outcome: TableImportOutcome?, kind: String, summary: SourceImport.Summary?)
        async throws -> HTML
    {
        let access = try await req.sourcesAccess()
        let sources = req.sources()
        let model = SourcesPage.Model(
            coverage: try await sources.coverage(), outlets: try await sources.store.outlets(),
            imports: access.mayInspect ? try await sources.store.imports() : [], mayInspect: access.mayInspect,
            mayKeep: access.mayKeep, outcome: outcome, outcomeKind: kind, summary: summary,
            maxMegabytes: (req.application.lantian.maxUploadBytes * 5) >> 20)
        return SourcesPage.render(model, try await req.pageContext(.sources))
    }

    struct Upload: Content {
        var kind: String?
        var file: File?
    }

    func upload(req: Request) async throws -> Response {
        let access = try await req.sourcesAccess()
        try access.requireKeep()
        let upload = try? req.content.decode(Upload.self)
        guard let file = upload?.file, file.data.readableBytes > 0 else {
            return Response.html(
                try await homePage(
                    req, outcome: .unreadable("（未选择文件）", "请选择要导入的文件"), kind: "", summary: nil
                ).render(), status: .unprocessableEntity)
        }
        let actor = try await req.currentUser().audit
        let sources = req.sources()
        switch upload?.kind {
        case "data":
            let bytes = [UInt8](file.data.readableBytesView)
            let chunks = Mutex(
                stride(from: 0, to: bytes.count, by: 4 << 20).map { start in
                    Array(bytes[start..<min(start + (4 << 20), bytes.count)])
                }.reversed() as [[UInt8]])
            let summary = try await sources.importData(
                file: file.filename, next: { chunks.withLock { $0.popLast() } }, actor: actor, at: req.now)
            let outcome = TableImportOutcome(
                file: file.filename, rows: summary.records, added: summary.hours, problems: summary.problems,
                warnings: summary.warnings)
            return Response.html(
                try await homePage(req, outcome: outcome, kind: "在线监测数据", summary: summary).render(),
                status: summary.imported ? .ok : .unprocessableEntity)
        case "limits":
            let outcome = try await sources.importLimits(
                Data(file.data.readableBytesView), file: file.filename, actor: actor, at: req.now)
            return Response.html(
                try await homePage(req, outcome: outcome, kind: "排放限值", summary: nil).render(),
                status: outcome.problems.isEmpty ? .ok : .unprocessableEntity)
        default:
            let outcome = try await sources.importOutlets(
                Data(file.data.readableBytesView), file: file.filename, actor: actor, at: req.now)
            return Response.html(
                try await homePage(req, outcome: outcome, kind: "排放口名录", summary: nil).render(),
                status: outcome.problems.isEmpty ? .ok : .unprocessableEntity)
        }
    }

    func setKeyPolluter(req: Request) async throws -> Response {
        let access = try await req.sourcesAccess()
        try access.requireKeep()
        let form = try req.content.decode([String: String].self)
        guard let enterprise = form["enterprise"],
            try await req.sources().setKeyPolluter(
                enterprise, listed: form["listed"] == "1", actor: try await req.currentUser().audit, at: req.now)
        else { throw Abort(.notFound, reason: "名录中没有这家企业") }
        return req.redirect(to: SiteURL.sources.path + "?notice=listed#coverage")
    }

    // MARK: The inspectors' week

    /// The Monday of the week `date` falls in.
    static func monday(of date: CivilDate) -> CivilDate {
        // 1970-01-01 was a Thursday.
        date.adding(days: -((date.dayNumber + 3) % 7 + 7) % 7)
    }

    func suspects(req: Request) async throws -> HTML {
        try await req.sourcesAccess().requireInspect()
        let today = try await MarketController.today(req)
        let week = Self.monday(of: req.query[String.self, at: "week"].flatMap { CivilDate($0) } ?? today)
        let suspects = try await req.sources().suspects(week: week)
        let enterprises = try await req.emergency().store.enterprises()
        let model = SuspectsPage.Model(
            week: week, suspects: suspects,
            names: Dictionary(
                enterprises.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
        return SuspectsPage.render(model, try await req.pageContext(.sources))
    }

    // MARK: An outlet

    func outletByMN(_ req: Request) async throws -> Outlet {
        guard let mn = req.parameters.get("mn"),
            let outlet = try await req.sources().store.outlets().first(where: { $0.mn == mn })
        else { throw Abort(.notFound, reason: "没有这个排放口") }
        return outlet
    }

    func outlet(req: Request) async throws -> HTML {
        try await outletPage(req, errors: [])
    }

    func outletPage(_ req: Request, errors: [String]) async throws -> HTML {
        let access = try await req.sourcesAccess()
        try access.requireInspect()
        let outlet = try await outletByMN(req)
        let today = try await MarketController.today(req)
        let to = req.query[String.self, at: "to"].flatMap { CivilDate($0) } ?? today
        var from = req.query[String.self, at: "from"].flatMap { CivilDate($0) } ?? to.adding(days: -6)
        if from > to { from = to }
        if to.dayNumber - from.dayNumber > 92 { from = to.adding(days: -92) }
        let sources = req.sources()
        let scanned = try await sources.scan(mn: outlet.mn, days: from...to, outlet: outlet)
        let enterprise = try await req.emergency().store.enterprises().first { $0.id == outlet.enterprise }
        let model = OutletPage.Model(
            outlet: outlet, enterprise: enterprise?.name ?? outlet.enterprise, from: from, to: to,
            scanned: scanned, checks: try await sources.store.checks(mn: outlet.mn),
            corrections: try await sources.store.corrections(mn: outlet.mn, limit: 20), mayKeep: access.mayKeep,
            errors: errors, maxMegabytes: req.application.lantian.maxUploadBytes >> 20)
        return OutletPage.render(model, try await req.pageContext(.sources))
    }

    func chart(req: Request) async throws -> HTML {
        try await req.sourcesAccess().requireInspect()
        let outlet = try await outletByMN(req)
        guard let factor = req.query[String.self, at: "factor"],
            let from = req.query[String.self, at: "from"].flatMap(MinuteStamp.init),
            let to = req.query[String.self, at: "to"].flatMap(MinuteStamp.init), from < to,
            to.value - from.value <= 93 * 1440
        else { throw Abort(.badRequest, reason: "图表需要因子和起止时间（YYYY-MM-DDTHH:MM，不超过 93 天）") }
        // A day either side of the hit, at most a week before and after.
        let margin = min(7 * 1440, max(1440, (to.value - from.value) / 2))
        let start = CivilDate(dayNumber: Int((Double(from.value - margin) / 1440).rounded(.down)))
        let end = CivilDate(dayNumber: Int((Double(to.value + margin - 1) / 1440).rounded(.down)))
        let scanned = try await req.sources().scan(mn: outlet.mn, days: start...end, outlet: outlet)
        let model = HitChartPage.Model(
            outlet: outlet, factor: factor, from: from, to: to, window: start...end, scanned: scanned)
        return HitChartPage.render(model, try await req.pageContext(.sources))
    }
}
