import FluentKit
import Foundation
import LantianCore
import MarketSupervision
import SQLKit

extension MarketStore {
    public struct StoredAction: Sendable, Hashable {
        public var id: UUID
        public var action: BlackStationAction
        public var createdBy: String
    }

    /// Starts a special action from `start` to `end` (both included).
    public func createAction(
        title: String, start: CivilDate, end: CivilDate, actor: AuditLog.Actor, at now: Date
    ) async throws -> UUID {
        try await database.writeTransaction(touching: [.market]) { db in
            let id = UUID()
            try await (db as! any SQLDatabase).insert(into: "market_actions")
                .columns("id", "title", "start", "end", "created_by", "created_at")
                .values(
                    SQLBind(id), SQLBind(title), SQLBind(start.description), SQLBind(end.description),
                    SQLBind(actor.username), SQLBind(now)
                ).run()
            try await AuditLog.record(
                on: db, actor: actor, action: "market.action.create", entity: "market_actions",
                entityID: id.uuidString, before: Nothing?.none,
                after: ["title": title, "start": start.description, "end": end.description], at: now)
            return id
        }
    }

    /// Every action, latest start first.
    public func actions() async throws -> [StoredAction] {
        try await (database as! any SQLDatabase).select().columns("id", "title", "start", "end", "created_by")
            .from("market_actions").orderBy("start", .descending).all(decoding: ActionRow.self).compactMap(\.stored)
    }

    public func action(_ id: UUID) async throws -> StoredAction? {
        try await actions().first { $0.id == id }
    }

    /// Records a find of `action` as a case at 立案, on the day it was found.
    public func recordFind(
        action: UUID, kind: CaseFile.Kind, unit: String, county: String, place: String, day: CivilDate,
        volume: String?, handling: String, police: Bool, actor: AuditLog.Actor, at now: Date
    ) async throws -> UUID {
        try await database.writeTransaction(touching: [.market]) { db in
            let sql = db as! any SQLDatabase
            let id = UUID()
            let title = "\(place)（\(kind.chinese)）"
            try await sql.insert(into: "market_cases")
                .columns(
                    "id", "kind", "unit", "county", "title", "stage", "opened_on", "action_id", "place", "volume",
                    "handling", "police"
                )
                .values(
                    SQLBind(id), SQLBind(kind.rawValue), SQLBind(unit), SQLBind(county), SQLBind(title),
                    SQLBind(CaseFile.Stage.filed.rawValue), SQLBind(day.description), SQLBind(action),
                    SQLBind(place), SQLBind(volume), SQLBind(handling), SQLBind(police)
                ).run()
            try await Self.insertStep(
                sql, case: id, stage: .filed, day: day, deadline: nil, note: handling, by: actor.username, at: now)
            try await AuditLog.record(
                on: db, actor: actor, action: "market.action.find", entity: "market_cases", entityID: id.uuidString,
                before: Nothing?.none,
                after: [
                    "action": action.uuidString, "kind": kind.rawValue, "county": county, "place": place,
                    "day": day.description, "volume": volume ?? "", "police": police ? "yes" : "no",
                ], at: now)
            return id
        }
    }
}

private struct ActionRow: Decodable {
    var id: UUID
    var title: String
    var start: String
    var end: String
    // swift-format-ignore: AlwaysUseLowerCamelCase
    var created_by: String

    var stored: MarketStore.StoredAction? {
        guard let start = CivilDate(start), let end = CivilDate(end) else { return nil }
        return MarketStore.StoredAction(
            id: id, action: BlackStationAction(title: title, start: start, end: end), createdBy: created_by)
    }
}
