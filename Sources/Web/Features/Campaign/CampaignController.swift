import Campaign
import Fluent
import LantianCore
import Persistence
import Plot
import Services
import Vapor

/// 调度总览、任务列表与详情、方案、本单位任务, and their CSV exports.
struct CampaignController {
    func boot(routes: any RoutesBuilder) {
        routes.get(SiteURL.Campaign.dashboard, use: dashboard)
        routes.get(SiteURL.Campaign.dashboardCSV, use: dashboardCSV)
        routes.get(SiteURL.Campaign.tasks, use: tasks)
        routes.get(SiteURL.Campaign.tasksCSV, use: tasksCSV)
        routes.get(SiteURL.Campaign.task, use: task)
        routes.get(SiteURL.Campaign.plan, use: plan)
        routes.get(SiteURL.Campaign.myTasks, use: myTasks)
    }

    func dashboard(req: Request) async throws -> HTML {
        let snapshot = try await req.campaign()
        let season = try await req.campaigns.seasonFigures(
            plan: snapshot.plan, asOf: DashboardPage.Model.seasonDay(snapshot), versions: snapshot.versions)
        return DashboardPage.render(
            DashboardPage.Model(snapshot: snapshot, season: season), try await req.pageContext(.dashboard))
    }

    func dashboardCSV(req: Request) async throws -> Response {
        let snapshot = try await req.campaign()
        let statuses = TaskStatus.allCases.sorted()
        var rows: [[String]] = []
        for (kind, summaries) in [
            ("牵头单位", StatusSummary.byLead(plan: snapshot.plan, assessments: snapshot.assessments)),
            ("县（市、区）", StatusSummary.byCounty(plan: snapshot.plan, assessments: snapshot.assessments)),
        ] {
            for row in summaries {
                rows.append(
                    [kind, row.unit.name, String(row.total)] + statuses.map { String(row.counts[$0] ?? 0) }
                        + [String(row.missingReports)])
            }
        }
        let csv = CSV(header: ["口径", "单位", "任务数"] + statuses.map(\.chinese) + ["缺报"], rows: rows)
        return csv.response(fileName: "调度总览-\(snapshot.calendar.civilDate(of: snapshot.now)).csv")
    }

    func tasks(req: Request) async throws -> HTML {
        let snapshot = try await req.campaign()
        let filter = try req.query.decode(TaskFilter.self)
        return TaskListPage.render(
            TaskListPage.Model(snapshot: snapshot, filter: filter), try await req.pageContext(.tasks))
    }

    func tasksCSV(req: Request) async throws -> Response {
        let snapshot = try await req.campaign()
        let filter = try req.query.decode(TaskFilter.self)
        let rows = TaskRow.rows(snapshot, filter: filter).map { row in
            [
                row.task.code, row.task.origin.chinese, row.task.category, row.task.keyWork ?? "",
                row.task.mainTask ?? "",
                row.task.measures, row.task.deadline.description, row.task.deadlineText,
                UI.unitNames(row.task.lead, snapshot), UI.unitNames(row.task.cooperating, snapshot),
                UI.unitNames(row.task.responsible, snapshot), row.indicatorSummary(), row.status.chinese,
                row.explanation(snapshot),
            ]
        }
        let csv = CSV(
            header: [
                "编号", "来源", "类别", "重点工作", "主要任务", "工程措施", "完成时限", "时限原文", "牵头单位", "配合单位", "负责落实", "量化指标", "状态", "说明",
            ],
            rows: rows)
        return csv.response(fileName: "任务清单-\(snapshot.calendar.civilDate(of: snapshot.now)).csv")
    }

    func task(req: Request) async throws -> HTML {
        let snapshot = try await req.campaign()
        let user = try await req.currentUser()
        guard let code = req.parameters.get("code"),
            let model = TaskPage.Model(snapshot: snapshot, code: code, user: user, isConnected: req.isConnected)
        else { throw Abort(.notFound, reason: "没有这项任务") }
        return TaskPage.render(model, try await req.pageContext(.tasks))
    }

    func plan(req: Request) async throws -> HTML {
        let snapshot = try await req.campaign()
        return PlanPage.render(PlanPage.Model(snapshot: snapshot), try await req.pageContext(.plan))
    }

    func myTasks(req: Request) async throws -> HTML {
        let user = try await req.currentUser()
        let snapshot = try await req.campaign(allowingAsOf: false)
        return MyTasksPage.render(
            MyTasksPage.Model(snapshot: snapshot, user: user), try await req.pageContext(.myTasks))
    }
}
