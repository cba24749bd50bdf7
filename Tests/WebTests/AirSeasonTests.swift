import AirQuality
import Foundation
import LantianCore
import Persistence
import Testing
import Vapor

extension WebTests {
    /// The previous season over the same dates: 2021-01-01 … 10 stored for the four assessment stations at
    /// PM2.5 80 (7 days) and 160 (3 days, IAQI 200 + 100·10/100 = 210, heavy): mean 104.0, 3 heavy days. This
    /// season to 2022-01-10: the bundled rows' mean 79.175 (worked out from the CSV independently) — a change of
    /// −24.825 µg/m³, −23.9 %.
    @Test func seasonComparesWithThePreviousSeason() async throws {
        try await withLantian(at: "2022-01-11T10:00:00+08:00") { app, _, _ in
            var days: [(station: String, statistics: DailyStatistics)] = []
            for station in ["2160A", "2161A", "2162A", "2163A"] {
                for day in 1...10 {
                    let number = HourStamp.dayNumber(year: 2021, month: 1, day: day)
                    days.append(
                        (
                            station,
                            DailyStatistics(
                                dayNumber: number, means: [.pm25: day <= 7 ? 80 : 160], o3Max1h: nil, o3Max8h: nil)
                        ))
                }
            }
            try await AirQualityStore(database: app.db).upsertDays(days, source: "test")
            try await makeUser(app, "office1", role: "officeAdmin", unit: "office")
            var office = Browser(app)
            try await office.login("office1")

            let page = try await office.get("/air?asOf=2022-01-10").body.string
            #expect(page.contains("79.2 µg/m³"))
            #expect(page.contains("104.0 µg/m³"))
            #expect(page.contains("-24.8 µg/m³（-23.9%）"))
            #expect(page.components(separatedBy: "<svg").count - 1 == 4)
            #expect(page.contains("目标 48.7"))
            // 80 days left after 102 (10 valid): (48.75 × 90 − 791.75) / 80 = 44.95 µg/m³, drawn and tabled.
            #expect(page.contains("剩余天数上限 44.9"))
            #expect(page.contains("≤ 44.9 µg/m³"))

            let api = try await office.get("/api/v1/air/season?asOf=2022-01-10")
            let json = try JSONSerialization.jsonObject(with: Data(api.body.readableBytesView)) as? [String: Any]
            let rows = json?["rows"] as? [[String: Any]] ?? []
            let pm25 = rows.first { $0["metric"] as? String == "pm25Mean" }
            #expect(abs((pm25?["soFar"] as? Double ?? 0) - 79.175) < 1e-9)
            #expect(pm25?["previousSameDates"] as? Double == 104)
            let heavy = rows.first { $0["metric"] as? String == "heavyDays" }
            #expect(heavy?["previousSameDates"] as? Double == 3)

            let daily = try await office.get("/air/daily.csv?asOf=2022-01-10").body.string
            let lines = daily.split(separator: "\r\n")
            #expect(lines.count == 11)
            #expect(lines[1].hasPrefix("2022-01-01,36.5,"))
            let months = try await office.get("/air/months.csv?asOf=2022-01-10").body.string.split(separator: "\r\n")
            #expect(months.count == 5)  // header, 2021-10 … 2022-01
            #expect(months[4].hasPrefix("2022年1月,79.175,10,否,104,10,否"))
            let stations = try await office.get("/air/stations.csv?asOf=2022-01-10").body.string.split(
                separator: "\r\n")
            #expect(stations.count == 6)
        }
    }

    /// 2160A on 2022-01-01 (its 2022-01-02T00 row): O3 maxima 94 (1 h) and 84 (8 h) are read back, and the daily AQI
    /// is PM10's 71 µg/m³ → 50 + 50·21/100 = 60.5 → 61.
    @Test func airAPIServesStoredDays() async throws {
        try await withLantian(at: "2022-04-01T10:00:00+08:00") { app, _, _ in
            try await makeUser(app, "viewer1", role: "viewer", unit: "office")
            var viewer = Browser(app)
            try await viewer.login("viewer1")
            let response = try await viewer.get("/api/v1/air/days?from=2022-01-01&to=2022-01-01&station=2160A")
            let days = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]]
            #expect(days?.count == 1)
            #expect(days?.first?["o3Max1h"] as? Double == 94)
            #expect(days?.first?["o3Max8h"] as? Double == 84)
            #expect(days?.first?["aqi"] as? Int == 61)
            #expect(try await viewer.get("/api/v1/air/days?from=2022-01-02&to=2022-01-01").status == .badRequest)
            let city = try await viewer.get("/api/v1/air/days?from=2022-01-01&to=2022-03-31")
            #expect((try JSONSerialization.jsonObject(with: Data(city.body.readableBytesView)) as? [Any])?.count == 90)
        }
    }

    /// The upload form: office only; a re-upload changes nothing, a correction is listed; a bad header imports
    /// nothing and says so.
    @Test func airDataUpload() async throws {
        try await withLantian(at: "2022-04-12T10:00:00+08:00") { app, _, _ in
            try await makeUser(app, "office1", role: "officeAdmin", unit: "office")
            try await makeUser(app, "zz-leader", role: "unitLeader", unit: "zezhou")
            var day =
                "timepoint,stationcode,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h\n"
            for hour in 1...24 {
                let stamp = hour == 24 ? "2022-04-11T00:00:00" : "2022-04-10T\(hour < 10 ? "0" : "")\(hour):00:00"
                day += "\(stamp),2160A,,40,40,\(hour),20,60,60,60,60,20,20,5,5,0.5,0.5\n"
            }
            var county = Browser(app)
            try await county.login("zz-leader")
            #expect(try await county.get("/air/import").status == .forbidden)

            var office = Browser(app)
            try await office.login("office1")
            try await office.get("/air/import")
            let file = (field: "file", name: "2160A-0410.csv", type: "text/csv", data: Data(day.utf8))
            let first = try await office.postMultipart(
                "/air/import", [("layout", "auto"), ("register", "")], files: [file])
            #expect(first.status == .ok)
            #expect(first.body.string.contains("新增 24"))
            let again = try await office.postMultipart(
                "/air/import", [("layout", "auto"), ("register", "")], files: [file])
            #expect(again.body.string.contains("新增 0，更正 0"))
            let corrected = (
                field: "file", name: "2160A-0410-v2.csv", type: "text/csv",
                data: Data(
                    day.replacingOccurrences(
                        of: "2022-04-10T05:00:00,2160A,,40,40,5,", with: "2022-04-10T05:00:00,2160A,,40,40,29,"
                    ).utf8)
            )
            let third = try await office.postMultipart(
                "/air/import", [("layout", "auto"), ("register", "")], files: [corrected])
            #expect(third.body.string.contains("更正 1（1 个数值）"))
            #expect(third.body.string.contains("2022-04-10T05:00:00"))
            #expect(third.body.string.contains("2160A-0410-v2.csv"))

            let bad = (field: "file", name: "bad.csv", type: "text/csv", data: Data("date,hour,kind\n1,2,3\n".utf8))
            let refused = try await office.postMultipart(
                "/air/import", [("layout", "auto"), ("register", "")], files: [bad])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("未导入任何数据"))
        }
    }
}
