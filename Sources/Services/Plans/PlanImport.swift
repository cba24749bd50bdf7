import Campaign
import FluentKit
import Foundation
import Persistence

/// Loads a plan file into the database, the same way for the CLI and the upload form: checked whole, stored in
/// one transaction with its audit entry, or refused with every problem listed.
public enum PlanImport {
    public enum Outcome: Sendable {
        case imported(code: String, tasks: Int, indicators: Int)
        case rejected([String])
    }

    public static func run(text: String, on db: any Database, actor: AuditLog.Actor, at now: Date) async throws
        -> Outcome
    {
        let plan: Plan
        do {
            plan = try PlanFile.read(text)
        } catch {
            return .rejected(error.issues.map(\.description))
        }
        do {
            try await db.writeTransaction { tx in
                try await PlanStore(database: tx).importPlan(plan, by: actor.username)
                try await AuditLog.record(
                    on: tx, actor: actor, action: "plan.import", entity: "plan", entityID: plan.code,
                    before: Nothing?.none,
                    after: ["code": plan.code, "title": plan.title, "tasks": String(plan.tasks.count)], at: now)
            }
        } catch let error as PlanStore.ImportError {
            return .rejected([error.description])
        }
        return .imported(
            code: plan.code, tasks: plan.tasks.count, indicators: plan.tasks.reduce(0) { $0 + $1.indicators.count })
    }
}
