import Assessment
import Campaign

/// 重点任务进展 from the campaign as it stood at the bulletin's day.
struct TaskProgressContributor: BulletinContributor {
    func section(_ context: BulletinContext) async throws -> BulletinSection? {
        let snapshot = context.snapshot
        let plan = snapshot.plan
        var overall: [TaskStatus: Int] = [:]
        var named: [TaskProgressFacts.NamedTask] = []
        for task in plan.tasks {
            guard let assessment = snapshot.assessments[task.code] else { continue }
            overall[assessment.status, default: 0] += 1
            guard [.lagging, .overdue, .notReported].contains(assessment.status) else { continue }
            let row = TaskRow(
                task: task, assessment: assessment, progress: snapshot.progress(of: task), status: assessment.status)
            named.append(
                TaskProgressFacts.NamedTask(
                    code: task.code, title: task.title, status: assessment.status,
                    leads: task.lead.map(snapshot.unitName), reason: row.explanation(snapshot)))
        }
        named.sort { ($0.status, $0.code) < ($1.status, $1.code) }
        func counts(_ rows: [StatusSummary]) -> [TaskProgressFacts.UnitCounts] {
            rows.map { TaskProgressFacts.UnitCounts(code: $0.unit.code, name: $0.unit.name, counts: $0.counts) }
        }
        return .taskProgress(
            TaskProgressFacts(
                overall: overall,
                byLead: counts(StatusSummary.byLead(plan: plan, assessments: snapshot.assessments)),
                byCounty: counts(StatusSummary.byCounty(plan: plan, assessments: snapshot.assessments)),
                named: named))
    }
}
