import AirQuality
import Foundation
import LantianCore

/// Elapsed wall-clock seconds between laps.
struct Stopwatch {
    private var start = ContinuousClock.now

    mutating func lap() -> Double {
        let now = ContinuousClock.now
        let elapsed = start.duration(to: now)
        start = now
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

/// The process's peak resident memory (Linux `VmHWM`), resettable between stages.
enum Memory {
    static func peak() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kB = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return "n/a" }
        return String(format: "%.0f MB", kB / 1024)
    }

    /// Writing 5 to clear_refs resets VmHWM to the current RSS.
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }
}

/// A deterministic synthetic season in the CNEMC hourly format: a shared day-to-day "weather" factor (AR(1)),
/// a factor per station, a daily cycle (PM and NO2 high at night, O3 in the afternoon) and noise; about 1 % of
/// values missing.
struct SeasonGenerator {
    var stations: [String]
    var firstDay: Int
    var days: Int
    var seed: UInt64

    static let header =
        "timepoint,stationcode,positionname,primarypollutant,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,"
        + "o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h\n"

    /// Writes one file per day (hours ending 01:00 … 24:00) and returns their paths.
    func write(into directory: String) throws -> [String] {
        var random = SplitMix64(seed: seed)
        let stationFactor = stations.map { _ in 0.7 + 0.6 * random.unit() }
        var weather = 1.0
        var paths: [String] = []
        for day in 0..<days {
            weather = max(0.3, min(4.5, 0.75 * weather + 0.25 * (0.4 + 2.4 * random.unit() * random.unit() * 2)))
            var out: [UInt8] = Array(Self.header.utf8)
            out.reserveCapacity(stations.count * 24 * 90)
            for hour in 1...24 {
                let stamp = Array(HourStamp(dayNumber: firstDay + day, hour: hour).timepoint.utf8)
                let night = 1 + 0.25 * cos(2 * Double.pi * Double(hour - 23) / 24)
                let sun = hour >= 8 && hour <= 19 ? sin(Double.pi * Double(hour - 7) / 13) : 0.1
                for (index, code) in stations.enumerated() {
                    let level = weather * stationFactor[index]
                    let noise = 0.8 + 0.4 * random.unit()
                    let pm25 = max(1, (35 * level * night * noise).rounded())
                    let pm10 = (pm25 * (1.3 + 0.4 * random.unit())).rounded()
                    let no2 = (15 + 25 * level * night * noise).rounded()
                    let so2 = (4 + 8 * level * noise).rounded()
                    let co = ((0.3 + 0.5 * level * noise) * 10).rounded() / 10
                    let o3 = max(2, (80 * sun / weather + 10 * random.unit()).rounded())
                    out += stamp
                    out.append(44)
                    out += Array(code.utf8)
                    out += Array(",Site,,,".utf8)
                    for (value, decimals) in [
                        (pm10, 0), (pm10, 0), (pm25, 0), (pm25, 0), (o3, 0), (o3, 0), (o3, 0), (o3, 0), (no2, 0),
                        (no2, 0), (so2, 0), (so2, 0), (co, 1), (co, 1),
                    ] {
                        if random.unit() >= 0.01 { Self.append(value, decimals: decimals, to: &out) }
                        out.append(44)
                    }
                    out.removeLast()
                    out.append(10)
                }
            }
            let path = directory + "/cnemc-" + HourStamp.dateText(dayNumber: firstDay + day) + ".csv"
            try Data(out).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        return paths
    }

    static func append(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        let scaled = Int((value * (decimals == 0 ? 1 : 10)).rounded())
        let whole = decimals == 0 ? scaled : scaled / 10
        out += Array(String(whole).utf8)
        if decimals == 1 {
            out.append(46)
            out.append(UInt8(48 + scaled % 10))
        }
    }
}

/// Every station's daily series and season statistics, and the city's, from the in-memory grids.
enum SeasonComputation {
    struct Result {
        var stationDays: Int
        var cityDays: Int
        var cityPM25: Double
        var cityHeavyDays: Int
        var cityComposite: Double
        var worstStation: String
        var worstComposite: Double
    }

    static func run(grids: [HourlyGrid], registry: [Station], firstDay: Int, days: Int) async -> Result {
        let halves = [
            grids.enumerated().filter { $0.offset % 2 == 0 }.map(\.element),
            grids.enumerated().filter { $0.offset % 2 == 1 }.map(\.element),
        ]
        let perGrid = await withTaskGroup(of: [(Int, [[DailyStatistics]])].self) { group in
            for half in halves {
                group.addTask { half.map { ($0.firstDay, $0.dailyStatistics()) } }
            }
            var all: [(Int, [[DailyStatistics]])] = []
            for await part in group { all += part }
            return all.sorted { $0.0 < $1.0 }
        }
        var stationSeries = Array(repeating: [DailyStatistics](), count: registry.count)
        var cityDays: [DailyStatistics] = []
        for (day, stationsOfDay) in perGrid {
            var assessment: [DailyStatistics] = []
            for (index, series) in stationsOfDay.enumerated() {
                stationSeries[index] += series
                if registry[index].kind.isAssessment { assessment += series }
            }
            cityDays.append(DailyStatistics.city(assessment, dayNumber: day))
        }
        let summaries = stationSeries.map { SeasonSummary(days: $0) }
        let city = SeasonSummary(days: cityDays)
        let status = SeasonStatus(
            days: cityDays.map { SeasonStatus.Day($0) }, firstDay: firstDay, lastDay: firstDay + days - 1,
            asOfDay: firstDay + days - 1,
            targets: .init(pm25Mean: 48.7, heavyDays: 7))
        let worst = summaries.enumerated().max { ($0.element.compositeIndex ?? 0) < ($1.element.compositeIndex ?? 0) }
        return Result(
            stationDays: stationSeries.reduce(0) { $0 + $1.count }, cityDays: cityDays.count,
            cityPM25: status.pm25Mean ?? .nan, cityHeavyDays: status.heavyDays,
            cityComposite: city.compositeIndex ?? .nan,
            worstStation: worst.map { registry[$0.offset].code } ?? "",
            worstComposite: worst?.element.compositeIndex ?? .nan)
    }
}
