import Emergency
import FluentKit
import Foundation
import SQLKit

extension EmergencyStore {
    // MARK: Control orders

    /// A control order as sent.
    public struct StoredOrder: Sendable, Identifiable {
        public var id: UUID
        public var warningID: UUID
        public var enterprise: String
        public var enterpriseName: String
        public var county: String
        public var level: WarningLevel
        public var paragraphs: [String]
        public var issuedBy: String
        public var issuedAt: Date
        public var deliveredBy: String?
        public var deliveredAt: Date?
        public var acknowledgedBy: String?
        public var acknowledgedAt: Date?
    }

    /// An order to send: the enterprise, its text, and its acknowledgement token's digest.
    public struct NewOrder: Sendable {
        public var enterprise: String
        public var enterpriseName: String
        public var county: String
        public var level: WarningLevel
        public var paragraphs: [String]
        public var tokenDigest: String

        public init(
            enterprise: String, enterpriseName: String, county: String, level: WarningLevel, paragraphs: [String],
            tokenDigest: String
        ) {
            self.enterprise = enterprise
            self.enterpriseName = enterpriseName
            self.county = county
            self.level = level
            self.paragraphs = paragraphs
            self.tokenDigest = tokenDigest
        }
    }

    /// Stores the orders not yet sent for the warning at their level; returns the enterprises sent one now.
    public func sendOrders(_ orders: [NewOrder], warning: UUID, actor: AuditLog.Actor, at now: Date) async throws
        -> Set<String>
    {
        try await database.writeTransaction(touching: [.emergency]) { db in
            let sql = db as! any SQLDatabase
            let existing = try await sql.select().columns("enterprise", "level").from("emergency_orders")
                .where("warning_id", .equal, SQLBind(warning)).all(decoding: SentRow.self)
            let sent = Set(existing.map { "\($0.enterprise)|\($0.level)" })
            var sentNow = Set<String>()
            for order in orders where !sent.contains("\(order.enterprise)|\(order.level.rawValue)") {
                try await sql.insert(into: "emergency_orders")
                    .columns(
                        "id", "warning_id", "enterprise", "enterprise_name", "county", "level", "paragraphs",
                        "token_digest", "issued_by", "issued_at"
                    )
                    .values(
                        SQLBind(UUID()), SQLBind(warning), SQLBind(order.enterprise), SQLBind(order.enterpriseName),
                        SQLBind(order.county), SQLBind(order.level.rawValue), SQLBind(Self.json(order.paragraphs)),
                        SQLBind(order.tokenDigest), SQLBind(actor.username), SQLBind(now)
                    )
                    .run()
                sentNow.insert(order.enterprise)
            }
            try await AuditLog.record(
                on: db, actor: actor, action: "emergency.orders.send", entity: "emergency_orders",
                entityID: warning.uuidString, before: Nothing?.none, after: ["orders": "\(sentNow.count)"], at: now)
            return sentNow
        }
    }

    /// The warning's orders by enterprise.
    public func orders(warning: UUID) async throws -> [StoredOrder] {
        try await sql.select().column("*").from("emergency_orders").where("warning_id", .equal, SQLBind(warning))
            .orderBy("county").orderBy("enterprise").all(decoding: OrderRow.self).map(\.order)
    }

    public func order(_ id: UUID) async throws -> StoredOrder? {
        try await sql.select().column("*").from("emergency_orders").where("id", .equal, SQLBind(id))
            .first(decoding: OrderRow.self)?.order
    }

    /// The order whose acknowledgement token has `digest`.
    public func order(tokenDigest digest: String) async throws -> StoredOrder? {
        try await sql.select().column("*").from("emergency_orders").where("token_digest", .equal, SQLBind(digest))
            .first(decoding: OrderRow.self)?.order
    }

    /// The office marks an order delivered (by hand, fax, SMS).
    public func markDelivered(_ id: UUID, actor: AuditLog.Actor, at now: Date) async throws {
        try await database.writeTransaction(touching: [.emergency]) { db in
            try await (db as! any SQLDatabase).update("emergency_orders")
                .set("delivered_by", to: SQLBind(actor.username)).set("delivered_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(id)).run()
            try await AuditLog.record(
                on: db, actor: actor, action: "emergency.order.delivered", entity: "emergency_orders",
                entityID: id.uuidString, before: Nothing?.none, after: ["delivered": "yes"], at: now)
        }
    }

    /// Records the enterprise's acknowledgement through its one-time link; false when the order was already
    /// acknowledged (the link is spent).
    public func acknowledge(tokenDigest digest: String, name: String, at now: Date) async throws -> Bool {
        try await database.writeTransaction(touching: [.emergency]) { db in
            let sql = db as! any SQLDatabase
            guard
                let row = try await sql.select().column("*").from("emergency_orders")
                    .where("token_digest", .equal, SQLBind(digest)).first(decoding: OrderRow.self),
                row.acknowledged_at == nil
            else { return false }
            try await sql.update("emergency_orders").set("acknowledged_by", to: SQLBind(name))
                .set("acknowledged_at", to: SQLBind(now)).where("id", .equal, SQLBind(row.id)).run()
            try await AuditLog.record(
                on: db, actor: AuditLog.Actor(userID: nil, username: "enterprise:\(row.enterprise)"),
                action: "emergency.order.acknowledged", entity: "emergency_orders", entityID: row.id.uuidString,
                before: Nothing?.none, after: ["by": name], at: now)
            return true
        }
    }

    // MARK: Inspections

    /// An evidence file kept with an inspection.
    public struct EvidenceFile: Sendable, Codable, Hashable {
        public var id: UUID
        public var fileName: String
        public var size: Int
        public var sha256: String
        public var storageKey: String

        public init(id: UUID, fileName: String, size: Int, sha256: String, storageKey: String) {
            self.id = id
            self.fileName = fileName
            self.size = size
            self.sha256 = sha256
            self.storageKey = storageKey
        }

        /// A file just written to the evidence store.
        public init(_ new: ReportStore.NewEvidence) {
            self.init(
                id: new.id, fileName: new.fileName, size: new.size, sha256: new.sha256, storageKey: new.storageKey)
        }
    }

    /// How an inspection checked.
    public enum Method: String, Sendable, CaseIterable {
        case onSite, online, electricity

        /// 现场检查 / 在线监测 / 用电监控.
        public var chinese: String {
            switch self {
            case .onSite: "现场检查"
            case .online: "在线监测"
            case .electricity: "用电监控"
            }
        }
    }

    /// A check of an enterprise during a warning.
    public struct StoredInspection: Sendable, Identifiable {
        public var id: UUID
        public var warningID: UUID
        public var enterprise: String
        public var method: Method
        public var complied: Bool
        public var hour: String
        public var note: String
        public var files: [EvidenceFile]
        public var recordedBy: String
        public var recordedAt: Date
    }

    public func recordInspection(
        warning: UUID, enterprise: String, method: Method, complied: Bool, hour: String, note: String,
        files: [EvidenceFile], actor: AuditLog.Actor, at now: Date
    ) async throws -> UUID {
        let id = UUID()
        try await database.writeTransaction(touching: [.emergency]) { db in
            try await (db as! any SQLDatabase).insert(into: "emergency_inspections")
                .columns(
                    "id", "warning_id", "enterprise", "method", "result", "hour", "note", "files", "recorded_by",
                    "recorded_at"
                )
                .values(
                    SQLBind(id), SQLBind(warning), SQLBind(enterprise), SQLBind(method.rawValue),
                    SQLBind(complied ? "complied" : "violated"), SQLBind(hour), SQLBind(note),
                    SQLBind(Self.json(files)), SQLBind(actor.username), SQLBind(now)
                )
                .run()
            try await AuditLog.record(
                on: db, actor: actor, action: "emergency.inspection.record", entity: "emergency_inspections",
                entityID: id.uuidString, before: Nothing?.none,
                after: [
                    "enterprise": enterprise, "method": method.rawValue, "result": complied ? "complied" : "violated",
                    "files": "\(files.count)",
                ], at: now)
        }
        return id
    }

    /// Inspections of one warning, or of all (the enforcement list), newest first.
    public func inspections(warning: UUID? = nil) async throws -> [StoredInspection] {
        var query = sql.select().column("*").from("emergency_inspections")
        if let warning { query = query.where("warning_id", .equal, SQLBind(warning)) }
        return try await query.orderBy("recorded_at", .descending).all(decoding: InspectionRow.self)
            .map(\.inspection)
    }
}

private struct SentRow: Decodable {
    var enterprise: String
    var level: String
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct OrderRow: Decodable {
    var id: UUID
    var warning_id: UUID
    var enterprise: String
    var enterprise_name: String
    var county: String
    var level: String
    var paragraphs: String
    var issued_by: String
    var issued_at: Date
    var delivered_by: String?
    var delivered_at: Date?
    var acknowledged_by: String?
    var acknowledged_at: Date?

    var order: EmergencyStore.StoredOrder {
        EmergencyStore.StoredOrder(
            id: id, warningID: warning_id, enterprise: enterprise, enterpriseName: enterprise_name, county: county,
            level: WarningLevel(rawValue: level) ?? .none,
            paragraphs: (try? JSONDecoder().decode([String].self, from: Data(paragraphs.utf8))) ?? [],
            issuedBy: issued_by, issuedAt: issued_at, deliveredBy: delivered_by, deliveredAt: delivered_at,
            acknowledgedBy: acknowledged_by, acknowledgedAt: acknowledged_at)
    }
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct InspectionRow: Decodable {
    var id: UUID
    var warning_id: UUID
    var enterprise: String
    var method: String
    var result: String
    var hour: String
    var note: String
    var files: String
    var recorded_by: String
    var recorded_at: Date

    var inspection: EmergencyStore.StoredInspection {
        EmergencyStore.StoredInspection(
            id: id, warningID: warning_id, enterprise: enterprise,
            method: EmergencyStore.Method(rawValue: method) ?? .onSite,
            complied: result == "complied", hour: hour, note: note,
            files: (try? JSONDecoder().decode([EmergencyStore.EvidenceFile].self, from: Data(files.utf8))) ?? [],
            recordedBy: recorded_by, recordedAt: recorded_at)
    }
}
