import AirQuality
import Campaign
import Persistence
import Plot
import Vapor

/// 空气质量: the season page.
struct AirQualityController {
    func boot(routes: any RoutesBuilder) {
        routes.get("air", use: season)
    }

    func season(req: Request) async throws -> HTML {
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
            stations: try await AirQualityStore(database: req.db).stations())
        return AirQualityPage.render(model, try await req.pageContext(.air))
    }
}
