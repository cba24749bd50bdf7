import FluentKit
import Foundation
import LantianCore
import SQLKit
import SourceMonitoring

/// Imports a file of online-monitoring data, streamed: read in chunks by ``MonitoringStream``, gathered into
/// month blocks, merged into what is stored every few tens of megabytes, all in one transaction — a problem
/// anywhere in the file undoes the file. Idempotent: the same file again changes nothing; a different value for a
/// stored hour replaces it and is recorded as a correction.
public struct SourceImport: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public struct Summary: Sendable {
        public var file: String
        public var importID: UUID?
        public var lines = 0
        public var records = 0
        public var hours = 0
        public var blocks = 0
        public var corrections = 0
        public var problems: [ImportIssue] = []
        public var warnings: [ImportIssue] = []
        public var devices: Set<String> = []

        public var imported: Bool { problems.isEmpty }
    }

    private struct Refused: Error {
        var summary: Summary
    }

    /// Imports one file; `next` hands over its chunks (nil at the end). `knownDevices`, when given, refuses
    /// records of devices not on the outlet register.
    public func run(
        file: String, next: @escaping @Sendable () throws -> [UInt8]?, knownDevices: Set<String>? = nil,
        actor: AuditLog.Actor, at now: Date, flushBytes: Int = 48 << 20
    ) async throws -> Summary {
        do {
            return try await database.writeTransaction(touching: [.sources]) { db in
                let sql = db as! any SQLDatabase
                let id = UUID()
                try await sql.insert(into: "source_imports")
                    .columns(
                        "id", "file", "records", "hours", "corrections", "warnings", "imported_by", "imported_at"
                    )
                    .values(
                        SQLBind(id), SQLBind(file), SQLBind(0), SQLBind(0), SQLBind(0), SQLBind(0),
                        SQLBind(actor.username), SQLBind(now)
                    )
                    .run()
                var summary = Summary(file: file, importID: id)
                var stream = MonitoringStream()
                var gathered = BlockAccumulator()
                var unknown: [String: Int] = [:]
                func take(_ sample: MonitoringStream.Sample) {
                    if let knownDevices, !knownDevices.contains(sample.mn) {
                        if unknown[sample.mn] == nil { unknown[sample.mn] = sample.line }
                        return
                    }
                    gathered.add(sample)
                }
                while let chunk = try next() {
                    chunk.withUnsafeBytes { stream.feed($0, take) }
                    if gathered.heldBytes >= flushBytes, stream.problems.isEmpty, unknown.isEmpty {
                        try await Self.store(gathered.takeComplete(), importID: id, on: sql, into: &summary)
                    }
                }
                stream.finish(take)
                gathered.finish()
                summary.lines = stream.lines
                summary.records = stream.records
                summary.problems = stream.problems
                for (mn, line) in unknown.sorted(by: { $0.value < $1.value }) {
                    summary.problems.append(
                        ImportIssue(line: line, field: "MN", reason: "设备 \(mn) 不在排放口名录中：请先登记排放口"))
                }
                if stream.moreProblems > 0 {
                    summary.problems.append(
                        ImportIssue(line: stream.lines, field: "file", reason: "另有 \(stream.moreProblems) 处问题未列出"))
                }
                summary.warnings = stream.warnings + gathered.warnings
                guard summary.problems.isEmpty else { throw Refused(summary: summary) }
                try await Self.store(gathered.take(), importID: id, on: sql, into: &summary)
                summary.hours = gathered.hours
                try await sql.update("source_imports")
                    .set("records", to: SQLBind(summary.records)).set("hours", to: SQLBind(summary.hours))
                    .set("corrections", to: SQLBind(summary.corrections))
                    .set("warnings", to: SQLBind(summary.warnings.count))
                    .where("id", .equal, SQLBind(id)).run()
                try await AuditLog.record(
                    on: db, actor: actor, action: "sources.data.import", entity: "source_imports",
                    entityID: id.uuidString, before: Nothing?.none,
                    after: [
                        "file": file, "records": "\(summary.records)", "hours": "\(summary.hours)",
                        "corrections": "\(summary.corrections)", "devices": "\(summary.devices.count)",
                    ], at: now)
                return summary
            }
        } catch let refused as Refused {
            var summary = refused.summary
            summary.importID = nil
            return summary
        }
    }

    /// Merges `blocks` into the stored ones, writes them, records the corrections.
    private static func store(
        _ blocks: [BlockAccumulator.Key: [UInt8]], importID: UUID, on sql: any SQLDatabase,
        into summary: inout Summary
    ) async throws {
        guard !blocks.isEmpty else { return }
        let keys = blocks.keys.sorted { ($0.month, $0.mn, $0.factor) < ($1.month, $1.mn, $1.factor) }
        // Batches of one month: what is stored is looked up by key first, and only blocks that exist are read —
        // reading every block of the devices would read the whole year back for each month imported.
        var batches: [[BlockAccumulator.Key]] = []
        for key in keys {
            if let last = batches.last?.last, last.month == key.month, batches[batches.count - 1].count < 200 {
                batches[batches.count - 1].append(key)
            } else {
                batches.append([key])
            }
        }
        for batch in batches {
            let month = batch[0].month
            let devices = Array(Set(batch.map(\.mn)))
            let existing = try await sql.select().columns("mn", "factor").from("source_blocks")
                .where("month", .equal, SQLBind(month)).where("mn", .in, SQLBind.group(devices))
                .all()
            var stored: [BlockAccumulator.Key: [UInt8]] = [:]
            var found: [BlockAccumulator.Key] = []
            for row in existing {
                let key = BlockAccumulator.Key(
                    mn: try row.decode(column: "mn", as: String.self),
                    factor: try row.decode(column: "factor", as: String.self), month: month)
                if blocks[key] != nil { found.append(key) }
            }
            if !found.isEmpty {
                let rows = try await sql.select().columns("mn", "factor", "hours").from("source_blocks")
                    .where("month", .equal, SQLBind(month)).where("mn", .in, SQLBind.group(Array(Set(found.map(\.mn)))))
                    .where("factor", .in, SQLBind.group(Array(Set(found.map(\.factor)))))
                    .all()
                for row in rows {
                    let key = BlockAccumulator.Key(
                        mn: try row.decode(column: "mn", as: String.self),
                        factor: try row.decode(column: "factor", as: String.self), month: month)
                    if blocks[key] != nil { stored[key] = [UInt8](try row.decode(column: "hours", as: Data.self)) }
                }
            }
            var insert = sql.insert(into: "source_blocks").columns("mn", "factor", "month", "hours")
            var corrections: [BlockAccumulator.Correction] = []
            for key in batch {
                let merged = BlockAccumulator.merge(blocks[key]!, into: stored[key], key: key)
                corrections += merged.corrections
                insert = insert.values(
                    SQLBind(key.mn), SQLBind(key.factor), SQLBind(key.month), SQLBind(Data(merged.block)))
                summary.devices.insert(key.mn)
            }
            try await insert.onConflict(with: ["mn", "factor", "month"]) { $0.set(excludedValueOf: "hours") }.run()
            summary.blocks += batch.count
            summary.corrections += corrections.count
            for part in stride(from: 0, to: corrections.count, by: 500) {
                var rows = sql.insert(into: "source_corrections").columns(
                    "import_id", "mn", "factor", "hour", "before", "after")
                for c in corrections[part..<min(part + 500, corrections.count)] {
                    rows = rows.values(
                        SQLBind(importID), SQLBind(c.mn), SQLBind(c.factor), SQLBind(c.hour.value),
                        SQLBind(text(c.before)), SQLBind(text(c.after)))
                }
                try await rows.run()
            }
        }
    }

    /// `N 12.3`, `N 12.3（折算 15.4）`, `D —`.
    static func text(_ hour: OutletSeries.Hour) -> String {
        "\(hour.flag) \(hour.value.map { NumberText.csv($0) } ?? "—")"
            + (hour.corrected.map { "（折算 \(NumberText.csv($0))）" } ?? "")
    }
}
