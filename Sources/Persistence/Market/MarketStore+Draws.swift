import FluentKit
import Foundation
import LantianCore
import MarketSupervision
import SQLKit

extension MarketStore {
    /// A stored draw: its published inputs, and once drawn its seed and result.
    public struct StoredDraw: Sendable, Hashable {
        public var id: UUID
        public var title: String
        public var objectKind: String
        /// `count:N` or `ratio:R`.
        public var size: String
        public var perObject: Int
        public var strata: RandomDraw.Strata
        /// 检查事项: what the inspectors check, one item per line.
        public var items: String
        public var objectsCSV: String
        public var inspectorsCSV: String
        public var inputsHash: String
        /// Where the seed will come from, fixed when the inputs are (e.g. a lottery draw on a named day).
        public var seedSource: String
        public var seed: String?
        /// `object,inspector` rows with a header.
        public var resultCSV: String?
        public var drawnOn: CivilDate?
        public var publishBy: CivilDate?
        public var publishedOn: CivilDate?
        public var createdBy: String
    }

    /// Fixes a draw's inputs (the files and their hash) and the seed's source; returns its id.
    public func createDraw(
        title: String, objectKind: String, size: String, perObject: Int, strata: RandomDraw.Strata, items: String,
        objectsCSV: String,
        inspectorsCSV: String, inputsHash: String, seedSource: String, actor: AuditLog.Actor, at now: Date
    ) async throws -> UUID {
        try await database.writeTransaction(touching: [.market]) { db in
            let id = UUID()
            try await (db as! any SQLDatabase).insert(into: "market_draws")
                .columns(
                    "id", "title", "object_kind", "size", "per_object", "stratify", "strata", "items", "objects_csv",
                    "inspectors_csv", "inputs_hash", "seed_source", "created_by", "created_at"
                )
                .values(
                    SQLBind(id), SQLBind(title), SQLBind(objectKind), SQLBind(size), SQLBind(perObject),
                    SQLBind(strata == .county), SQLBind(strata.rawValue), SQLBind(items), SQLBind(objectsCSV),
                    SQLBind(inspectorsCSV), SQLBind(inputsHash),
                    SQLBind(seedSource), SQLBind(actor.username), SQLBind(now)
                ).run()
            try await AuditLog.record(
                on: db, actor: actor, action: "market.draw.create", entity: "market_draws", entityID: id.uuidString,
                before: Nothing?.none,
                after: [
                    "title": title, "size": size, "strata": strata.rawValue, "items": items, "inputsHash": inputsHash,
                    "seedSource": seedSource,
                ], at: now)
            return id
        }
    }

    /// Records the seed and the result; a draw is drawn once (a second seed is a ``Conflict``).
    public func recordDraw(
        _ id: UUID, seed: String, resultCSV: String, drawnOn: CivilDate, publishBy: CivilDate, actor: AuditLog.Actor,
        at now: Date
    ) async throws {
        try await database.writeTransaction(touching: [.market]) { db in
            let sql = db as! any SQLDatabase
            guard
                let row = try await sql.select().column("seed").from("market_draws").where("id", .equal, SQLBind(id))
                    .all(decoding: SeedRow.self).first
            else { throw Conflict(description: "没有这次抽取") }
            if row.seed != nil { throw Conflict(description: "该次抽取已经完成，随机数不能更改") }
            try await sql.update("market_draws").set("seed", to: SQLBind(seed))
                .set("result_csv", to: SQLBind(resultCSV)).set("drawn_on", to: SQLBind(drawnOn.description))
                .set("publish_by", to: SQLBind(publishBy.description)).where("id", .equal, SQLBind(id)).run()
            try await AuditLog.record(
                on: db, actor: actor, action: "market.draw.seed", entity: "market_draws", entityID: id.uuidString,
                before: Nothing?.none, after: ["seed": seed, "publishBy": publishBy.description], at: now)
        }
    }

    /// Marks a drawn result published on `day`.
    public func publishDraw(_ id: UUID, on day: CivilDate, actor: AuditLog.Actor, at now: Date) async throws {
        try await database.writeTransaction(touching: [.market]) { db in
            let sql = db as! any SQLDatabase
            guard
                let row = try await sql.select().columns("seed").from("market_draws")
                    .where("id", .equal, SQLBind(id)).all(decoding: SeedRow.self).first
            else { throw Conflict(description: "没有这次抽取") }
            guard row.seed != nil else { throw Conflict(description: "尚未抽取，不能公开结果") }
            try await sql.update("market_draws").set("published_on", to: SQLBind(day.description))
                .where("id", .equal, SQLBind(id)).where("published_on", .is, SQLLiteral.null).run()
            try await AuditLog.record(
                on: db, actor: actor, action: "market.draw.publish", entity: "market_draws",
                entityID: id.uuidString, before: Nothing?.none, after: ["publishedOn": day.description], at: now)
        }
    }

    /// Every draw, newest first.
    public func draws() async throws -> [StoredDraw] {
        try await (database as! any SQLDatabase).select().column("*").from("market_draws")
            .orderBy("created_at", .descending).all(decoding: DrawRow.self).map(\.stored)
    }

    public func draw(_ id: UUID) async throws -> StoredDraw? {
        try await (database as! any SQLDatabase).select().column("*").from("market_draws")
            .where("id", .equal, SQLBind(id)).all(decoding: DrawRow.self).first?.stored
    }
}

private struct SeedRow: Decodable { var seed: String? }

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct DrawRow: Decodable {
    var id: UUID
    var title: String
    var object_kind: String
    var size: String
    var per_object: Int
    var strata: String
    var items: String
    var objects_csv: String
    var inspectors_csv: String
    var inputs_hash: String
    var seed_source: String
    var seed: String?
    var result_csv: String?
    var drawn_on: String?
    var publish_by: String?
    var published_on: String?
    var created_by: String

    var stored: MarketStore.StoredDraw {
        MarketStore.StoredDraw(
            id: id, title: title, objectKind: object_kind, size: size, perObject: per_object,
            strata: RandomDraw.Strata(rawValue: strata) ?? .none, items: items,
            objectsCSV: objects_csv, inspectorsCSV: inspectors_csv, inputsHash: inputs_hash, seedSource: seed_source,
            seed: seed, resultCSV: result_csv, drawnOn: drawn_on.flatMap { CivilDate($0) },
            publishBy: publish_by.flatMap { CivilDate($0) }, publishedOn: published_on.flatMap { CivilDate($0) },
            createdBy: created_by)
    }
}
