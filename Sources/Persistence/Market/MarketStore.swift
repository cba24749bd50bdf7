import FluentKit
import Foundation
import LantianCore
import MarketSupervision
import SQLKit

/// Stores the market-supervision bureau's work: the registry of sites and deliveries, sampling plans with their
/// quotas, spot checks with their results and verdicts, and cases with their steps. Every write is one
/// transaction with its audit entry and counts a `market` cache version.
public struct MarketStore: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    /// A write refused for what the data already holds (a second plan for the same family and year).
    public struct Conflict: Error, Sendable, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    // MARK: Registry

    /// Adds the sites and updates those already registered (matched by code); returns how many were new.
    @discardableResult
    public func upsertSites(_ sites: [MarketSite], file: String, actor: AuditLog.Actor, at now: Date) async throws
        -> Int
    {
        try await database.writeTransaction(touching: [.market]) { db in
            let sql = db as! any SQLDatabase
            let existing = Set(
                try await sql.select().column("code").from("market_sites").all(decoding: CodeRow.self)
                    .map(\.code))
            for site in sites {
                try await sql.insert(into: "market_sites")
                    .columns(
                        "id", "code", "name", "kind", "county", "address", "road", "licensed", "operator_name",
                        "risk_class"
                    )
                    .values(
                        SQLBind(UUID()), SQLBind(site.code), SQLBind(site.name), SQLBind(site.kind.rawValue),
                        SQLBind(site.county), SQLBind(site.address), SQLBind(site.road?.rawValue),
                        SQLBind(site.licensed), SQLBind(site.operatorName), SQLBind(site.riskClass)
                    )
                    .onConflict(with: ["code"]) {
                        $0.set(excludedValueOf: "name").set(excludedValueOf: "kind").set(excludedValueOf: "county")
                            .set(excludedValueOf: "address").set(excludedValueOf: "road")
                            .set(excludedValueOf: "licensed").set(excludedValueOf: "operator_name")
                            .set(excludedValueOf: "risk_class")
                    }
                    .run()
            }
            let added = sites.filter { !existing.contains($0.code) }.count
            try await AuditLog.record(
                on: db, actor: actor, action: "market.sites.import", entity: "market_sites", entityID: nil,
                before: Nothing?.none,
                after: ["file": file, "rows": "\(sites.count)", "added": "\(added)"], at: now)
            return added
        }
    }

    /// Every registered site, by code.
    public func sites() async throws -> [MarketSite] {
        try await sql.select()
            .columns(
                "code", "name", "kind", "county", "address", "road", "licensed", "operator_name", "risk_class"
            )
            .from("market_sites").orderBy("code").all(decoding: SiteRow.self).compactMap(\.site)
    }

    /// Adds deliveries, skipping those already stored (same sender, receiver, day, product and note); returns how
    /// many were new.
    @discardableResult
    public func addDeliveries(_ deliveries: [Delivery], file: String, actor: AuditLog.Actor, at now: Date)
        async throws -> Int
    {
        try await database.writeTransaction(touching: [.market]) { db in
            let sql = db as! any SQLDatabase
            let before = try await Self.count(sql, "market_deliveries")
            for delivery in deliveries {
                try await sql.insert(into: "market_deliveries")
                    .columns("id", "from_code", "to_code", "day", "product", "volume", "document")
                    .values(
                        SQLBind(UUID()), SQLBind(delivery.from), SQLBind(delivery.to),
                        SQLBind(delivery.date.description), SQLBind(delivery.product),
                        SQLBind(delivery.volume?.description), SQLBind(delivery.document)
                    )
                    .ignoringConflicts(with: ["from_code", "to_code", "day", "product", "document"])
                    .run()
            }
            let added = try await Self.count(sql, "market_deliveries") - before
            try await AuditLog.record(
                on: db, actor: actor, action: "market.deliveries.import", entity: "market_deliveries",
                entityID: nil, before: Nothing?.none,
                after: ["file": file, "rows": "\(deliveries.count)", "added": "\(added)"], at: now)
            return added
        }
    }

    /// Stored deliveries of `product` (every product when nil), by day.
    public func deliveries(product: String? = nil) async throws -> [Delivery] {
        var query = sql.select().columns("from_code", "to_code", "day", "product", "volume", "document")
            .from("market_deliveries")
        if let product { query = query.where("product", .equal, SQLBind(product)) }
        return try await query.orderBy("day").orderBy("from_code").orderBy("to_code").all(decoding: DeliveryRow.self)
            .enumerated().compactMap { index, row in
                CivilDate(row.day).map {
                    Delivery(
                        from: row.from_code, to: row.to_code, date: $0, product: row.product,
                        volume: row.volume.flatMap { MeasuredValue($0) }, document: row.document, line: index + 1)
                }
            }
    }

    /// How many rows each registry table holds: sites by kind, and deliveries.
    public func registryCounts() async throws -> (sites: [MarketSite.Kind: Int], deliveries: Int) {
        let rows = try await sql.raw("SELECT kind, COUNT(*) AS n FROM market_sites GROUP BY kind")
            .all(decoding: KindCount.self)
        var counts: [MarketSite.Kind: Int] = [:]
        for row in rows { if let kind = MarketSite.Kind(rawValue: row.kind) { counts[kind] = row.n } }
        return (counts, try await Self.count(sql, "market_deliveries"))
    }

    // MARK: Sampling plans

    /// A stored sampling plan with its quotas in their order.
    public struct StoredPlan: Sendable, Hashable {
        public var id: UUID
        public var family: ProductFamily
        public var year: Int
        public var title: String
        public var quotas: [Quota]
    }

    public struct Quota: Sendable, Hashable {
        public var unit: String
        public var quota: Int

        public init(unit: String, quota: Int) {
            self.unit = unit
            self.quota = quota
        }
    }

    /// Creates a plan; a second plan for the same family and year is a ``Conflict``.
    public func createPlan(
        family: ProductFamily, year: Int, title: String, quotas: [Quota], actor: AuditLog.Actor, at now: Date
    ) async throws -> UUID {
        try await database.writeTransaction(touching: [.market]) { db in
            let sql = db as! any SQLDatabase
            let clash = try await sql.select().column("id").from("sampling_plans")
                .where("family", .equal, SQLBind(family.rawValue)).where("year", .equal, SQLBind(year))
                .all(decoding: IDRow.self)
            guard clash.isEmpty else {
                throw Conflict(description: "\(year)年的\(family.chinese)抽检计划已经建立，请在原计划中调整")
            }
            let id = UUID()
            try await sql.insert(into: "sampling_plans")
                .columns("id", "family", "year", "title", "created_by", "created_at")
                .values(
                    SQLBind(id), SQLBind(family.rawValue), SQLBind(year), SQLBind(title), SQLBind(actor.username),
                    SQLBind(now)
                ).run()
            for (position, quota) in quotas.enumerated() {
                try await sql.insert(into: "sampling_quotas").columns("plan_id", "unit", "quota", "position")
                    .values(SQLBind(id), SQLBind(quota.unit), SQLBind(quota.quota), SQLBind(position)).run()
            }
            try await AuditLog.record(
                on: db, actor: actor, action: "market.plan.create", entity: "sampling_plans",
                entityID: id.uuidString, before: Nothing?.none,
                after: ["family": family.rawValue, "year": "\(year)", "title": title]
                    .merging(quotas.map { ("quota." + $0.unit, "\($0.quota)") }) { a, _ in a }, at: now)
            return id
        }
    }

    /// Every plan, newest year first, then by family.
    public func plans() async throws -> [StoredPlan] {
        let plans = try await sql.select().columns("id", "family", "year", "title").from("sampling_plans")
            .all(decoding: PlanRow.self)
        let quotas = try await sql.select().columns("plan_id", "unit", "quota", "position").from("sampling_quotas")
            .orderBy("position").all(decoding: QuotaRow.self)
        return plans.compactMap { row in
            guard let family = ProductFamily(rawValue: row.family) else { return nil }
            return StoredPlan(
                id: row.id, family: family, year: row.year, title: row.title,
                quotas: quotas.filter { $0.plan_id == row.id }.map { Quota(unit: $0.unit, quota: $0.quota) })
        }
        .sorted {
            ($0.year, ProductFamily.allCases.firstIndex(of: $1.family)!)
                > ($1.year, ProductFamily.allCases.firstIndex(of: $0.family)!)
        }
    }

    // MARK: Spot checks

    /// A stored spot check with what was computed when its results were entered.
    public struct StoredCheck: Sendable, Hashable {
        public var id: UUID
        /// The bureau that recorded it.
        public var unit: String
        public var check: SpotCheck
        /// The edition judged by (`GB 19147-2016`), when the library had one for the sampling day.
        public var standard: String?
        /// 合格 / 不合格; nil while results are pending.
        public var verdict: String?
        /// `item:value>limit` per failed item, `;`-separated.
        public var failed: String
        public var createdBy: String
        public var createdAt: Date

        public init(
            id: UUID, unit: String, check: SpotCheck, standard: String?, verdict: String?, failed: String,
            createdBy: String, createdAt: Date
        ) {
            self.id = id
            self.unit = unit
            self.check = check
            self.standard = standard
            self.verdict = verdict
            self.failed = failed
            self.createdBy = createdBy
            self.createdAt = createdAt
        }
    }

    /// Records a spot check; `standard`, `verdict` and `failed` are what the verdict computed.
    public func addCheck(
        _ check: SpotCheck, unit: String, standard: String?, verdict: String?, failed: String,
        actor: AuditLog.Actor, at now: Date
    ) async throws -> UUID {
        try await database.writeTransaction(touching: [.market]) { db in
            let sql = db as! any SQLDatabase
            let id = UUID()
            let results = try Self.json(check.results.mapValues(\.description))
            try await sql.insert(into: "spot_checks")
                .columns(
                    "id", "unit", "product", "family", "brand", "specification", "batch", "produced_on",
                    "manufacturer", "site_code", "site_name", "address", "county", "sampled_on", "testing_body",
                    "standard", "results", "verdict", "failed", "created_by", "created_at"
                )
                .values(
                    SQLBind(id), SQLBind(unit), SQLBind(check.product), SQLBind(check.family?.rawValue ?? ""),
                    SQLBind(check.brand), SQLBind(check.specification), SQLBind(check.batch),
                    SQLBind(check.producedOn?.description), SQLBind(check.manufacturer), SQLBind(check.siteCode),
                    SQLBind(check.siteName), SQLBind(check.address), SQLBind(check.county),
                    SQLBind(check.sampledOn.description), SQLBind(check.testingBody), SQLBind(standard),
                    SQLBind(results), SQLBind(verdict), SQLBind(failed), SQLBind(actor.username), SQLBind(now)
                ).run()
            try await AuditLog.record(
                on: db, actor: actor, action: "market.check.create", entity: "spot_checks", entityID: id.uuidString,
                before: Nothing?.none,
                after: [
                    "product": check.product, "batch": check.batch, "site": check.siteName,
                    "sampledOn": check.sampledOn.description, "verdict": verdict ?? "待检", "failed": failed,
                    "results": results,
                ], at: now)
            return id
        }
    }

    /// Spot checks sampled in `year` (every year when nil), newest first.
    public func checks(year: Int? = nil) async throws -> [StoredCheck] {
        var query = sql.select().column("*").from("spot_checks")
        if let year {
            query = query.where("sampled_on", .greaterThanOrEqual, SQLBind("\(year)-01-01"))
                .where("sampled_on", .lessThanOrEqual, SQLBind("\(year)-12-31"))
        }
        return try await query.orderBy("sampled_on", .descending).orderBy("created_at", .descending)
            .all(decoding: CheckRow.self).compactMap(\.stored)
    }

    public func check(_ id: UUID) async throws -> StoredCheck? {
        try await sql.select().column("*").from("spot_checks").where("id", .equal, SQLBind(id))
            .all(decoding: CheckRow.self).first?.stored
    }

    // MARK: Cases

    public struct StoredCase: Sendable, Hashable {
        public var id: UUID
        public var kind: CaseFile.Kind
        public var checkID: UUID?
        public var unit: String
        public var county: String
        public var title: String
        public var stage: CaseFile.Stage
        public var deadline: CivilDate?
        public var openedOn: CivilDate
        public var closedOn: CivilDate?
        public var steps: [Step]
        /// A find of a special action: the action, where, fuel seized (litres as written), handling, police.
        public var actionID: UUID?
        public var place: String
        public var volume: String?
        public var handling: String
        public var police: Bool
    }

    public struct Step: Sendable, Hashable {
        public var stage: CaseFile.Stage
        public var day: CivilDate
        public var deadline: CivilDate?
        public var note: String
        public var by: String
    }

    /// Opens a case at 立案 on `day`; a failed batch has at most one case (a second is a ``Conflict``).
    public func openCase(
        kind: CaseFile.Kind, checkID: UUID?, unit: String, county: String, title: String, day: CivilDate,
        note: String, actor: AuditLog.Actor, at now: Date
    ) async throws -> UUID {
        try await database.writeTransaction(touching: [.market]) { db in
            let sql = db as! any SQLDatabase
            if let checkID {
                let open = try await sql.select().column("id").from("market_cases")
                    .where("check_id", .equal, SQLBind(checkID)).all(decoding: IDRow.self)
                if !open.isEmpty { throw Conflict(description: "该批次已经立案") }
            }
            let id = UUID()
            try await sql.insert(into: "market_cases")
                .columns("id", "kind", "check_id", "unit", "county", "title", "stage", "deadline", "opened_on")
                .values(
                    SQLBind(id), SQLBind(kind.rawValue), SQLBind(checkID), SQLBind(unit), SQLBind(county),
                    SQLBind(title), SQLBind(CaseFile.Stage.filed.rawValue), SQLBind(String?.none),
                    SQLBind(day.description)
                ).run()
            try await Self.insertStep(
                sql, case: id, stage: .filed, day: day, deadline: nil, note: note, by: actor.username, at: now)
            try await AuditLog.record(
                on: db, actor: actor, action: "market.case.open", entity: "market_cases", entityID: id.uuidString,
                before: Nothing?.none, after: ["kind": kind.rawValue, "title": title, "note": note], at: now)
            return id
        }
    }

    /// Moves a case on to `stage`, refused (``Conflict``) when ``CaseFile/refusal(from:to:on:deadline:)`` refuses.
    public func advance(
        _ id: UUID, to stage: CaseFile.Stage, day: CivilDate, deadline: CivilDate?, note: String,
        actor: AuditLog.Actor, at now: Date
    ) async throws {
        try await database.writeTransaction(touching: [.market]) { db in
            let sql = db as! any SQLDatabase
            guard
                let row = try await sql.select().columns("stage").from("market_cases")
                    .where("id", .equal, SQLBind(id)).all(decoding: StageRow.self).first,
                let current = CaseFile.Stage(rawValue: row.stage)
            else { throw Conflict(description: "没有这个案件") }
            if let refusal = CaseFile.refusal(from: current, to: stage, on: day, deadline: deadline) {
                throw Conflict(description: refusal)
            }
            try await sql.update("market_cases")
                .set("stage", to: SQLBind(stage.rawValue))
                .set("deadline", to: SQLBind(stage == .rectifying ? deadline?.description : nil))
                .set("closed_on", to: SQLBind(stage == .closed ? day.description : nil))
                .where("id", .equal, SQLBind(id)).run()
            try await Self.insertStep(
                sql, case: id, stage: stage, day: day, deadline: deadline, note: note, by: actor.username, at: now)
            try await AuditLog.record(
                on: db, actor: actor, action: "market.case.advance", entity: "market_cases",
                entityID: id.uuidString, before: ["stage": current.rawValue],
                after: ["stage": stage.rawValue, "deadline": deadline?.description ?? "", "note": note], at: now)
        }
    }

    /// Every case (only those of `checkID` when given), open ones first, newest first.
    public func cases(checkID: UUID? = nil, actionID: UUID? = nil) async throws -> [StoredCase] {
        var query = sql.select().column("*").from("market_cases")
        if let checkID { query = query.where("check_id", .equal, SQLBind(checkID)) }
        if let actionID { query = query.where("action_id", .equal, SQLBind(actionID)) }
        let rows = try await query.orderBy("opened_on", .descending).all(decoding: CaseRow.self)
        let steps = try await sql.select().column("*").from("market_case_steps").orderBy("at")
            .all(decoding: StepRow.self)
        return rows.compactMap { row in
            guard let kind = CaseFile.Kind(rawValue: row.kind), let stage = CaseFile.Stage(rawValue: row.stage),
                let opened = CivilDate(row.opened_on)
            else { return nil }
            return StoredCase(
                id: row.id, kind: kind, checkID: row.check_id, unit: row.unit, county: row.county, title: row.title,
                stage: stage, deadline: row.deadline.flatMap { CivilDate($0) }, openedOn: opened,
                closedOn: row.closed_on.flatMap { CivilDate($0) },
                steps: steps.filter { $0.case_id == row.id }.compactMap(\.step), actionID: row.action_id,
                place: row.place, volume: row.volume, handling: row.handling, police: row.police)
        }
        .sorted { ($0.stage == .closed ? 1 : 0, $1.openedOn) < ($1.stage == .closed ? 1 : 0, $0.openedOn) }
    }

    public func `case`(_ id: UUID) async throws -> StoredCase? {
        try await cases().first { $0.id == id }
    }

    // MARK: Helpers

    static func insertStep(
        _ sql: any SQLDatabase, case id: UUID, stage: CaseFile.Stage, day: CivilDate, deadline: CivilDate?,
        note: String, by username: String, at now: Date
    ) async throws {
        try await sql.insert(into: "market_case_steps")
            .columns("id", "case_id", "stage", "day", "deadline", "note", "by_username", "at")
            .values(
                SQLBind(UUID()), SQLBind(id), SQLBind(stage.rawValue), SQLBind(day.description),
                SQLBind(deadline?.description), SQLBind(note), SQLBind(username), SQLBind(now)
            ).run()
    }

    private static func count(_ sql: any SQLDatabase, _ table: String) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").all(decoding: CountRow.self).first?.n ?? 0
    }

    static func json(_ values: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(values), as: UTF8.self)
    }
}

// Row shapes as the tables hold them (column names as keys).

private struct CodeRow: Decodable { var code: String }
private struct IDRow: Decodable { var id: UUID }
private struct CountRow: Decodable { var n: Int }
private struct StageRow: Decodable { var stage: String }

private struct KindCount: Decodable {
    var kind: String
    var n: Int
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct SiteRow: Decodable {
    var code: String
    var name: String
    var kind: String
    var county: String
    var address: String
    var road: String?
    var licensed: Bool
    var operator_name: String
    var risk_class: String?

    var site: MarketSite? {
        MarketSite.Kind(rawValue: kind).map {
            MarketSite(
                code: code, name: name, kind: $0, county: county, address: address,
                road: road.flatMap { MarketSite.Road(rawValue: $0) }, licensed: licensed, operatorName: operator_name,
                riskClass: risk_class)
        }
    }
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct DeliveryRow: Decodable {
    var from_code: String
    var to_code: String
    var day: String
    var product: String
    var volume: String?
    var document: String
}

private struct PlanRow: Decodable {
    var id: UUID
    var family: String
    var year: Int
    var title: String
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct QuotaRow: Decodable {
    var plan_id: UUID
    var unit: String
    var quota: Int
    var position: Int
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct CheckRow: Decodable {
    var id: UUID
    var unit: String
    var product: String
    var brand: String
    var specification: String
    var batch: String
    var produced_on: String?
    var manufacturer: String
    var site_code: String?
    var site_name: String
    var address: String
    var county: String
    var sampled_on: String
    var testing_body: String
    var standard: String?
    var results: String
    var verdict: String?
    var failed: String
    var created_by: String
    var created_at: Date

    var stored: MarketStore.StoredCheck? {
        guard let sampled = CivilDate(sampled_on) else { return nil }
        let texts = (try? JSONDecoder().decode([String: String].self, from: Data(results.utf8))) ?? [:]
        let check = SpotCheck(
            product: product, brand: brand, specification: specification, batch: batch,
            producedOn: produced_on.flatMap { CivilDate($0) }, manufacturer: manufacturer, siteCode: site_code,
            siteName: site_name, address: address, county: county, sampledOn: sampled, testingBody: testing_body,
            results: texts.compactMapValues { MeasuredValue($0) })
        return MarketStore.StoredCheck(
            id: id, unit: unit, check: check, standard: standard, verdict: verdict, failed: failed,
            createdBy: created_by, createdAt: created_at)
    }
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct CaseRow: Decodable {
    var id: UUID
    var kind: String
    var check_id: UUID?
    var unit: String
    var county: String
    var title: String
    var stage: String
    var deadline: String?
    var opened_on: String
    var closed_on: String?
    var action_id: UUID?
    var place: String
    var volume: String?
    var handling: String
    var police: Bool
}

// swift-format-ignore: AlwaysUseLowerCamelCase
private struct StepRow: Decodable {
    var case_id: UUID
    var stage: String
    var day: String
    var deadline: String?
    var note: String
    var by_username: String
    var at: Date

    var step: MarketStore.Step? {
        guard let stage = CaseFile.Stage(rawValue: stage), let day = CivilDate(day) else { return nil }
        return MarketStore.Step(
            stage: stage, day: day, deadline: deadline.flatMap { CivilDate($0) }, note: note, by: by_username)
    }
}

extension MarketStore {
    /// New results for a stored check, with what the verdict computed.
    public struct ResultsUpdate: Sendable {
        public var id: UUID
        public var results: [String: MeasuredValue]
        public var standard: String
        public var verdict: String
        public var failed: String

        public init(id: UUID, results: [String: MeasuredValue], standard: String, verdict: String, failed: String) {
            self.id = id
            self.results = results
            self.standard = standard
            self.verdict = verdict
            self.failed = failed
        }
    }

    /// Writes lab results into their checks, all in one transaction, each with its audit entry.
    public func updateResults(_ updates: [ResultsUpdate], file: String, actor: AuditLog.Actor, at now: Date)
        async throws
    {
        try await database.writeTransaction(touching: [.market]) { db in
            let sql = db as! any SQLDatabase
            for update in updates {
                let results = try Self.json(update.results.mapValues(\.description))
                try await sql.update("spot_checks").set("results", to: SQLBind(results))
                    .set("standard", to: SQLBind(update.standard)).set("verdict", to: SQLBind(update.verdict))
                    .set("failed", to: SQLBind(update.failed)).where("id", .equal, SQLBind(update.id)).run()
                try await AuditLog.record(
                    on: db, actor: actor, action: "market.check.results", entity: "spot_checks",
                    entityID: update.id.uuidString, before: Nothing?.none,
                    after: ["file": file, "results": results, "verdict": update.verdict, "failed": update.failed],
                    at: now)
            }
        }
    }
}
