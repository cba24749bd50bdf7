import Emergency
import FluentKit
import Foundation
import LantianCore
import Persistence
import SourceMonitoring

/// Pollution-source monitoring (seed §(十三)) for the web app and the command line: the key-polluter list and its
/// coverage, outlets and limits, the online-monitoring import, the anomaly scan, the inspectors' week, checks and
/// the published list.
public struct OnlineMonitoring: Sendable {
    public let store: SourceStore
    let emergency: EmergencyStore

    public init(db: any Database) {
        store = SourceStore(database: db)
        emergency = EmergencyStore(database: db)
    }

    /// The floor of seed §(十三), percent.
    public static let coverageFloor = 65.0

    // MARK: Coverage

    public struct Coverage: Sendable {
        public var result: KeyPolluterCoverage.Result
        /// The registry, in its order.
        public var enterprises: [Enterprise]
        public var listed: [String: (by: String, at: Date)]
    }

    /// The listed share of the registry's industrial VOCs and NOx, and the fewest additions to the floor.
    public func coverage() async throws -> Coverage {
        let enterprises = try await emergency.enterprises()
        let listed = try await store.keyPolluters()
        let result = KeyPolluterCoverage.evaluate(
            enterprises.map { .init(id: $0.id, vocs: $0.emissions.vocs, nox: $0.emissions.nox) },
            keys: Set(listed.keys), floor: Self.coverageFloor)
        return Coverage(result: result, enterprises: enterprises, listed: listed)
    }

    /// Lists or unlists an enterprise of the registry; false when the registry has no such enterprise.
    public func setKeyPolluter(_ enterprise: String, listed: Bool, actor: AuditLog.Actor, at now: Date) async throws
        -> Bool
    {
        guard try await emergency.enterprises().contains(where: { $0.id == enterprise }) else { return false }
        try await store.setKeyPolluter(enterprise, listed: listed, actor: actor, at: now)
        return true
    }

    // MARK: Register

    /// Replaces the outlet register from an uploaded table.
    public func importOutlets(_ data: Data, file: String, actor: AuditLog.Actor, at now: Date) async throws
        -> TableImportOutcome
    {
        let known = Set(try await emergency.enterprises().map(\.id))
        return try await .importing(
            data, file: file, read: { OutletRegister.outlets($0, enterprises: known) },
            store: { try await store.replaceOutlets($0, file: file, actor: actor, at: now) })
    }

    /// Sets outlets' limits from an uploaded table; every outlet named must be registered.
    public func importLimits(_ data: Data, file: String, actor: AuditLog.Actor, at now: Date) async throws
        -> TableImportOutcome
    {
        let known = Set(try await store.outlets().map(\.mn))
        return try await .importing(
            data, file: file,
            read: { rows in
                var read = OutletRegister.limits(rows)
                for (index, row) in read.records.enumerated() where !known.contains(row.mn) {
                    read.problem(index + 2, "mn", "排放口 \(row.mn) 不在名录中")
                }
                return read
            },
            store: { rows in
                try await store.replaceLimits(rows, file: file, actor: actor, at: now)
                return rows.count
            })
    }

    /// Imports a file of online-monitoring data (layout (a) or (b)); devices must be on the register once it
    /// has outlets.
    public func importData(
        file: String, next: @escaping @Sendable () throws -> [UInt8]?, actor: AuditLog.Actor, at now: Date
    ) async throws -> SourceImport.Summary {
        let outlets = try await store.outlets()
        return try await SourceImport(database: store.database).run(
            file: file, next: next, knownDevices: outlets.isEmpty ? nil : Set(outlets.map(\.mn)), actor: actor,
            at: now)
    }

    // MARK: Scan

    /// Weeks of history the scan reads before the days it reports (the pattern rules compare with them).
    public static let historyWeeks = 8

    public struct Scanned: Sendable {
        public var outlet: Outlet?
        public var series: OutletSeries
        /// Hits overlapping the days asked for.
        public var hits: [AnomalyScan.Hit]
    }

    /// A device's hits overlapping `days` (civil days, Beijing), scanned over the days with `historyWeeks` of
    /// history before; checks recorded for it open inspection windows.
    public func scan(mn: String, days: ClosedRange<CivilDate>, outlet known: Outlet? = nil) async throws -> Scanned {
        var outlet = known
        if outlet == nil { outlet = try await store.outlets().first { $0.mn == mn } }
        let from = MinuteStamp(day: days.lowerBound, hour: 0)
        let to = MinuteStamp(day: days.upperBound.adding(days: 1), hour: 0)
        let historyStart = from.adding(minutes: -Self.historyWeeks * 7 * 1440)
        let blocks = try await store.blocks(
            mn: mn, months: HourBlock.month(of: historyStart)...HourBlock.month(of: to.adding(minutes: -1)))
        var series = OutletSeries(mn: mn, blocks: blocks).clipped(historyStart..<to)
        series.mn = mn
        let inspections = try await store.checks(mn: mn).map(\.checkedAt)
        let limits = (outlet?.limits ?? [:]).mapValues(\.limit)
        let hits = AnomalyScan.scan(series, limits: limits, inspections: inspections).filter {
            $0.to > from && $0.from < to
        }
        return Scanned(outlet: outlet, series: series, hits: hits)
    }

    public struct Suspect: Sendable {
        public var entry: SuspectRanking.Entry
        public var outlet: Outlet?
        public var enterprise: Enterprise?
        public var hits: [AnomalyScan.Hit]

        public init(entry: SuspectRanking.Entry, outlet: Outlet?, enterprise: Enterprise?, hits: [AnomalyScan.Hit]) {
            self.entry = entry
            self.outlet = outlet
            self.enterprise = enterprise
            self.hits = hits
        }
    }

    /// The inspectors' list for the week starting `monday`: every device with stored hours, ranked.
    public func suspects(week monday: CivilDate) async throws -> [Suspect] {
        let outlets = Dictionary(try await store.outlets().map { ($0.mn, $0) }, uniquingKeysWith: { a, _ in a })
        let enterprises = Dictionary(
            try await emergency.enterprises().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var hits: [AnomalyScan.Hit] = []
        let week = monday...monday.adding(days: 6)
        let first = HourBlock.month(of: MinuteStamp(day: monday.adding(days: -7 * Self.historyWeeks), hour: 0))
        let last = HourBlock.month(of: MinuteStamp(day: monday.adding(days: 6), hour: 23))
        for device in try await store.devices() where device.last >= first && device.first <= last {
            hits += try await scan(mn: device.mn, days: week, outlet: outlets[device.mn]).hits
        }
        let byDevice = Dictionary(grouping: hits, by: \.mn)
        return SuspectRanking.rank(hits).map { entry in
            let outlet = outlets[entry.mn]
            return Suspect(
                entry: entry, outlet: outlet, enterprise: outlet.flatMap { enterprises[$0.enterprise] },
                hits: byDevice[entry.mn] ?? [])
        }
    }
}

extension OutletSeries {
    /// The hours within `range`.
    public func clipped(_ range: Range<MinuteStamp>) -> OutletSeries {
        let first = Swift.max(0, (range.lowerBound.value - start.value + 59) / 60)
        let end = Swift.min(count, (range.upperBound.value - start.value + 59) / 60)
        guard first < end else { return OutletSeries(mn: mn, start: range.lowerBound, count: 0, factors: [:]) }
        return OutletSeries(
            mn: mn, start: time(first), count: end - first, factors: factors.mapValues { Array($0[first..<end]) })
    }
}
