import Foundation
import LantianCore

/// 打击黑加油站点专项行动: an action of a fixed number of days (the forwarding notice: 30), the finds recorded as
/// cases of the four types, a daily tally and the end-of-action summary the bulletin quotes.
public struct BlackStationAction: Hashable, Sendable {
    public var title: String
    public var start: CivilDate
    /// The last day, included.
    public var end: CivilDate

    public init(title: String, start: CivilDate, end: CivilDate) {
        self.title = title
        self.start = start
        self.end = end
    }

    /// Days from start to end, both included.
    public var length: Int { end.dayNumber - start.dayNumber + 1 }

    /// Days of the action that have begun by `day` (0 before the start, ``length`` from the end on).
    public func daysRun(by day: CivilDate) -> Int {
        max(0, min(length, day.dayNumber - start.dayNumber + 1))
    }

    /// One find of the action.
    public struct Find: Hashable, Sendable {
        public var kind: CaseFile.Kind
        public var county: String
        public var day: CivilDate
        /// Fuel seized as written (litres).
        public var volume: String?
        public var transferredToPolice: Bool

        public init(kind: CaseFile.Kind, county: String, day: CivilDate, volume: String?, transferredToPolice: Bool) {
            self.kind = kind
            self.county = county
            self.day = day
            self.volume = volume
            self.transferredToPolice = transferredToPolice
        }
    }

    /// The four types of find, in the order the notice names them.
    public static let kinds: [CaseFile.Kind] = [.fixedStation, .mobileTanker, .storageTank, .illegalSale]

    /// The tally of `finds` up to `today`: per day of the action that has begun, per type, per county, the fuel
    /// seized (summed exactly as decimals) and the transfers to the police.
    public struct Tally: Hashable, Sendable {
        public var days: [(day: CivilDate, counts: [Int])]
        public var byKind: [Int]
        public var byCounty: [String: Int]
        public var volume: Decimal
        public var transferred: Int
        public var total: Int
        /// Finds dated outside the action's days (reported, not counted).
        public var outside: Int

        public static func == (a: Tally, b: Tally) -> Bool {
            a.days.map(\.day) == b.days.map(\.day) && a.days.map(\.counts) == b.days.map(\.counts)
                && a.byKind == b.byKind && a.byCounty == b.byCounty && a.volume == b.volume
                && a.transferred == b.transferred && a.total == b.total && a.outside == b.outside
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(total) }
    }

    public func tally(_ finds: [Find], today: CivilDate) -> Tally {
        let run = daysRun(by: today)
        let inside = finds.filter { $0.day >= start && $0.day <= end && $0.day <= today }
        var days: [(day: CivilDate, counts: [Int])] = (0..<run).map {
            (start.adding(days: $0), Array(repeating: 0, count: Self.kinds.count))
        }
        var byKind = Array(repeating: 0, count: Self.kinds.count)
        var byCounty: [String: Int] = [:]
        var volume = Decimal(0)
        for find in inside {
            guard let k = Self.kinds.firstIndex(of: find.kind) else { continue }
            days[find.day.dayNumber - start.dayNumber].counts[k] += 1
            byKind[k] += 1
            byCounty[find.county, default: 0] += 1
            if let text = find.volume, let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) {
                volume += value
            }
        }
        return Tally(
            days: days, byKind: byKind, byCounty: byCounty, volume: volume,
            transferred: inside.filter(\.transferredToPolice).count, total: inside.count,
            outside: finds.filter { $0.day < start || $0.day > end }.count)
    }

    /// The paragraph the dispatch bulletin quotes: dates, days run, finds by type, fuel seized, police transfers.
    public func summary(_ tally: Tally, today: CivilDate, countyName: (String) -> String) -> String {
        let run = daysRun(by: today)
        let state = run >= length ? "已结束" : "已开展\(run)天（共\(length)天）"
        let kinds = zip(Self.kinds, tally.byKind).filter { $0.1 > 0 }.map { "\($0.0.chinese)\($0.1)起" }
        let counties = tally.byCounty.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "\(countyName($0.key))\($0.value)起" }
        var text = "\(title)（\(start)至\(end)）\(state)，共查处\(tally.total)起"
        if !kinds.isEmpty { text += "，其中" + kinds.joined(separator: "、") }
        if !counties.isEmpty { text += "；分县区：" + counties.joined(separator: "、") }
        text += "；查扣油品\(NSDecimalNumber(decimal: tally.volume).stringValue)升，移送公安机关\(tally.transferred)起。"
        return text
    }
}
