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
        let plan = snapshot.plan
        var counts: [TaskStatus: Int] = [:]
        for assessment in snapshot.assessments.values { counts[assessment.status, default: 0] += 1 }
        let urgent = TaskRow.rows(snapshot, filter: TaskFilter())
            .filter { $0.status != .done && $0.status != .onTrack }
            .sorted { ($0.status, $0.task.deadline) < ($1.status, $1.task.deadline) }
        let latest = snapshot.calendar.reportMonths(until: plan.end).last {
            snapshot.calendar.lateFrom($0) <= snapshot.now
        }
        let season = try await req.campaigns.seasonFigures(
            plan: plan, asOf: snapshot.asOf ?? snapshot.calendar.civilDate(of: snapshot.now).adding(days: -1))
        let model = DashboardPage.Model(
            planTitle: plan.title, period: "\(plan.start) 至 \(plan.end)",
            asOfText: snapshot.asOf.map { "\($0) 24:00" } ?? UI.dateTime(snapshot.now, in: snapshot.calendar.timeZone),
            targets: plan.targets, season: season, counts: counts,
            total: plan.tasks.count, reportMonth: latest,
            reportDue: latest.map { dueText($0, snapshot) } ?? "",
            byLead: StatusSummary.byLead(plan: plan, assessments: snapshot.assessments),
            byCounty: StatusSummary.byCounty(plan: plan, assessments: snapshot.assessments),
            urgent: urgent.prefix(25).map { row in
                DashboardPage.Model.TaskLine(
                    code: row.task.code, title: row.task.title, lead: UI.unitNames(row.task.lead, snapshot),
                    deadline: row.task.deadlineText, status: row.status, detail: row.explanation(snapshot))
            }, asOf: snapshot.asOf?.description, urgentTotal: urgent.count)
        return DashboardPage.render(model, try await req.pageContext(.dashboard))
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
        let rows = TaskRow.rows(snapshot, filter: filter)
        var groups: [(category: String, rows: [TaskListPage.Line])] = []
        for row in rows {
            let line = TaskListPage.Line(
                code: row.task.code, origin: row.task.origin.chinese, title: row.task.title,
                measures: row.task.measures.count > 90 ? String(row.task.measures.prefix(90)) + "…" : row.task.measures,
                deadline: row.task.deadlineText, lead: UI.unitNames(row.task.lead, snapshot),
                responsible: UI.unitNames(row.task.responsible, snapshot), indicators: row.indicatorSummary(),
                status: row.status, explanation: row.explanation(snapshot))
            if let index = groups.firstIndex(where: { $0.category == row.task.category }) {
                groups[index].rows.append(line)
            } else {
                groups.append((row.task.category, [line]))
            }
        }
        let plan = snapshot.plan
        let leadCodes = Set(plan.tasks.flatMap(\.lead))
        let model = TaskListPage.Model(
            filter: filter, groups: groups, total: rows.count,
            leads: plan.units.filter { leadCodes.contains($0.code) && $0.kind != .county }.map { ($0.code, $0.name) },
            counties: plan.units.filter { $0.kind == .county }.map { ($0.code, $0.name) },
            categories: plan.tasks.map(\.category).reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
        return TaskListPage.render(model, try await req.pageContext(.tasks))
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
        guard let code = req.parameters.get("code"), let task = snapshot.loaded.task(code: code),
            let assessment = snapshot.assessments[code]
        else { throw Abort(.notFound, reason: "没有这项任务") }
        let user = try await req.currentUser()
        let progress = snapshot.progress(of: task)
        let row = TaskRow(task: task, assessment: assessment, progress: progress, status: assessment.status)
        let months = snapshot.calendar.reportMonths(until: snapshot.plan.end)
        let facts = snapshot.facts[code] ?? []
        var units: [TaskPage.Model.UnitLine] = []
        for (role, codes) in [("牵头", task.lead), ("配合", task.cooperating), ("负责落实", task.responsible)] {
            for unit in codes {
                if let index = units.firstIndex(where: { $0.unitName == snapshot.unitName(unit) }) {
                    units[index].role += "、" + role
                    continue
                }
                units.append(
                    TaskPage.Model.UnitLine(
                        unitName: snapshot.unitName(unit), role: role,
                        cells: months.map { month in
                            let report = facts.first { $0.unit == unit && $0.month == month }
                            let required = task.reportingUnits.contains(unit)
                            // A link only where the page would open: the unit's own reports, and others' once
                            // the office has had them (ReportPolicy.readAccess).
                            let opens =
                                switch user.readAccess(toReportsOf: unit, on: task, in: snapshot.loaded) {
                                case .everyVersion: true
                                case .asSubmitted: report?.state.isVisibleOutsideUnit == true
                                case .none: false
                                }
                            return TaskPage.Model.Cell(
                                month: month, state: report?.state,
                                late: report?.submittedAt.map { snapshot.calendar.isLate(submittedAt: $0, for: month) }
                                    ?? false,
                                due: required && snapshot.calendar.lateFrom(month) <= snapshot.now
                                    && month <= ReportMonth(containing: task.deadline),
                                link: opens ? SiteURL.report(task: code, unit: unit, month: month).path : nil)
                        }))
            }
        }
        var factLines: [(String, String)] = [
            (
                "来源",
                task.origin.chinese
                    + (task.section.map { s in
                        snapshot.plan.sections.first { $0.number == s }.map { " \($0.numeral)\($0.title)" } ?? ""
                    } ?? "")
            ),
            ("类别", task.category),
            ("重点工作", task.keyWork ?? "—"),
            ("主要任务", task.mainTask ?? "—"),
            ("完成时限", "\(task.deadlineText)（\(task.deadline)）"),
            ("牵头单位", UI.unitNames(task.lead, snapshot)),
            ("配合单位", UI.unitNames(task.cooperating, snapshot)),
            ("负责落实", UI.unitNames(task.responsible, snapshot)),
        ]
        if !task.subjects.isEmpty { factLines.append(("涉及企业/点位", task.subjects.joined(separator: "、"))) }
        if let forwardedBy = task.forwardedBy {
            factLines.append(
                (
                    "转发文件",
                    forwardedBy + (snapshot.loaded.ids.supervisors[code].map { "（\(snapshot.unitName($0))）" } ?? "")
                ))
        }
        if let notes = task.notes { factLines.append(("说明", notes)) }
        let model = TaskPage.Model(
            task: task, status: assessment.status,
            explanation: (snapshot.asOf.map { "截至 \($0)：" } ?? "") + row.explanation(snapshot),
            elapsed: assessment.elapsedShare,
            facts: factLines,
            indicators: task.indicators.map { indicator in
                TaskPage.Model.IndicatorLine(
                    indicator: indicator, current: progress.indicatorValues[indicator.code],
                    progress: assessment.indicatorProgress[indicator.code],
                    sourceConnected: req.isConnected(indicator.source))
            }, months: months, units: units)
        return TaskPage.render(model, try await req.pageContext(.tasks))
    }

    func plan(req: Request) async throws -> HTML {
        let snapshot = try await req.campaign()
        var sectionTasks: [Int: Int] = [:]
        for task in snapshot.plan.tasks where task.origin == .text {
            if let section = task.section { sectionTasks[section, default: 0] += 1 }
        }
        let model = PlanPage.Model(
            plan: snapshot.plan, sectionTasks: sectionTasks,
            tableTasks: snapshot.plan.tasks.filter { $0.origin == .table }.count, unitName: snapshot.unitName)
        return PlanPage.render(model, try await req.pageContext(.plan))
    }

    func myTasks(req: Request) async throws -> HTML {
        let user = try await req.currentUser()
        let snapshot = try await req.campaign(allowingAsOf: false)
        let month = snapshot.calendar.currentReportMonth(asOf: snapshot.now)
        func line(_ task: PlanTask, unit: String, role: String) -> MyTasksPage.Line {
            let report = (snapshot.facts[task.code] ?? []).first { $0.unit == unit && $0.month == month }
            let assessment = snapshot.assessments[task.code]
            return MyTasksPage.Line(
                code: task.code, title: task.title, role: role, deadline: task.deadlineText,
                status: assessment?.status(for: unit) ?? .onTrack, reportState: report?.state,
                late: report?.submittedAt.map { snapshot.calendar.isLate(submittedAt: $0, for: month) } ?? false,
                reportLink: SiteURL.report(task: task.code, unit: unit, month: month).path)
        }
        let mine = snapshot.plan.tasks.filter { ReportPolicy.canReport(unit: user.unitCode, on: $0) }.map { task in
            let roles = [
                task.lead.contains(user.unitCode) ? "牵头" : nil, task.cooperating.contains(user.unitCode) ? "配合" : nil,
                task.responsible.contains(user.unitCode) ? "负责落实" : nil,
            ].compactMap { $0 }
            return line(task, unit: user.unitCode, role: roles.joined(separator: "、"))
        }
        let supervised = snapshot.plan.tasks.filter {
            snapshot.loaded.ids.supervisors[$0.code] == user.unitCode
        }.flatMap { task in
            task.reportingUnits.map { unit in line(task, unit: unit, role: snapshot.unitName(unit)) }
        }
        let model = MyTasksPage.Model(
            unitName: user.unitName, month: month, due: dueText(month, snapshot), lines: mine, supervised: supervised)
        return MyTasksPage.render(model, try await req.pageContext(.myTasks))
    }

    private func dueText(_ month: ReportMonth, _ snapshot: CampaignSnapshot) -> String {
        let next = month.next
        return
            "\(next.year)-\(String(format: "%02d", next.month))-\(String(format: "%02d", snapshot.plan.reporting.dueDay)) \(snapshot.plan.reporting.dueTime)"
    }
}
