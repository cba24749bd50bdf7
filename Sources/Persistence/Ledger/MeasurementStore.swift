import FluentKit
import Foundation
import LantianCore
import Ledger
import SQLKit

/// Stores the monthly per-county measurements. A save is one transaction: the cells given are set (or cleared),
/// the others left, with one audit entry listing every cell changed, before and after.
public struct MeasurementStore: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Every stored value, by measurement code.
    public func values() async throws -> [String: [MonthlyMeasurement.Value]] {
        let rows = try await (database as! any SQLDatabase).select().columns("code", "county", "month", "value")
            .from("measurements").orderBy("code").orderBy("county").orderBy("month")
            .all(decoding: ValueRow.self)
        return Dictionary(grouping: rows, by: \.code).mapValues { rows in
            rows.map { MonthlyMeasurement.Value(county: $0.county, month: $0.month, value: $0.value) }
        }
    }

    /// One cell to set: a value, or nil to clear it.
    public struct Cell: Sendable, Hashable {
        public var county: String
        public var month: String
        public var value: Double?

        public init(county: String, month: String, value: Double?) {
            self.county = county
            self.month = month
            self.value = value
        }
    }

    /// Sets `cells` of measurement `code`; returns how many changed.
    @discardableResult
    public func save(_ cells: [Cell], code: String, source: String, actor: AuditLog.Actor, at now: Date)
        async throws -> Int
    {
        try await database.writeTransaction(touching: [.measurements]) { db in
            let sql = db as! any SQLDatabase
            let stored = try await sql.select().columns("code", "county", "month", "value").from("measurements")
                .where("code", .equal, SQLBind(code)).all(decoding: ValueRow.self)
            let before = Dictionary(
                stored.map { ($0.county + "|" + $0.month, $0.value) }, uniquingKeysWith: { a, _ in a })
            var changes: [String: String] = [:]
            var after: [String: String] = [:]
            for cell in cells {
                let key = cell.county + "|" + cell.month
                let old = before[key]
                guard old != cell.value else { continue }
                changes[key] = old.map(NumberText.csv) ?? ""
                after[key] = cell.value.map(NumberText.csv) ?? ""
                try await sql.delete(from: "measurements").where("code", .equal, SQLBind(code))
                    .where("county", .equal, SQLBind(cell.county)).where("month", .equal, SQLBind(cell.month)).run()
                if let value = cell.value {
                    try await sql.insert(into: "measurements")
                        .columns("code", "county", "month", "value", "updated_by", "updated_at")
                        .values(
                            SQLBind(code), SQLBind(cell.county), SQLBind(cell.month), SQLBind(value),
                            SQLBind(actor.username), SQLBind(now)
                        ).run()
                }
            }
            if !after.isEmpty {
                try await AuditLog.record(
                    on: db, actor: actor, action: "measurement.save", entity: "measurements", entityID: code,
                    before: changes, after: after.merging(["source": source]) { a, _ in a }, at: now)
            }
            return after.count
        }
    }
}

private struct ValueRow: Decodable {
    var code: String
    var county: String
    var month: String
    var value: Double
}
