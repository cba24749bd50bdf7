import FluentKit
import Foundation
import LantianCore
import SQLKit
import SourceMonitoring

/// Stores pollution-source monitoring: the key-polluter list, outlets and their limits, online-monitoring hours
/// in month blocks, imports with their corrections, and inspectors' on-site checks. Every write is one transaction
/// with its audit entry and counts a `sources` cache version.
public struct SourceStore: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    var sql: any SQLDatabase { database as! any SQLDatabase }

    // MARK: Key polluters

    /// Listed enterprises (the registry's codes) with who listed them and when.
    public func keyPolluters() async throws -> [String: (by: String, at: Date)] {
        let rows = try await sql.select().column("*").from("source_key_polluters").all(decoding: KeyPolluterRow.self)
        return Dictionary(rows.map { ($0.enterprise, ($0.listed_by, $0.listed_at)) }, uniquingKeysWith: { a, _ in a })
    }

    /// Lists or unlists an enterprise.
    public func setKeyPolluter(_ enterprise: String, listed: Bool, actor: AuditLog.Actor, at now: Date) async throws {
        try await database.writeTransaction(touching: [.sources]) { db in
            let sql = db as! any SQLDatabase
            try await sql.delete(from: "source_key_polluters").where("enterprise", .equal, SQLBind(enterprise)).run()
            if listed {
                try await sql.insert(into: "source_key_polluters").columns("enterprise", "listed_by", "listed_at")
                    .values(SQLBind(enterprise), SQLBind(actor.username), SQLBind(now)).run()
            }
            try await AuditLog.record(
                on: db, actor: actor, action: listed ? "sources.key.list" : "sources.key.unlist",
                entity: "source_key_polluters", entityID: enterprise, before: Nothing?.none,
                after: ["listed": listed ? "yes" : "no"], at: now)
        }
    }

    // MARK: Outlets and limits

    /// Every device's limits by factor.
    public func limits() async throws -> [String: [String: Outlet.LimitRule]] {
        var byOutlet: [String: [String: Outlet.LimitRule]] = [:]
        for row in try await sql.select().column("*").from("source_limits").all(decoding: LimitRow.self) {
            byOutlet[row.mn, default: [:]][row.factor] = Outlet.LimitRule(
                limit: .init(limit: row.limit_value, o2Reference: row.o2_ref), standard: row.standard)
        }
        return byOutlet
    }

    /// The outlet register in its order, each with its limits.
    public func outlets() async throws -> [Outlet] {
        let byOutlet = try await limits()
        return try await sql.select().column("*").from("source_outlets").orderBy("position")
            .all(decoding: OutletRow.self)
            .map { row in
                Outlet(
                    mn: row.mn, enterprise: row.enterprise, name: row.name,
                    factors: row.factors.split(separator: ",").map(String.init), installed: row.installed,
                    networked: row.networked, networkedOn: row.networked_on.flatMap { CivilDate($0) },
                    limits: byOutlet[row.mn] ?? [:])
            }
    }

    /// Replaces the register with `outlets` (their limits kept); returns how many were new.
    @discardableResult
    public func replaceOutlets(_ outlets: [Outlet], file: String, actor: AuditLog.Actor, at now: Date) async throws
        -> Int
    {
        let before = Set(try await self.outlets().map(\.mn))
        return try await database.writeTransaction(touching: [.sources]) { db in
            let sql = db as! any SQLDatabase
            try await sql.delete(from: "source_outlets").run()
            for (position, outlet) in outlets.enumerated() {
                try await sql.insert(into: "source_outlets")
                    .columns(
                        "mn", "position", "enterprise", "name", "factors", "installed", "networked", "networked_on"
                    )
                    .values(
                        SQLBind(outlet.mn), SQLBind(position), SQLBind(outlet.enterprise), SQLBind(outlet.name),
                        SQLBind(outlet.factors.joined(separator: ",")), SQLBind(outlet.installed),
                        SQLBind(outlet.networked), SQLBind(outlet.networkedOn?.description)
                    )
                    .run()
            }
            let added = outlets.filter { !before.contains($0.mn) }.count
            try await AuditLog.record(
                on: db, actor: actor, action: "sources.outlets.import", entity: "source_outlets", entityID: nil,
                before: ["outlets": "\(before.count)"],
                after: ["file": file, "outlets": "\(outlets.count)", "added": "\(added)"], at: now)
            return added
        }
    }

    /// Sets the limits `rows` name (each outlet named has its limits replaced by its rows).
    public func replaceLimits(_ rows: [OutletRegister.LimitRow], file: String, actor: AuditLog.Actor, at now: Date)
        async throws
    {
        try await database.writeTransaction(touching: [.sources]) { db in
            let sql = db as! any SQLDatabase
            for mn in Set(rows.map(\.mn)).sorted() {
                try await sql.delete(from: "source_limits").where("mn", .equal, SQLBind(mn)).run()
            }
            for row in rows {
                try await sql.insert(into: "source_limits")
                    .columns("mn", "factor", "limit_value", "o2_ref", "standard")
                    .values(
                        SQLBind(row.mn), SQLBind(row.factor), SQLBind(row.rule.limit.limit),
                        SQLBind(row.rule.limit.o2Reference), SQLBind(row.rule.standard)
                    )
                    .onConflict(with: ["mn", "factor"]) {
                        $0.set(excludedValueOf: "limit_value").set(excludedValueOf: "o2_ref")
                            .set(excludedValueOf: "standard")
                    }
                    .run()
            }
            try await AuditLog.record(
                on: db, actor: actor, action: "sources.limits.import", entity: "source_limits", entityID: nil,
                before: Nothing?.none, after: ["file": file, "limits": "\(rows.count)"], at: now)
        }
    }

    // MARK: Hours

    /// A device's stored month blocks within `months` (year × 12 + month − 1), all when nil.
    public func blocks(mn: String, months: ClosedRange<Int>? = nil) async throws -> [(
        factor: String, month: Int, bytes: [UInt8]
    )] {
        var query = sql.select().columns("factor", "month", "hours").from("source_blocks")
            .where("mn", .equal, SQLBind(mn))
        if let months {
            query = query.where("month", .greaterThanOrEqual, SQLBind(months.lowerBound))
                .where("month", .lessThanOrEqual, SQLBind(months.upperBound))
        }
        return try await query.all().map { row in
            (
                try row.decode(column: "factor", as: String.self), try row.decode(column: "month", as: Int.self),
                [UInt8](try row.decode(column: "hours", as: Data.self))
            )
        }
    }

    /// Devices with stored hours, and the months they span.
    public func devices() async throws -> [(mn: String, first: Int, last: Int)] {
        try await sql.raw(
            "SELECT mn, MIN(month) AS first, MAX(month) AS last FROM source_blocks GROUP BY mn ORDER BY mn"
        )
        .all(decoding: DeviceRow.self).map { ($0.mn, $0.first, $0.last) }
    }

    // MARK: Imports

    public struct StoredImport: Sendable, Hashable {
        public var id: UUID
        public var file: String
        public var records: Int
        public var hours: Int
        public var corrections: Int
        public var warnings: Int
        public var importedBy: String
        public var importedAt: Date
    }

    /// Imports, newest first.
    public func imports(limit: Int = 20) async throws -> [StoredImport] {
        try await sql.select().column("*").from("source_imports").orderBy("imported_at", .descending).limit(limit)
            .all(decoding: ImportRow.self)
            .map {
                StoredImport(
                    id: $0.id, file: $0.file, records: $0.records, hours: $0.hours, corrections: $0.corrections,
                    warnings: $0.warnings, importedBy: $0.imported_by, importedAt: $0.imported_at)
            }
    }

    /// A stored correction: the hour, and the flag and values before and after as text (`N 12.3 / 15.4`).
    public struct StoredCorrection: Sendable, Hashable, Decodable {
        public var mn: String
        public var factor: String
        public var hour: Int
        public var before: String
        public var after: String
    }

    public func corrections(mn: String, limit: Int = 50) async throws -> [StoredCorrection] {
        try await sql.select().columns("mn", "factor", "hour", "before", "after").from("source_corrections")
            .where("mn", .equal, SQLBind(mn)).orderBy("hour", .descending).limit(limit)
            .all(decoding: StoredCorrection.self)
    }
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct KeyPolluterRow: Decodable {
    var enterprise: String
    var listed_by: String
    var listed_at: Date
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct OutletRow: Decodable {
    var mn: String
    var enterprise: String
    var name: String
    var factors: String
    var installed: Bool
    var networked: Bool
    var networked_on: String?
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct LimitRow: Decodable {
    var mn: String
    var factor: String
    var limit_value: Double
    var o2_ref: Double?
    var standard: String
}

private struct DeviceRow: Decodable {
    var mn: String
    var first: Int
    var last: Int
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct ImportRow: Decodable {
    var id: UUID
    var file: String
    var records: Int
    var hours: Int
    var corrections: Int
    var warnings: Int
    var imported_by: String
    var imported_at: Date
}
