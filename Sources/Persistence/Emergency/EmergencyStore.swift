import Emergency
import FluentKit
import Foundation
import LantianCore
import SQLKit

/// Stores the heavy-pollution response: the enterprise registry, the office's settings (rule edition, inventory
/// totals), forecasts, and warnings with every change. Every write is one transaction with its audit entry and
/// counts an `emergency` cache version.
public struct EmergencyStore: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    var sql: any SQLDatabase { database as! any SQLDatabase }

    /// A write refused for what the data already holds (a second warning while one is in force).
    public struct Conflict: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    // MARK: Registry

    /// Replaces the registry with `enterprises`, keeping the equipment of those already registered; returns how
    /// many were new.
    @discardableResult
    public func replaceEnterprises(_ enterprises: [Enterprise], file: String, actor: AuditLog.Actor, at now: Date)
        async throws -> Int
    {
        let before = try await self.enterprises()
        let equipment = Dictionary(before.map { ($0.id, $0.equipment) }, uniquingKeysWith: { a, _ in a })
        return try await database.writeTransaction(touching: [.emergency]) { db in
            let sql = db as! any SQLDatabase
            try await sql.delete(from: "emergency_enterprises").run()
            for (position, var enterprise) in enterprises.enumerated() {
                if enterprise.equipment.isEmpty { enterprise.equipment = equipment[enterprise.id] ?? [] }
                try await Self.insert(enterprise, position: position, on: sql)
            }
            let added = enterprises.filter { equipment[$0.id] == nil }.count
            try await AuditLog.record(
                on: db, actor: actor, action: "emergency.enterprises.import", entity: "emergency_enterprises",
                entityID: nil, before: ["enterprises": "\(before.count)"],
                after: ["file": file, "enterprises": "\(enterprises.count)", "added": "\(added)"], at: now)
            return added
        }
    }

    /// Sets the equipment of the enterprises `rows` name (each one's list replaced by its rows).
    public func setEquipment(_ rows: [EquipmentRow], file: String, actor: AuditLog.Actor, at now: Date) async throws {
        var lists: [String: [Equipment]] = [:]
        for row in rows { lists[row.enterprise, default: []].append(row.equipment) }
        let frozen = lists
        try await database.writeTransaction(touching: [.emergency]) { db in
            let sql = db as! any SQLDatabase
            for (code, list) in frozen.sorted(by: { $0.key < $1.key }) {
                try await sql.update("emergency_enterprises").set("equipment", to: SQLBind(Self.json(list)))
                    .where("code", .equal, SQLBind(code)).run()
            }
            try await AuditLog.record(
                on: db, actor: actor, action: "emergency.equipment.import", entity: "emergency_enterprises",
                entityID: nil, before: Nothing?.none,
                after: ["file": file, "enterprises": "\(frozen.count)", "units": "\(rows.count)"], at: now)
        }
    }

    /// The registry in its order.
    public func enterprises() async throws -> [Enterprise] {
        try await sql.select().column("*").from("emergency_enterprises").orderBy("position")
            .all(decoding: EnterpriseRow.self).map(\.enterprise)
    }

    private static func insert(_ e: Enterprise, position: Int, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "emergency_enterprises")
            .columns(
                "code", "position", "name", "credit_code", "county", "industry", "grade", "exempt_reason",
                "exempt_approval", "capacity", "output", "so2", "nox", "pm", "vocs", "equipment"
            )
            .values(
                SQLBind(e.id), SQLBind(position), SQLBind(e.name), SQLBind(e.creditCode), SQLBind(e.county),
                SQLBind(e.industry), SQLBind(e.grade.rawValue), SQLBind(e.exemption?.reason),
                SQLBind(e.exemption?.approval), SQLBind(e.capacity), SQLBind(e.output), SQLBind(e.emissions.so2),
                SQLBind(e.emissions.nox), SQLBind(e.emissions.pm), SQLBind(e.emissions.vocs),
                SQLBind(json(e.equipment))
            )
            .run()
    }

    // MARK: Measures

    /// The measures table's saved versions (`lantian-measures/1` documents).
    public var measureVersions: DocumentVersions {
        DocumentVersions(
            database: database, table: "emergency_measure_versions", topic: .emergency,
            action: "emergency.measures.save")
    }

    // MARK: Settings

    /// A saved setting and who saved it.
    public struct Setting: Sendable {
        public var value: String
        public var savedBy: String
        public var savedAt: Date
    }

    public func setting(_ key: String) async throws -> Setting? {
        try await sql.select().columns("value", "saved_by", "saved_at").from("emergency_settings")
            .where("key", .equal, SQLBind(key)).first(decoding: SettingRow.self)
            .map { Setting(value: $0.value, savedBy: $0.saved_by, savedAt: $0.saved_at) }
    }

    public func save(setting key: String, value: String, actor: AuditLog.Actor, at now: Date) async throws {
        let before = try await setting(key)?.value
        try await database.writeTransaction(touching: [.emergency]) { db in
            try await (db as! any SQLDatabase).insert(into: "emergency_settings")
                .columns("key", "value", "saved_by", "saved_at")
                .values(SQLBind(key), SQLBind(value), SQLBind(actor.username), SQLBind(now))
                .onConflict(with: ["key"]) {
                    $0.set(excludedValueOf: "value").set(excludedValueOf: "saved_by").set(excludedValueOf: "saved_at")
                }
                .run()
            try await AuditLog.record(
                on: db, actor: actor, action: "emergency.setting.save", entity: "emergency_settings", entityID: key,
                before: before.map { ["value": $0] }, after: ["value": value], at: now)
        }
    }

    // MARK: Forecasts

    /// A stored forecast upload.
    public struct StoredForecast: Sendable {
        public var id: UUID
        public var file: String
        public var series: [Forecast]
        public var enteredBy: String
        public var enteredAt: Date
    }

    public func saveForecast(_ series: [Forecast], file: String, actor: AuditLog.Actor, at now: Date) async throws
        -> UUID
    {
        let id = UUID()
        let text = Self.json(series)
        try await database.writeTransaction(touching: [.emergency]) { db in
            try await (db as! any SQLDatabase).insert(into: "emergency_forecasts")
                .columns("id", "file", "series", "entered_by", "entered_at")
                .values(SQLBind(id), SQLBind(file), SQLBind(text), SQLBind(actor.username), SQLBind(now)).run()
            try await AuditLog.record(
                on: db, actor: actor, action: "emergency.forecast.enter", entity: "emergency_forecasts",
                entityID: id.uuidString, before: Nothing?.none,
                after: [
                    "file": file, "series": "\(series.count)", "hours": "\(series.map(\.hours.count).reduce(0, +))",
                ],
                at: now)
        }
        return id
    }

    /// The latest forecast entered.
    public func latestForecast() async throws -> StoredForecast? {
        guard
            let row = try await sql.select().column("*").from("emergency_forecasts")
                .orderBy("entered_at", .descending).limit(1).first(decoding: ForecastRow.self)
        else { return nil }
        return StoredForecast(
            id: row.id, file: row.file,
            series: (try? JSONDecoder().decode([Forecast].self, from: Data(row.series.utf8))) ?? [],
            enteredBy: row.entered_by, enteredAt: row.entered_at)
    }

    // MARK: Warnings

    /// A warning and its history.
    public struct StoredWarning: Sendable, Identifiable {
        public struct Change: Sendable {
            public var action: String
            public var level: WarningLevel
            public var document: String
            public var note: String
            /// The Beijing hour the change takes effect, `YYYY-MM-DDTHH:00`.
            public var hour: String
            public var by: String
            public var at: Date
        }

        public var id: UUID
        public var level: WarningLevel
        public var starts: String
        public var expectedEnd: String
        public var document: String
        public var rules: String
        public var reason: String
        /// The hour it was lifted; nil while in force.
        public var lifted: String?
        public var issuedBy: String
        public var issuedAt: Date
        public var changes: [Change]

        public var inForce: Bool { lifted == nil }
    }

    /// What the office may do to a warning in force.
    public enum Action: String, Sendable, CaseIterable {
        case issue, upgrade, downgrade, adjust, lift

        /// 发布 / 升级 / 降级 / 调整 / 解除.
        public var chinese: String {
            switch self {
            case .issue: "发布"
            case .upgrade: "升级"
            case .downgrade: "降级"
            case .adjust: "调整"
            case .lift: "解除"
            }
        }
    }

    /// Issues a warning; refused while another is in force (adjust that one instead).
    public func issue(
        level: WarningLevel, starts: String, expectedEnd: String, document: String, rules: String, reason: String,
        actor: AuditLog.Actor, at now: Date
    ) async throws -> UUID {
        let id = UUID()
        do {
            try await insertWarning(
                id, level: level, starts: starts, expectedEnd: expectedEnd, document: document, rules: rules,
                reason: reason, actor: actor, at: now)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another office issued one in the same instant: the unique `in_force` slot refused this one.
            throw Conflict(description: "已有预警在执行，请刷新页面后调整或解除该预警")
        }
        return id
    }

    private func insertWarning(
        _ id: UUID, level: WarningLevel, starts: String, expectedEnd: String, document: String, rules: String,
        reason: String, actor: AuditLog.Actor, at now: Date
    ) async throws {
        try await database.writeTransaction(touching: [.emergency]) { db in
            let sql = db as! any SQLDatabase
            let open = try await sql.select().column("document").from("emergency_warnings")
                .where(SQLIdentifier("lifted"), .is, SQLLiteral.null).all(decoding: DocumentRow.self)
            if let current = open.first {
                throw Conflict(description: "已有预警在执行（\(current.document)），请调整或解除该预警，而不是再发布一次")
            }
            try await sql.insert(into: "emergency_warnings")
                .columns(
                    "id", "level", "starts", "expected_end", "document", "rules", "reason", "lifted", "issued_by",
                    "issued_at", "in_force"
                )
                .values(
                    SQLBind(id), SQLBind(level.rawValue), SQLBind(starts), SQLBind(expectedEnd), SQLBind(document),
                    SQLBind(rules), SQLBind(reason), SQLBind(String?.none), SQLBind(actor.username), SQLBind(now),
                    SQLBind("city")
                )
                .run()
            try await Self.change(
                id, .issue, level: level, document: document, note: reason, hour: starts, actor: actor, at: now, on: sql
            )
            try await NoticeStore.add(
                try await NoticeStore.unitCodes(on: db).map {
                    NoticeStore.New(
                        unit: $0, kind: .warning, key: "warning|\(id)|issue", subject: id.uuidString,
                        title: "发布\(level.chinese)预警：\(document)",
                        body: "自 \(starts) 起执行，预计 \(expectedEnd) 结束。请按减排清单落实应急措施。")
                }, on: db, at: now)
            try await AuditLog.record(
                on: db, actor: actor, action: "emergency.warning.issue", entity: "emergency_warnings",
                entityID: id.uuidString, before: Nothing?.none,
                after: ["level": level.rawValue, "starts": starts, "expected_end": expectedEnd, "document": document],
                at: now)
        }
    }

    /// Upgrades, downgrades, adjusts (new expected end) or lifts a warning in force.
    public func change(
        _ id: UUID, _ action: Action, level: WarningLevel, expectedEnd: String, document: String, note: String,
        hour: String, actor: AuditLog.Actor, at now: Date
    ) async throws {
        try await database.writeTransaction(touching: [.emergency]) { db in
            let sql = db as! any SQLDatabase
            guard
                let row = try await sql.select().column("*").from("emergency_warnings")
                    .where("id", .equal, SQLBind(id)).first(decoding: WarningRow.self)
            else { throw Conflict(description: "没有这条预警") }
            guard row.lifted == nil else { throw Conflict(description: "该预警已于 \(row.lifted ?? "") 解除") }
            var update = sql.update("emergency_warnings").set("level", to: SQLBind(level.rawValue))
                .set("expected_end", to: SQLBind(expectedEnd))
            if action == .lift {
                update = update.set("lifted", to: SQLBind(hour)).set("in_force", to: SQLBind(String?.none))
            }
            try await update.where("id", .equal, SQLBind(id)).run()
            try await Self.change(
                id, action, level: level, document: document, note: note, hour: hour, actor: actor, at: now, on: sql)
            let what = action == .lift ? "解除\(level.chinese)预警" : "\(level.chinese)预警变更（\(action.chinese)）"
            try await NoticeStore.add(
                try await NoticeStore.unitCodes(on: db).map {
                    NoticeStore.New(
                        unit: $0, kind: .warning, key: "warning|\(id)|\(action.rawValue)|\(hour)",
                        subject: id.uuidString,
                        title: "\(what)：\(document)",
                        body: action == .lift
                            ? "自 \(hour) 起解除。" : "自 \(hour) 起执行\(level.chinese)预警，预计 \(expectedEnd) 结束。")
                }, on: db, at: now)
            try await AuditLog.record(
                on: db, actor: actor, action: "emergency.warning.\(action.rawValue)", entity: "emergency_warnings",
                entityID: id.uuidString, before: ["level": row.level, "expected_end": row.expected_end],
                after: ["level": level.rawValue, "expected_end": expectedEnd, "document": document, "hour": hour],
                at: now)
        }
    }

    /// Every warning, newest first, with its changes in order.
    public func warnings() async throws -> [StoredWarning] {
        try await warnings(id: nil)
    }

    /// One warning with its changes; nil when there is none with `id`.
    public func warning(_ id: UUID) async throws -> StoredWarning? {
        try await warnings(id: id).first
    }

    private func warnings(id: UUID?) async throws -> [StoredWarning] {
        var query = sql.select().column("*").from("emergency_warnings")
        var changeQuery = sql.select().column("*").from("emergency_warning_changes")
        if let id {
            query = query.where("id", .equal, SQLBind(id))
            changeQuery = changeQuery.where("warning_id", .equal, SQLBind(id))
        }
        let rows = try await query.orderBy("issued_at", .descending).all(decoding: WarningRow.self)
        let changes = try await changeQuery.orderBy("changed_at").all(decoding: ChangeRow.self)
        let byWarning = Dictionary(grouping: changes, by: \.warning_id)
        return rows.map { row in
            StoredWarning(
                id: row.id, level: WarningLevel(rawValue: row.level) ?? .none, starts: row.starts,
                expectedEnd: row.expected_end, document: row.document, rules: row.rules, reason: row.reason,
                lifted: row.lifted, issuedBy: row.issued_by, issuedAt: row.issued_at,
                changes: (byWarning[row.id] ?? []).map {
                    StoredWarning.Change(
                        action: $0.action, level: WarningLevel(rawValue: $0.level) ?? .none, document: $0.document,
                        note: $0.note, hour: $0.at_hour, by: $0.changed_by, at: $0.changed_at)
                })
        }
    }

    private static func change(
        _ id: UUID, _ action: Action, level: WarningLevel, document: String, note: String, hour: String,
        actor: AuditLog.Actor, at now: Date, on sql: any SQLDatabase
    ) async throws {
        try await sql.insert(into: "emergency_warning_changes")
            .columns("id", "warning_id", "action", "level", "document", "note", "at_hour", "changed_by", "changed_at")
            .values(
                SQLBind(UUID()), SQLBind(id), SQLBind(action.rawValue), SQLBind(level.rawValue), SQLBind(document),
                SQLBind(note), SQLBind(hour), SQLBind(actor.username), SQLBind(now)
            )
            .run()
    }

    /// `value` as compact JSON with sorted keys: what the store keeps in its JSON columns.
    public static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct EnterpriseRow: Decodable {
    var code: String
    var name: String
    var credit_code: String
    var county: String
    var industry: String
    var grade: String
    var exempt_reason: String?
    var exempt_approval: String?
    var capacity: String
    var output: Double?
    var so2: Double
    var nox: Double
    var pm: Double
    var vocs: Double
    var equipment: String

    var enterprise: Enterprise {
        let grade = PerformanceGrade(rawValue: grade) ?? .d
        return Enterprise(
            id: code, name: name, creditCode: credit_code, county: county, industry: industry, grade: grade,
            exemption: grade.isExempt ? .init(reason: exempt_reason ?? "", approval: exempt_approval ?? "") : nil,
            capacity: capacity, output: output, emissions: Emissions(so2: so2, nox: nox, pm: pm, vocs: vocs),
            equipment: (try? JSONDecoder().decode([Equipment].self, from: Data(equipment.utf8))) ?? [])
    }
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct SettingRow: Decodable {
    var value: String
    var saved_by: String
    var saved_at: Date
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct ForecastRow: Decodable {
    var id: UUID
    var file: String
    var series: String
    var entered_by: String
    var entered_at: Date
}

private struct DocumentRow: Decodable {
    var document: String
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct WarningRow: Decodable {
    var id: UUID
    var level: String
    var starts: String
    var expected_end: String
    var document: String
    var rules: String
    var reason: String
    var lifted: String?
    var issued_by: String
    var issued_at: Date
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct ChangeRow: Decodable {
    var warning_id: UUID
    var action: String
    var level: String
    var document: String
    var note: String
    var at_hour: String
    var changed_by: String
    var changed_at: Date
}
