import AirQuality
import Campaign
import LantianCore
import Persistence
import Services
import Vapor

/// `/api/v1/air`: the station registry, stored daily values with their AQI, and the season's target table.
struct AirAPIController {
    func boot(routes: any RoutesBuilder) {
        routes.get(SiteURL.API.airStations, use: stations)
        routes.get(SiteURL.API.airDays, use: days)
        routes.get(SiteURL.API.airSeason, use: season)
    }

    func stations(req: Request) async throws -> Response {
        try JSONResponse.make(try await AirQualityStore(database: req.db).stations())
    }

    /// One station-day or city day: the daily statistics, each IAQI, AQI, category, primary pollutants.
    struct DayDTO: Encodable {
        var station: String
        var date: String
        var means: [String: Double]
        var o3Max1h: Double?
        var o3Max8h: Double?
        var iaqis: [String: Int]
        var aqi: Int?
        var category: String?
        var primary: [String]

        init(station: String, _ day: DailyStatistics) {
            let result = AQIStandard.hj633.dailyAQI(day.concentrations)
            self.station = station
            date = day.date
            means = Dictionary(uniqueKeysWithValues: day.means.map { ($0.key.rawValue, $0.value) })
            o3Max1h = day.o3Max1h
            o3Max8h = day.o3Max8h
            iaqis = Dictionary(
                uniqueKeysWithValues: result.iaqis.map {
                    ($0.key.key, $0.value)
                })
            aqi = result.aqi
            category = result.category?.chinese
            primary = result.primary.map(\.primaryName)
        }
    }

    /// `?from=YYYY-MM-DD&to=YYYY-MM-DD[&station=CODE]`: without a station, the city series.
    func days(req: Request) async throws -> Response {
        guard let from = req.query[String.self, at: "from"].flatMap({ CivilDate($0) }),
            let to = req.query[String.self, at: "to"].flatMap({ CivilDate($0) }), from <= to
        else { throw Abort(.badRequest, reason: "from 和 to 须为 YYYY-MM-DD，且 from 不晚于 to") }
        guard to.dayNumber - from.dayNumber <= 3660 else { throw Abort(.badRequest, reason: "一次最多查询十年") }
        let store = AirQualityStore(database: req.db)
        if let station = req.query[String.self, at: "station"], !station.isEmpty {
            let days = try await store.stationDays(from: from.description, to: to.description, station: station)
            return try JSONResponse.make(days.map { DayDTO(station: $0.station, $0.statistics) })
        }
        let days = try await store.cityDays(from: from.description, to: to.description)
        return try JSONResponse.make(days.map { DayDTO(station: "city", $0) })
    }

    /// `?asOf=YYYY-MM-DD`: the plan's two targets against the season so far.
    func season(req: Request) async throws -> Response {
        do {
            return try JSONResponse.make(
                try await SeasonTargetsTable.load(on: req.db, now: req.now, asOf: req.query[String.self, at: "asOf"]))
        } catch let error as SeasonTableError {
            throw Abort(.badRequest, reason: error.description)
        }
    }
}
