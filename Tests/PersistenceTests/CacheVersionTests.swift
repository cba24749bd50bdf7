import AirQuality
import Campaign
import FluentKit
import LantianTestSupport
import Persistence
import Seed
import Testing

/// Each write bumps the versions of the topics it touches and no other, so that a station-data import leaves
/// the report caches alone and a plan import leaves the season figures alone.
@Suite struct CacheVersionTests {
    @Test func writesBumpOnlyTheirTopics() async throws {
        try await withTestDatabase { db in
            let start = try await CacheVersions.read(on: db)
            #expect(CacheTopic.allCases.allSatisfy { start[$0] == 0 })

            try await AirQualityStore(database: db).upsertStations([
                Station(code: "2160A", name: "市监测站", kind: .nationalControl, county: "", longitude: nil, latitude: nil)
            ])
            let afterStations = try await CacheVersions.read(on: db)
            #expect(afterStations[.airData] == 1)
            #expect(afterStations[.reports] == 0 && afterStations[.plan] == 0 && afterStations[.units] == 0)

            try await PlanStore(database: db).importPlan(try PlanFile.read(SeedPlans.jincheng20212022), by: "test")
            let afterPlan = try await CacheVersions.read(on: db)
            #expect(afterPlan[.plan] == 1 && afterPlan[.units] == 1)
            #expect(afterPlan[.airData] == 1 && afterPlan[.reports] == 0)

            // A write that touches nothing cached (a sign-in failure) bumps nothing.
            try await LoginThrottle(database: db).recordFailure(username: "x", address: "127.0.0.1", at: .now)
            #expect(try await CacheVersions.read(on: db) == afterPlan)
        }
    }
}
