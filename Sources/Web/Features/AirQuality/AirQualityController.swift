import AirQuality
import Campaign
import LantianCore
import Persistence
import Plot
import Services
import Vapor

/// 空气质量: the season page.
struct AirQualityController {
    /// Station data files may be larger than evidence files: five times the upload limit.
    let maxDataBytes: Int

    /// Reads for every signed-in user; declaring sand-dust periods and importing station data for the office.
    func boot(routes: any RoutesBuilder, office: any RoutesBuilder) {
        routes.get(SiteURL.Air.season, use: season)
        routes.get(SiteURL.Air.dailyCSV, use: dailyCSV)
        routes.get(SiteURL.Air.monthsCSV, use: monthsCSV)
        routes.get(SiteURL.Air.stationsCSV, use: stationsCSV)
        office.post(SiteURL.Air.sandDust, use: declareSandDust)
        office.get(SiteURL.Air.importData, use: importForm)
        office.upload(SiteURL.Air.importData, maxBytes: maxDataBytes, use: importData)
    }

    /// The plan and its season figures as of the day the request asks for (default: yesterday).
    private func figures(_ req: Request) async throws -> (plan: Plan, figures: SeasonFigures) {
        let loaded = try await req.currentPlan()
        guard let calendar = ReportingCalendar(plan: loaded.plan) else { throw Abort(.internalServerError) }
        var asOf = calendar.civilDate(of: req.now).adding(days: -1)
        if let text = req.query[String.self, at: "asOf"], !text.isEmpty {
            guard let day = CivilDate(text) else { throw Abort(.badRequest, reason: "统计日期应为 YYYY-MM-DD") }
            asOf = day
        }
        return (loaded.plan, try await SeasonFigures.load(plan: loaded.plan, asOf: asOf, on: req.db, ranking: true))
    }

    func season(req: Request) async throws -> HTML {
        try await page(req, errors: [])
    }

    private func page(_ req: Request, errors: [String]) async throws -> HTML {
        let (plan, figures) = try await figures(req)
        let model = AirQualityPage.Model(
            figures: figures, period: "\(plan.start) 至 \(plan.end)",
            stations: try await AirQualityStore(database: req.db).stations(),
            canDeclare: try await req.currentUser().isOffice, errors: errors, firstDay: plan.start.dayNumber,
            lastDay: plan.end.dayNumber)
        return AirQualityPage.render(model, try await req.pageContext(.air))
    }

    /// The city's days of the season so far, with their AQI — the numbers behind the daily chart and calendar.
    func dailyCSV(req: Request) async throws -> Response {
        let (_, f) = try await figures(req)
        let rows = f.days.map { day -> [String] in
            let result = AQIStandard.hj633.dailyAQI(day.concentrations)
            return [day.date] + [Pollutant.pm25, .pm10, .so2, .no2, .co].map { NumberText.csv(day.means[$0]) }
                + [
                    NumberText.csv(day.o3Max1h), NumberText.csv(day.o3Max8h), result.aqi.map(String.init) ?? "",
                    result.category?.chinese ?? "", result.primaryText,
                    f.sandDustDays.contains(day.dayNumber) ? "沙尘" : "",
                ]
        }
        return CSV(
            header: [
                "日期", "PM2.5(µg/m³)", "PM10(µg/m³)", "SO2(µg/m³)", "NO2(µg/m³)", "CO(mg/m³)", "O3日最大1小时(µg/m³)",
                "O3日最大8小时(µg/m³)", "AQI", "类别", "首要污染物", "沙尘",
            ], rows: rows
        ).response(fileName: "城市逐日空气质量-\(f.asOf).csv")
    }

    /// Each month's PM2.5 mean and category days beside the previous season's — the numbers behind the monthly
    /// charts.
    func monthsCSV(req: Request) async throws -> Response {
        let (_, f) = try await figures(req)
        let rows = f.months.map { m -> [String] in
            [
                m.label, NumberText.csv(m.pm25Mean), String(m.pm25Days), m.valid ? "是" : "否",
                NumberText.csv(m.previousPM25Mean), String(m.previousPM25Days), m.previousValid ? "是" : "否",
            ] + AQICategory.allCases.map { String(m.categoryDays[$0] ?? 0) } + [String(m.daysWithoutAQI)]
        }
        return CSV(
            header: [
                "月份", "PM2.5(µg/m³)", "有效天数", "月均值有效", "上一季同月PM2.5(µg/m³)", "上一季有效天数", "上一季月均值有效",
            ] + AQICategory.allCases.map { $0.chinese + "天数" } + ["无有效数据天数"], rows: rows
        ).response(fileName: "各月空气质量-\(f.asOf).csv")
    }

    /// The station ranking of the season so far.
    func stationsCSV(req: Request) async throws -> Response {
        let (_, f) = try await figures(req)
        let rows = f.ranking.enumerated().map { index, rank -> [String] in
            [String(index + 1), rank.station.code, rank.station.name, rank.station.kind.chinese]
                + Pollutant.allCases.map { NumberText.csv(rank.summary.statistics[$0]) }
                + [
                    NumberText.csv(rank.summary.compositeIndex), String(rank.summary.heavyDays),
                    String(rank.summary.validDays[.pm25] ?? 0),
                ]
        }
        return CSV(
            header: ["名次", "代码", "名称", "类型"]
                + Pollutant.allCases.map { p in
                    switch p {
                    case .co: "CO日均值第95百分位(mg/m³)"
                    case .o3: "O3日最大8小时第90百分位(µg/m³)"
                    default: "\(p.symbol)(µg/m³)"
                    }
                } + ["综合指数", "重污染天数", "PM2.5有效天数"], rows: rows
        ).response(fileName: "点位排名-\(f.asOf).csv")
    }

    struct SandDustForm: Content {
        var firstDay: String?
        var lastDay: String?
        var note: String?
    }

    /// 认定沙尘天气过程: the office (for the monitoring centre) declares a sand-dust period.
    func declareSandDust(req: Request) async throws -> Response {
        let user = try await req.currentUser()
        let form = try req.content.decode(SandDustForm.self)
        var errors: [String] = []
        let first = form.firstDay.flatMap { CivilDate($0) }
        let last = form.lastDay.flatMap { CivilDate($0) }
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
