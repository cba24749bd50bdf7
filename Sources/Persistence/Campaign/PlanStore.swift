import Campaign
import FluentKit
import Foundation
import LantianCore

/// Stores plans and reads them back as domain values.
public struct PlanStore: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Why a plan could not be stored.
    public struct ImportError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Stores `plan` with its units, tasks and indicators in one transaction: all of it, or nothing.
    ///
    /// Units are shared between plans and matched by code; a unit already stored keeps its record. A plan whose
    /// code is already stored is refused.
    @discardableResult
    public func importPlan(_ plan: Plan, by username: String?) async throws -> PlanRecord {
        try await database.writeTransaction(touching: [.plan, .units]) { db in
            if try await PlanRecord.query(on: db).filter(\.$code == plan.code).first() != nil {
                throw ImportError(description: "a plan with the code \"\(plan.code)\" is already loaded")
            }
            var unitIDs: [String: UUID] = [:]
            for record in try await UnitRecord.query(on: db).all() { unitIDs[record.code] = record.id }
            var created: [(OrgUnit, UnitRecord)] = []
            for unit in plan.units where unitIDs[unit.code] == nil {
                let record = UnitRecord(id: UUID(), unit: unit, parentID: nil)
                try await record.create(on: db)
                unitIDs[unit.code] = record.id
                created.append((unit, record))
            }
            for (unit, record) in created {
                if let parent = unit.parent, let parentID = unitIDs[parent] {
                    record.$parent.id = parentID
                    try await record.update(on: db)
                }
            }
            let planRecord = try PlanRecord(plan: plan, importedBy: username)
            try await planRecord.create(on: db)
            let planID = try planRecord.requireID()
            var supervisors: [String: UUID] = [:]
            for forwarding in plan.forwardings {
                for code in forwarding.requirements { supervisors[code] = unitIDs[forwarding.from] }
            }
            for (position, task) in plan.tasks.enumerated() {
                let record = try TaskRecord(
                    planID: planID, task: task, position: position, supervisorID: supervisors[task.code])
                try await record.create(on: db)
                let taskID = try record.requireID()
                let roles: [(TaskUnitRole, [String])] = [
                    (.lead, task.lead), (.cooperating, task.cooperating), (.responsible, task.responsible),
                ]
                for (role, codes) in roles {
                    for (position, code) in codes.enumerated() {
                        guard let unitID = unitIDs[code] else {
                            throw ImportError(description: "task \(task.code): unknown unit \(code)")
                        }
                        try await TaskUnitRecord(taskID: taskID, unitID: unitID, role: role, position: position)
                            .create(on: db)
                    }
                }
                for (index, indicator) in task.indicators.enumerated() {
                    try await IndicatorRecord(taskID: taskID, indicator: indicator, position: index).create(on: db)
                }
            }
            return planRecord
        }
    }

    /// The plan users work on: the most recently imported active one.
    public func currentPlan() async throws -> PlanRecord? {
        try await PlanRecord.query(on: database).filter(\.$active == true).sort(\.$importedAt, .descending).first()
    }

    /// A stored plan as a domain value, with the record ids the web layer needs.
    public func load(_ planRecord: PlanRecord) async throws -> LoadedPlan {
        let planID = try planRecord.requireID()
        var plan = try planRecord.header()
        let unitRecords = try await UnitRecord.query(on: database).sort(\.$code).all()
        var unitCodes: [UUID: String] = [:]
        for record in unitRecords { unitCodes[try record.requireID()] = record.code }
        plan.units = unitRecords.map { record in
            OrgUnit(
                code: record.code, name: record.name, kind: record.unitKind,
                parent: record.$parent.id.flatMap { unitCodes[$0] }, aliases: record.aliasList)
        }
        let taskRecords = try await TaskRecord.query(on: database).filter(\.$plan.$id == planID)
            .sort(\.$position).all()
        let taskIDs = try taskRecords.map { try $0.requireID() }
        let links =
            taskIDs.isEmpty
            ? []
            : try await TaskUnitRecord.query(on: database)
                .filter(\.$task.$id ~~ taskIDs).sort(\.$position).all()
        let indicators =
            taskIDs.isEmpty
            ? []
            : try await IndicatorRecord.query(on: database)
                .filter(\.$task.$id ~~ taskIDs).sort(\.$position).all()
        var linksByTask: [UUID: [TaskUnitRecord]] = [:]
        for link in links { linksByTask[link.$task.id, default: []].append(link) }
        var indicatorsByTask: [UUID: [IndicatorRecord]] = [:]
        for indicator in indicators { indicatorsByTask[indicator.$task.id, default: []].append(indicator) }

        var ids = LoadedPlan.IDs(plan: planID)
        for (code, id) in unitCodes.map({ ($1, $0) }) { ids.units[code] = id }
        plan.tasks = try taskRecords.map { record in
            let id = try record.requireID()
            let mine = linksByTask[id] ?? []
            func codes(_ role: TaskUnitRole) -> [String] {
                mine.filter { $0.role == role.rawValue }.compactMap { unitCodes[$0.$unit.id] }
            }
            let taskIndicators = indicatorsByTask[id] ?? []
            ids.tasks[record.code] = id
            for indicator in taskIndicators {
                ids.indicators[record.code + "/" + indicator.code] = indicator.id
                if let indicatorID = indicator.id { ids.indicatorCodes[indicatorID] = indicator.code }
            }
            if let supervisor = record.$supervisor.id { ids.supervisors[record.code] = unitCodes[supervisor] }
            return PlanTask(
                code: record.code, origin: PlanTask.Origin(rawValue: record.origin) ?? .text,
                section: record.section, category: record.category, keyWork: record.keyWork,
                mainTask: record.mainTask, measures: record.measures,
                deadline: CivilDate(record.deadline) ?? plan.end, deadlineText: record.deadlineText,
                lead: codes(.lead), cooperating: codes(.cooperating), responsible: codes(.responsible),
                subjects: (try? JSONDecoder().decode([String].self, from: Data(record.subjects.utf8))) ?? [],
                indicators: try taskIndicators.map { try $0.indicator() }, notes: record.notes,
                forwardedBy: record.forwardedBy, title: record.title)
        }
        return LoadedPlan(plan: plan, ids: ids)
    }
}

/// A plan read from the database: the domain value and the record ids behind it.
public struct LoadedPlan: Sendable {
    public var plan: Plan
    public var ids: IDs

    public init(plan: Plan, ids: IDs) {
        self.plan = plan
        self.ids = ids
    }

    public struct IDs: Sendable {
        public var plan: UUID
        /// Task code → id.
        public var tasks: [String: UUID] = [:]
        /// Unit code → id.
        public var units: [String: UUID] = [:]
        /// "taskCode/indicatorCode" → id.
        public var indicators: [String: UUID] = [:]
        /// Indicator id → its code.
        public var indicatorCodes: [UUID: String] = [:]
        /// Forwarded task code → the forwarding unit's code.
        public var supervisors: [String: String] = [:]

        public init(plan: UUID) {
            self.plan = plan
        }
    }

    public func task(code: String) -> PlanTask? { plan.tasks.first { $0.code == code } }

    /// The code of the indicator with record id `id` (unique within its task).
    public func indicatorCode(id: UUID) -> String? { ids.indicatorCodes[id] }
    public func unit(code: String) -> OrgUnit? { plan.units.first { $0.code == code } }
    public func unitCode(id: UUID) -> String? { ids.units.first { $0.value == id }?.key }
    public func taskCode(id: UUID) -> String? { ids.tasks.first { $0.value == id }?.key }
}
