import AirQuality
import Campaign
import Persistence
import Plot
import Vapor

/// 空气质量: the season page.
struct AirQualityController {
    func boot(routes: any RoutesBuilder) {
        routes.get("air", use: season)
        routes.post("air", "sand-dust", use: declareSandDust)
    }

    func season(req: Request) async throws -> HTML {
        try await page(req, errors: [])
    }

    private func page(_ req: Request, errors: [String]) async throws -> HTML {
        let loaded = try await req.currentPlan()
        guard let calendar = ReportingCalendar(plan: loaded.plan) else { throw Abort(.internalServerError) }
        // The last complete day: yesterday, unless the user asks for another.
        var asOf = calendar.civilDate(of: req.now).adding(days: -1)
        if let text = req.query[String.self, at: "asOf"], !text.isEmpty {
            guard let day = CivilDate(text) else { throw Abort(.badRequest, reason: "统计日期应为 YYYY-MM-DD") }
            asOf = day
        }
        let figures = try await SeasonFigures.load(plan: loaded.plan, asOf: asOf, on: req.db)
        let model = AirQualityPage.Model(
            figures: figures, period: "\(loaded.plan.start) 至 \(loaded.plan.end)",
            stations: try await AirQualityStore(database: req.db).stations(),
            canDeclare: try await req.currentUser().isOffice, errors: errors)
        return AirQualityPage.render(model, try await req.pageContext(.air))
    }

    struct SandDustForm: Content {
        var firstDay: String?
        var lastDay: String?
        var note: String?
    }

    /// 认定沙尘天气过程: the office (for the monitoring centre) declares a sand-dust period.
    func declareSandDust(req: Request) async throws -> Response {
        let user = try await req.requireOffice()
        let form = try req.content.decode(SandDustForm.self)
        var errors: [String] = []
        let first = form.firstDay.flatMap(CivilDate.init)
        let last = form.lastDay.flatMap(CivilDate.init)
        let note = (form.note ?? "").trimmingCharacters(in: .whitespaces)
        if first == nil || last == nil { errors.append("请填写起止日期（YYYY-MM-DD）") }
        if let first, let last, last < first { errors.append("结束日不能早于起始日") }
        if note.isEmpty { errors.append("请填写认定依据") }
        guard errors.isEmpty, let first, let last else {
            return Response.html(try await page(req, errors: errors).render(), status: .unprocessableEntity)
        }
        try await AirQualityStore(database: req.db).declareSandDust(
            .init(firstDay: first.description, lastDay: last.description, note: note, declaredBy: user.displayName),
            actor: user.audit, at: req.now)
        return req.redirect(to: SiteURL.air.path)
    }
}
