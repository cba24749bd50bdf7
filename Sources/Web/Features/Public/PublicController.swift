import Assessment
import Campaign
import Foundation
import LantianCore
import Persistence
import Plot
import Services
import Vapor

/// 公开信息: the pages anyone may read without signing in — the season's air quality against the targets, the
/// tasks' public status, the published bulletins, spot-check and random-inspection results. They run without
/// sessions and answer with ``Response/publicPage(_:contentType:for:)`` (cacheable, ETag). Each reads only what
/// is public by rule: the plan (此件主动公开), the stations' data, warnings, bulletins finalised and marked
/// public, judged spot-check batches as counts, published draws. The leak test (`PublicLeakTests`) plants
/// internal data in every table and reads every route registered here.
struct PublicController {
    func boot(routes: any RoutesBuilder) {
        routes.get(SiteURL.Public.home, use: home).publiclyReachable()
        routes.get(SiteURL.Public.tasks, use: tasks).publiclyReachable()
        routes.get(SiteURL.Public.bulletins, use: bulletins).publiclyReachable()
        routes.get(SiteURL.Public.bulletin, use: bulletin).publiclyReachable()
        routes.get(SiteURL.Public.checks, use: checks).publiclyReachable()
    }

    func home(req: Request) async throws -> Response {
        let plan = try await req.currentPlan().plan
        guard let calendar = ReportingCalendar(plan: plan) else { throw Abort(.internalServerError) }
        let asOf = min(calendar.civilDate(of: req.now).adding(days: -1), plan.end)
        let figures = try await req.campaigns.seasonFigures(plan: plan, asOf: asOf)
        let snapshot = try await req.campaigns.snapshot(now: req.now)
        let warnings = try await EmergencyStore(database: req.db).warnings()
        let model = PublicHomePage.Model(
            figures: figures, period: "\(plan.start) 至 \(plan.end)", firstDay: plan.start.dayNumber,
            lastDay: plan.end.dayNumber, warning: warnings.first(where: \.inForce).map(EmergencyPage.Model.row),
            taskCounts: PublicHomePage.Model.taskCounts(snapshot.assessments.values.map(\.status)),
            bulletins: Array(try await publishedBulletins(req).prefix(3)))
        return Response.publicPage(PublicHomePage.render(model).render(), for: req)
    }

    func tasks(req: Request) async throws -> Response {
        let snapshot = try await req.campaigns.snapshot(now: req.now)
        var groups: [PublicTasksPage.Model.Group] = []
        for row in TaskRow.rows(snapshot, filter: TaskFilter()) {
            let task = row.task
            let line = PublicTasksPage.Model.Row(
                code: task.code, title: task.title, measures: task.measures, deadline: task.deadlineText,
                lead: UI.unitNames(task.lead, snapshot),
                targets: task.indicators.map {
                    "\($0.name) \($0.direction.symbol)\(NumberText.display($0.target))\($0.unit)"
                }.joined(separator: "；"), status: row.status)
            if let index = groups.firstIndex(where: { $0.category == task.category }) {
                groups[index].rows.append(line)
            } else {
                groups.append(.init(category: task.category, rows: [line]))
            }
        }
        let asOf = snapshot.calendar.civilDate(of: req.now).description
        return Response.publicPage(PublicTasksPage.render(.init(groups: groups, asOf: asOf)).render(), for: req)
    }

    /// The finalised bulletins marked public, newest first, as they were frozen.
    private func publishedBulletins(_ req: Request) async throws -> [PublicBulletinsPage.Model.Item] {
        try await BulletinStore(database: req.db).all()
            .filter { $0.state == .final && $0.isPublic && $0.content != nil }
            .sorted { $0.month > $1.month }
            .map {
                .init(
                    month: $0.month, title: $0.content?.title ?? "", number: $0.number?.description ?? "",
                    issuedOn: $0.issuedOn?.chineseDay ?? "")
            }
    }

    func bulletins(req: Request) async throws -> Response {
        let items = try await publishedBulletins(req)
        return Response.publicPage(PublicBulletinsPage.render(.init(items: items)).render(), for: req)
    }

    /// A published bulletin as the printable document it was frozen as; a draft, an unpublished or an unknown
    /// month is 404 alike, so the public cannot tell which months have drafts.
    func bulletin(req: Request) async throws -> Response {
        guard let text = req.parameters.get("month"), let month = ReportMonth(text),
            let stored = try await BulletinStore(database: req.db).bulletin(month),
            stored.state == .final, stored.isPublic, let content = stored.content
        else { throw Abort(.notFound, reason: "没有公开的该月通报") }
        return Response.publicPage(BulletinDocument.printable(content, linked: true).render(), for: req)
    }

    func checks(req: Request) async throws -> Response {
        let store = MarketStore(database: req.db)
        let bureaus = MarketBureaus(units: try await req.currentPlan().plan.units)
        let library = try await req.market().library
        let judged = try await store.checks().compactMap { stored -> (String, String, Bool)? in
            guard let verdict = stored.verdict else { return nil }
            let product = library.standard(for: stored.check.product)?.productName ?? stored.check.product
            return (product, bureaus.countyName(stored.check.county), verdict == "合格")
        }
        let draws = try await store.draws().compactMap { draw -> PublicChecksPage.Model.Draw? in
            guard let published = draw.publishedOn else { return nil }
            return .init(
                id: draw.id, title: draw.title, drawnOn: draw.drawnOn?.description ?? "",
                publishedOn: published.description)
        }.sorted { $0.publishedOn > $1.publishedOn }
        let model = PublicChecksPage.Model(
            tallies: PublicChecksPage.Model.tallies(judged.map { ($0.0, $0.1, $0.2) }), draws: draws)
        return Response.publicPage(PublicChecksPage.render(model).render(), for: req)
    }
}
