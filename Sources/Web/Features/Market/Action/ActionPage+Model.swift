import Foundation
import LantianCore
import MarketSupervision
import Persistence
import Services

/// What a special action's page shows: how far it has run, the daily tally by type, totals by type and county,
/// the fuel seized, the finds with their handling, and the summary the bulletin quotes.
extension ActionPage {
    struct Model {
        struct Find {
            var id: UUID
            var day: String
            var kind: String
            var place: String
            var county: String
            var volume: String
            var handling: String
            var police: Bool
            var stage: String
            /// Stages it may move to (code, label); empty once closed or for a reader.
            var next: [(String, String)]
        }

        var id: UUID
        var title: String
        var period: String
        var progress: String
        var kinds: [String]
        var days: [(day: String, counts: [Int])]
        var byKind: [Int]
        var total: Int
        var volume: String
        var transferred: Int
        var finds: [Find]
        var summary: String
        var outside: Int
        var mayRecord: Bool
        var kindOptions: [(String, String)]
        var counties: [(String, String)]
        var today: String
        var values: [String: String]
        var errors: [String]
    }
}

extension ActionPage.Model {
    init(
        _ stored: MarketStore.StoredAction, cases: [MarketStore.StoredCase], bureaus: MarketBureaus,
        access: MarketAccess, today: CivilDate, values: [String: String] = [:], errors: [String] = []
    ) {
        let action = stored.action
        id = stored.id
        title = action.title
        period = "\(action.start) 至 \(action.end)（\(action.length) 天）"
        let run = action.daysRun(by: today)
        progress = run == 0 ? "尚未开始" : run >= action.length ? "已结束" : "第 \(run) 天"
        let finds = cases.map {
            BlackStationAction.Find(
                kind: $0.kind, county: $0.county, day: $0.openedOn, volume: $0.volume,
                transferredToPolice: $0.police)
        }
        let tally = action.tally(finds, today: today)
        kinds = BlackStationAction.kinds.map(\.chinese)
        days = tally.days.reversed().map { ($0.day.description, $0.counts) }
        byKind = tally.byKind
        total = tally.total
        volume = NSDecimalNumber(decimal: tally.volume).stringValue
        transferred = tally.transferred
        outside = tally.outside
        self.finds = cases.sorted { ($0.openedOn, $0.title) > ($1.openedOn, $1.title) }.map {
            Find(
                id: $0.id, day: $0.openedOn.description, kind: $0.kind.chinese, place: $0.place,
                county: bureaus.countyName($0.county), volume: $0.volume ?? "", handling: $0.handling,
                police: $0.police, stage: $0.stage.chinese,
                next: access.mayWork(in: $0.county) ? $0.stage.next.map { ($0.rawValue, $0.chinese) } : [])
        }
        summary = action.summary(tally, today: today, countyName: bureaus.countyName)
        mayRecord = access.mayRecord
        kindOptions = BlackStationAction.kinds.map { ($0.rawValue, $0.chinese) }
        counties = bureaus.counties.filter { access.mayWork(in: $0.code) }.map {
            ($0.code, bureaus.countyName($0.code))
        }
        self.today = today.description
        self.values = values
        self.errors = errors
    }
}
