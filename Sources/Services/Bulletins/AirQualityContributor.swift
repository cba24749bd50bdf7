import AirQuality
import Assessment
import LantianCore
import Persistence

/// 空气质量情况 from the stored station days: the city figures from ``SeasonFigures``; the station and county
/// rankings from each station's (and each county's) days, sand-dust days left out of the PM figures and the
/// composite index.
struct AirQualityContributor: BulletinContributor {
    func section(_ context: BulletinContext) async throws -> BulletinSection? {
        let figures = context.figures
        let month = context.month
        let plan = context.snapshot.plan
        let first = max(month.firstDay, plan.start)
        let counted = figures.days.filter { $0.dayNumber >= first.dayNumber && $0.dayNumber <= context.asOf.dayNumber }
        let monthHeavy = counted.filter {
            (SeasonStatus.Day($0, sandDust: figures.sandDustDays.contains($0.dayNumber)).aqi ?? 0) > 200
        }.count
        let monthFigures = figures.months.first { $0.year == month.year && $0.month == month.month }

        let store = AirQualityStore(database: context.db)
        let stations = try await store.stations().filter { $0.kind == .nationalControl || $0.kind == .provincial }
        let codes = Set(stations.map(\.code))
        let seasonDays = try await store.stationDays(
            from: plan.start.description, to: context.asOf.description
        ).filter { codes.contains($0.station) && !figures.sandDustDays.contains($0.statistics.dayNumber) }
        let previousDays = try await store.stationDays(
            from: first.yearEarlier.description, to: context.asOf.yearEarlier.description
        ).filter { codes.contains($0.station) && !figures.sandDustDays.contains($0.statistics.dayNumber) }
        let monthStart = first.dayNumber

        func summary(_ days: [DailyStatistics]) -> SeasonSummary? { days.isEmpty ? nil : SeasonSummary(days: days) }
        func area(code: String, name: String, season: [DailyStatistics], previous: [DailyStatistics])
            -> AirQualityFacts.Area?
        {
            guard !season.isEmpty else { return nil }
            let thisMonth = summary(season.filter { $0.dayNumber >= monthStart })
            return AirQualityFacts.Area(
                code: code, name: name, monthPM25: thisMonth?.statistics[.pm25],
                monthComposite: thisMonth?.compositeIndex, previousMonthComposite: summary(previous)?.compositeIndex,
                seasonComposite: summary(season)?.compositeIndex)
        }
        let seasonByStation = Dictionary(grouping: seasonDays, by: \.station)
        let previousByStation = Dictionary(grouping: previousDays, by: \.station)
        let stationAreas = stations.compactMap { station in
            area(
                code: station.code, name: "\(station.name)（\(station.code)）",
                season: (seasonByStation[station.code] ?? []).map(\.statistics),
                previous: (previousByStation[station.code] ?? []).map(\.statistics))
        }
        let countyOf = Dictionary(stations.map { ($0.code, $0.county) }, uniquingKeysWith: { a, _ in a })
        func countyDays(_ days: [StationDay]) -> [String: [DailyStatistics]] {
            Dictionary(grouping: days, by: { countyOf[$0.station] ?? "" }).mapValues { rows in
                Dictionary(grouping: rows, by: \.statistics.dayNumber).map { day, rows in
                    DailyStatistics.city(rows.map(\.statistics), dayNumber: day)
                }.sorted { $0.dayNumber < $1.dayNumber }
            }
        }
        let seasonByCounty = countyDays(seasonDays)
        let previousByCounty = countyDays(previousDays)
        let countyAreas = seasonByCounty.keys.sorted().compactMap { county in
            area(
                code: county, name: county, season: seasonByCounty[county] ?? [],
                previous: previousByCounty[county] ?? [])
        }

        let status = figures.status
        let facts = AirQualityFacts(
            month: month, seasonStart: plan.start, asOf: context.asOf, monthPM25: monthFigures?.pm25Mean,
            monthPM25Days: monthFigures?.pm25Days ?? 0, previousMonthPM25: monthFigures?.previousPM25Mean,
            seasonPM25: status.pm25Mean, seasonPM25Days: status.pm25Days,
            previousSeasonPM25: figures.previous?.pm25Mean,
            pm25Target: figures.pm25Target?.value, monthHeavyDays: monthHeavy, seasonHeavyDays: status.heavyDays,
            previousSeasonHeavyDays: figures.previous?.heavyDays,
            heavyTarget: figures.heavyTarget.map { Int($0.value) },
            remainingBudget: status.remainingBudget, remainingDays: status.remainingDays, outOfReach: status.outOfReach,
            categoryDays: monthFigures?.categoryDays ?? [:], daysWithoutAQI: monthFigures?.daysWithoutAQI ?? 0,
            stations: stationAreas, counties: countyAreas)
        return .airQuality(facts)
    }
}
