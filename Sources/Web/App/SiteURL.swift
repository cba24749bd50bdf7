import Campaign
import Emergency
import Foundation
import LantianCore
import Services

/// Every page of the site, typed: links are built from these cases, never from strings. The path patterns are
/// written once, per capability (``SiteURL/Campaign``, ``SiteURL/Reports`` …): the controllers register their
/// routes with the same patterns the links are filled from, and `SiteURLTests` checks that every pattern is
/// registered and every registered route has its pattern here.
enum SiteURL: Equatable {
    case home
    case login(next: String?)
    case logout
    case password
    case tokens
    case tokenRevoke(id: UUID)
    case plan
    case air
    case airCSV(AirTable, asOf: String)
    case airImport
    case sandDust
    case tasks(TaskFilter)
    case tasksCSV(TaskFilter)
    case task(code: String, asOf: String? = nil)
    case myTasks
    /// 月度报送 of the signed-in user's unit for the current report month (a redirect to ``monthly(unit:month:)``).
    case myMonth
    case monthly(unit: String, month: ReportMonth)
    case report(task: String, unit: String, month: ReportMonth)
    case reportAction(task: String, unit: String, month: ReportMonth)
    case evidence(id: UUID)
    case dashboardCSV
    case units
    case users
    case userReset(username: String)
    case userToggle(username: String)
    case planImport
    case audit
    case market
    case marketPlans
    case marketPlan(id: UUID)
    case marketRegistry
    case marketNewCheck(product: String?)
    case marketChecks
    case marketResults
    case marketStandards(version: Int?)
    case marketDocuments(check: UUID)
    case marketDocument(id: UUID)
    case marketPlanEvidence(id: UUID)
    case marketActionEvidence(id: UUID)
    case marketCheck(id: UUID)
    case marketOpenCase(check: UUID)
    case marketCase(id: UUID)
    case marketDraws
    case marketActions
    case marketAction(id: UUID)
    case marketActionFinds(id: UUID)
    case marketDraw(id: UUID)
    case marketDrawSeed(id: UUID)
    case marketDrawPublish(id: UUID)
    case emergency
    case emergencyForecasts
    case emergencyWarnings
    case emergencyWarning(id: UUID)
    case emergencyRegistry
    case emergencyList(level: WarningLevel)
    case emergencyRules
    case emergencyOrders(warning: UUID, county: String?)
    case emergencyOrder(id: UUID)
    case emergencyInspections(warning: UUID)
    case emergencyInspectionFile(id: UUID, file: UUID)
    case emergencyReview(warning: UUID)
    case emergencyStaggering
    case emergencyMeasures(version: Int?)
    case ledgers
    case ledger(code: String)
    case ledgerRows(code: String, task: String, indicator: String)
    case ledgerCSV(code: String, filter: LedgerRowsPage.Filter)
    case ledgerRow(code: String, id: UUID)
    case ledgerStatus(code: String)
    case ledgerEvidence(code: String, id: UUID)
    case assessment(from: String?, to: String?)
    case dossier(unit: String?, task: String?)
    case notices
    case noticesRead
    case bulletins
    case bulletin(month: ReportMonth)
    case bulletinFinal(month: ReportMonth)
    case bulletinPublic(month: ReportMonth)
    case bulletinFile(month: ReportMonth, format: BulletinFormat)
    case measurements
    case measurement(code: String)
    case measurementUpload(code: String)
    case sources
    case sourcesKeyPolluters
    case sourcesSuspects(week: CivilDate?)
    case sourcesOutlet(mn: String, from: CivilDate? = nil, to: CivilDate? = nil)
    case sourcesChart(mn: String, factor: String, from: String, to: String)
    case sourcesChecks(mn: String)
    case sourcesCheckFile(id: UUID, file: UUID)
    case sourcesCases
    case sourcesPublish(id: UUID)
    case publicHome
    case publicTasks
    case publicBulletins
    case publicBulletin(month: ReportMonth)
    case publicChecks
    case publicMonitoring
    case publicWarning
    case publicOrder(token: String)
    case marketDrawFile(id: UUID, file: String)
    case publicDraw(id: UUID)
    case publicDrawFile(id: UUID, file: String)
    case stylesheet
    case bulletinStylesheet

    /// The season page's CSV tables.
    enum AirTable: String, CaseIterable {
        case daily, months, stations
    }

    var path: String {
        switch self {
        case .home: return Campaign.dashboard.path()
        case .login(let next):
            let path = Account.login.path()
            guard let next, next != "/" else { return path }
            return path + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        case .logout: return Account.logout.path()
        case .password: return Account.password.path()
        case .tokens: return Account.tokens.path()
        case .tokenRevoke(let id): return Account.tokenRevoke.path(id.uuidString)
        case .plan: return Campaign.plan.path()
        case .air: return Air.season.path()
        case .airCSV(let table, let asOf): return Air.csv(table).path() + "?asOf=" + asOf
        case .airImport: return Air.importData.path()
        case .sandDust: return Air.sandDust.path()
        case .tasks(let filter): return Campaign.tasks.path() + filter.query
        case .tasksCSV(let filter): return Campaign.tasksCSV.path() + filter.query
        case .task(let code, let asOf): return Campaign.task.path(code) + (asOf.map { "?asOf=\($0)" } ?? "")
        case .myTasks: return Campaign.myTasks.path()
        case .myMonth: return Reports.myMonth.path()
        case .monthly(let unit, let month): return Reports.monthly.path(unit, month.description)
        case .report(let task, let unit, let month): return Reports.report.path(task, unit, month.description)
        case .reportAction(let task, let unit, let month):
            return Reports.action.path(task, unit, month.description)
        case .evidence(let id): return Reports.evidence.path(id.uuidString)
        case .dashboardCSV: return Campaign.dashboardCSV.path()
        case .units: return Admin.units.path()
        case .users: return Admin.users.path()
        case .userReset(let username): return Admin.userReset.path(username)
        case .userToggle(let username): return Admin.userToggle.path(username)
        case .planImport: return Admin.planImport.path()
        case .audit: return Admin.audit.path()
        case .market: return Market.home.path()
        case .marketPlans: return Market.plans.path()
        case .marketPlan(let id): return Market.plan.path(id.uuidString)
        case .marketRegistry: return Market.registry.path()
        case .marketNewCheck(let product):
            return Market.newCheck.path()
                + (product.map { "?product=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
                    ?? "")
        case .marketChecks: return Market.checks.path()
        case .marketResults: return Market.results.path()
        case .marketDocuments(let check): return Market.documents.path(check.uuidString)
        case .marketDocument(let id): return Market.document.path(id.uuidString)
        case .marketPlanEvidence(let id): return Market.planEvidence.path(id.uuidString)
        case .marketActionEvidence(let id): return Market.actionEvidence.path(id.uuidString)
        case .marketStandards(let version): return Market.standards.path() + (version.map { "?version=\($0)" } ?? "")
        case .marketCheck(let id): return Market.check.path(id.uuidString)
        case .marketOpenCase(let check): return Market.openCase.path(check.uuidString)
        case .marketCase(let id): return Market.caseStep.path(id.uuidString)
        case .marketDraws: return Market.draws.path()
        case .marketActions: return Market.actions.path()
        case .marketAction(let id): return Market.action.path(id.uuidString)
        case .marketActionFinds(let id): return Market.actionFinds.path(id.uuidString)
        case .marketDraw(let id): return Market.draw.path(id.uuidString)
        case .marketDrawSeed(let id): return Market.drawSeed.path(id.uuidString)
        case .marketDrawPublish(let id): return Market.drawPublish.path(id.uuidString)
        case .marketDrawFile(let id, let file): return Market.drawFile.path(id.uuidString, file)
        case .emergency: return Emergency.home.path()
        case .emergencyForecasts: return Emergency.forecasts.path()
        case .emergencyWarnings: return Emergency.warnings.path()
        case .emergencyWarning(let id): return Emergency.warning.path(id.uuidString)
        case .emergencyRegistry: return Emergency.registry.path()
        case .emergencyList(let level): return Emergency.list.path() + "?level=" + level.rawValue
        case .emergencyRules: return Emergency.rules.path()
        case .emergencyOrders(let warning, let county):
            return Emergency.orders.path(warning.uuidString)
                + (county.map { "?county=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
                    ?? "")
        case .emergencyOrder(let id): return Emergency.order.path(id.uuidString)
        case .emergencyInspections(let warning): return Emergency.inspections.path(warning.uuidString)
        case .emergencyInspectionFile(let id, let file):
            return Emergency.inspectionFile.path(id.uuidString, file.uuidString)
        case .emergencyReview(let warning): return Emergency.review.path(warning.uuidString)
        case .emergencyStaggering: return Emergency.staggering.path()
        case .emergencyMeasures(let version):
            return Emergency.measures.path() + (version.map { "?version=\($0)" } ?? "")
        case .ledgers: return Ledgers.home.path()
        case .ledger(let code): return Ledgers.ledger.path(code)
        case .ledgerRows(let code, let task, let indicator):
            return Ledgers.ledger.path(code) + "?task=" + Self.component(task) + "&indicator="
                + Self.component(indicator)
        case .ledgerCSV(let code, let filter):
            let query = [
                ("owner", filter.owner), ("status", filter.status), ("task", filter.task),
                ("indicator", filter.indicator),
            ]
            .compactMap { key, value in value.map { "\(key)=" + Self.component($0) } }
            return Ledgers.csv.path(code) + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        case .ledgerRow(let code, let id): return Ledgers.row.path(code, id.uuidString)
        case .ledgerStatus(let code): return Ledgers.status.path(code)
        case .ledgerEvidence(let code, let id): return Ledgers.evidence.path(code, id.uuidString)
        case .assessment(let from, let to):
            let query = [("from", from), ("to", to)].compactMap { name, value in value.map { "\(name)=\($0)" } }
            return Assessment.home.path() + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        case .dossier(let unit, let task):
            let query = [("unit", unit), ("task", task)].compactMap { name, value in
                value.map { "\(name)=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
            }
            return Dossier.download.path() + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        case .notices: return Notices.home.path()
        case .noticesRead: return Notices.read.path()
        case .bulletins: return Bulletins.home.path()
        case .bulletin(let month): return Bulletins.bulletin.path(month.description)
        case .bulletinFinal(let month): return Bulletins.final.path(month.description)
        case .bulletinPublic(let month): return Bulletins.publish.path(month.description)
        case .bulletinFile(let month, let format): return Bulletins.path(format).path(month.description)
        case .measurements: return Measurements.home.path()
        case .measurement(let code): return Measurements.grid.path(code)
        case .measurementUpload(let code): return Measurements.upload.path(code)
        case .sources: return Sources.home.path()
        case .sourcesKeyPolluters: return Sources.keyPolluters.path()
        case .sourcesSuspects(let week): return Sources.suspects.path() + (week.map { "?week=\($0)" } ?? "")
        case .sourcesOutlet(let mn, let from, let to):
            let query = [from.map { "from=\($0)" }, to.map { "to=\($0)" }].compactMap { $0 }
            return Sources.outlet.path(mn) + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        case .sourcesChart(let mn, let factor, let from, let to):
            return Sources.chart.path(mn) + "?factor=" + Self.component(factor) + "&from="
                + Self.component(from) + "&to=" + Self.component(to)
        case .sourcesChecks(let mn): return Sources.checks.path(mn)
        case .sourcesCheckFile(let id, let file): return Sources.checkFile.path(id.uuidString, file.uuidString)
        case .sourcesCases: return Sources.cases.path()
        case .sourcesPublish(let id): return Sources.publish.path(id.uuidString)
        case .publicHome: return Public.home.path()
        case .publicTasks: return Public.tasks.path()
        case .publicBulletins: return Public.bulletins.path()
        case .publicBulletin(let month): return Public.bulletin.path(month.description)
        case .publicChecks: return Public.checks.path()
        case .publicMonitoring: return Public.monitoring.path()
        case .publicWarning: return Public.warning.path()
        case .publicOrder(let token): return Public.order.path(token)
        case .publicDraw(let id): return Public.draw.path(id.uuidString)
        case .publicDrawFile(let id, let file): return Public.drawFile.path(id.uuidString, file)
        case .stylesheet: return Static.stylesheet.path()
        case .bulletinStylesheet: return Static.bulletinStylesheet.path()
        }
    }
}

extension SiteURL {
    /// 总览、任务、方案: the campaign's pages.
    enum Campaign {
        static let dashboard = SitePath("/")
        static let dashboardCSV = SitePath("/dashboard.csv")
        static let tasks = SitePath("/tasks")
        static let tasksCSV = SitePath("/tasks.csv")
        static let task = SitePath("/tasks/:code")
        static let plan = SitePath("/plan")
        static let myTasks = SitePath("/my")
        static let all = [dashboard, dashboardCSV, tasks, tasksCSV, task, plan, myTasks]
    }

    /// 进展报告: one unit's report on a task for a month, its workflow and its evidence; 月度报送, a unit's month
    /// on one page.
    enum Reports {
        static let report = SitePath("/tasks/:code/reports/:unit/:month")
        static let action = SitePath("/tasks/:code/reports/:unit/:month/action")
        static let evidence = SitePath("/evidence/:id")
        static let monthly = SitePath("/units/:unit/months/:month")
        static let myMonth = SitePath("/my/month")
        static let all = [report, action, evidence, monthly, myMonth]
    }

    /// 空气质量: the season page, its tables, sand-dust periods and station-data import.
    enum Air {
        static let season = SitePath("/air")
        static let dailyCSV = SitePath("/air/daily.csv")
        static let monthsCSV = SitePath("/air/months.csv")
        static let stationsCSV = SitePath("/air/stations.csv")
        static let sandDust = SitePath("/air/sand-dust")
        static let importData = SitePath("/air/import")
        static let all = [season, dailyCSV, monthsCSV, stationsCSV, sandDust, importData]

        static func csv(_ table: AirTable) -> SitePath {
            switch table {
            case .daily: dailyCSV
            case .months: monthsCSV
            case .stations: stationsCSV
            }
        }
    }

    /// 登录与账号: sign-in, password, the user's API tokens.
    enum Account {
        static let login = SitePath("/login")
        static let logout = SitePath("/logout")
        static let password = SitePath("/account/password")
        static let tokens = SitePath("/account/tokens")
        static let tokenRevoke = SitePath("/account/tokens/:id/revoke")
        static let all = [login, logout, password, tokens, tokenRevoke]
    }

    /// 管理: units, users, plan import, the audit log (office only).
    enum Admin {
        static let units = SitePath("/admin/units")
        static let users = SitePath("/admin/users")
        static let userReset = SitePath("/admin/users/:username/reset")
        static let userToggle = SitePath("/admin/users/:username/toggle")
        static let planImport = SitePath("/admin/plans/import")
        static let audit = SitePath("/admin/audit")
        static let all = [units, users, userReset, userToggle, planImport, audit]
    }

    /// 市场监管: sampling plans with coverage, the registry, spot checks with verdicts and traces, cases.
    enum Market {
        static let home = SitePath("/market")
        static let plans = SitePath("/market/plans")
        static let plan = SitePath("/market/plans/:id")
        static let registry = SitePath("/market/registry")
        static let newCheck = SitePath("/market/checks/new")
        static let checks = SitePath("/market/checks")
        static let check = SitePath("/market/checks/:id")
        static let openCase = SitePath("/market/checks/:id/case")
        static let caseStep = SitePath("/market/cases/:id")
        static let draws = SitePath("/market/draws")
        static let draw = SitePath("/market/draws/:id")
        static let drawSeed = SitePath("/market/draws/:id/seed")
        static let drawPublish = SitePath("/market/draws/:id/publish")
        static let drawFile = SitePath("/market/draws/:id/files/:file")
        static let results = SitePath("/market/checks/results")
        static let standards = SitePath("/market/standards")
        static let documents = SitePath("/market/checks/:id/documents")
        static let document = SitePath("/market/documents/:id")
        static let planEvidence = SitePath("/market/plans/:id/evidence.zip")
        static let actionEvidence = SitePath("/market/actions/:id/evidence.zip")
        static let actions = SitePath("/market/actions")
        static let action = SitePath("/market/actions/:id")
        static let actionFinds = SitePath("/market/actions/:id/finds")
        static let all = [
            home, plans, plan, registry, newCheck, checks, check, openCase, caseStep, draws, draw, drawSeed,
            drawPublish, drawFile, actions, action, actionFinds, results, standards, documents, document, planEvidence,
            actionEvidence,
        ]
    }

    /// 重污染天气应急: forecasts and proposed levels, warnings issued and lifted, the enterprise registry, the
    /// emission-reduction list.
    enum Emergency {
        static let home = SitePath("/emergency")
        static let forecasts = SitePath("/emergency/forecasts")
        static let warnings = SitePath("/emergency/warnings")
        static let warning = SitePath("/emergency/warnings/:id")
        static let registry = SitePath("/emergency/registry")
        static let list = SitePath("/emergency/list")
        static let rules = SitePath("/emergency/rules")
        static let orders = SitePath("/emergency/warnings/:id/orders")
        static let order = SitePath("/emergency/orders/:id")
        static let inspections = SitePath("/emergency/warnings/:id/inspections")
        static let inspectionFile = SitePath("/emergency/inspections/:id/files/:file")
        static let review = SitePath("/emergency/warnings/:id/review")
        static let staggering = SitePath("/emergency/staggering")
        static let measures = SitePath("/emergency/measures")
        static let all = [
            home, forecasts, warnings, warning, registry, list, rules, orders, order, inspections, inspectionFile,
            review, staggering, measures,
        ]
    }

    /// 台账: the ledger types, each ledger's rows and what they compute, the export.
    enum Ledgers {
        static let home = SitePath("/ledgers")
        static let ledger = SitePath("/ledgers/:code")
        static let csv = SitePath("/ledgers/:code/rows.csv")
        static let row = SitePath("/ledgers/:code/rows/:id")
        static let status = SitePath("/ledgers/:code/status")
        static let evidence = SitePath("/ledgers/:code/evidence/:id")
        static let all = [home, ledger, csv, row, status, evidence]
    }

    /// 考核: scores and the accountability list for a period (`?from=&to=`).
    enum Assessment {
        static let home = SitePath("/assessment")
        static let all = [home]
    }

    /// 考核资料: a unit's, a task's or the campaign's dossier as one ZIP (`?unit=` / `?task=`).
    enum Dossier {
        static let download = SitePath("/dossier.zip")
        static let all = [download]
    }

    /// 通知: the unit's notices, and marking them read.
    enum Notices {
        static let home = SitePath("/notices")
        static let read = SitePath("/notices/read")
        static let all = [home, read]
    }

    /// 调度通报: the months' bulletins, each one's draft or final copy, finalising, publishing, the downloads.
    enum Bulletins {
        static let home = SitePath("/bulletins")
        static let bulletin = SitePath("/bulletins/:month")
        static let final = SitePath("/bulletins/:month/final")
        static let publish = SitePath("/bulletins/:month/public")
        static let print = SitePath("/bulletins/:month/print")
        static let docx = SitePath("/bulletins/:month/docx")
        static let pdf = SitePath("/bulletins/:month/pdf")
        static let all = [home, bulletin, final, publish, print, docx, pdf]

        static func path(_ format: BulletinFormat) -> SitePath {
            switch format {
            case .html: print
            case .docx: docx
            case .pdf: pdf
            }
        }
    }

    /// A bulletin's download: printable HTML, Word, PDF.
    enum BulletinFormat: String, CaseIterable {
        case html, docx, pdf
    }

    /// 月度监测: the monthly per-county measurements, each one's grid, its import.
    enum Measurements {
        static let home = SitePath("/measurements")
        static let grid = SitePath("/measurements/:code")
        static let upload = SitePath("/measurements/:code/import")
        static let all = [home, grid, upload]
    }

    /// 污染源监控: key polluters and their coverage, outlets, online-monitoring data, the inspectors' week, checks
    /// and the enforcement list.
    enum Sources {
        static let home = SitePath("/sources")
        static let keyPolluters = SitePath("/sources/key-polluters")
        static let suspects = SitePath("/sources/suspects")
        static let outlet = SitePath("/sources/outlets/:mn")
        static let chart = SitePath("/sources/outlets/:mn/chart")
        static let checks = SitePath("/sources/outlets/:mn/checks")
        static let checkFile = SitePath("/sources/checks/:id/files/:file")
        static let cases = SitePath("/sources/cases")
        static let publish = SitePath("/sources/checks/:id/publish")
        static let all = [home, keyPolluters, suspects, outlet, chart, checks, checkFile, cases, publish]
    }

    /// 公开: what anyone may read without signing in — the season's air quality against the targets, the tasks'
    /// public status, published bulletins, spot-check results, published draws and their files, the warning in
    /// force, the published list of monitoring fraud.
    enum Public {
        static let home = SitePath("/public")
        static let tasks = SitePath("/public/tasks")
        static let bulletins = SitePath("/public/bulletins")
        static let bulletin = SitePath("/public/bulletins/:month")
        static let checks = SitePath("/public/checks")
        static let draw = SitePath("/public/draws/:id")
        static let drawFile = SitePath("/public/draws/:id/files/:file")
        static let warning = SitePath("/public/warning")
        static let order = SitePath("/public/orders/:token")
        static let monitoring = SitePath("/public/monitoring")
        static let all = [home, tasks, bulletins, bulletin, checks, draw, drawFile, warning, order, monitoring]
    }

    /// The stylesheet and the health check.
    enum Static {
        static let stylesheet = SitePath("/static/lantian.css")
        static let bulletinStylesheet = SitePath("/static/bulletin.css")
        static let health = SitePath("/healthz")
        static let all = [stylesheet, bulletinStylesheet, health]
    }

    /// The JSON API (`/api/v1`), described by `OpenAPIDocument`.
    enum API {
        static let document = SitePath("/api/v1/openapi.json")
        static let tokens = SitePath("/api/v1/tokens")
        static let token = SitePath("/api/v1/tokens/:id")
        static let plans = SitePath("/api/v1/plans")
        static let plan = SitePath("/api/v1/plan")
        static let units = SitePath("/api/v1/units")
        static let tasks = SitePath("/api/v1/tasks")
        static let task = SitePath("/api/v1/tasks/:code")
        static let reports = SitePath("/api/v1/tasks/:code/reports")
        static let reportAction = SitePath("/api/v1/tasks/:code/reports/:unit/:month")
        static let airStations = SitePath("/api/v1/air/stations")
        static let airDays = SitePath("/api/v1/air/days")
        static let airSeason = SitePath("/api/v1/air/season")
        static let all = [
            document, tokens, token, plans, plan, units, tasks, task, reports, reportAction, airStations, airDays,
            airSeason,
        ]
    }

    /// Every pattern of the site and the API.
    static let allPaths: [SitePath] =
        Campaign.all + Reports.all + Air.all + Market.all + Emergency.all + Sources.all + Ledgers.all + Measurements.all
        + Bulletins.all + Assessment.all + Dossier.all + Notices.all
        + Public.all
        + Account.all
        + Admin.all + Static.all + API.all

    /// A query value, percent-encoded.
    static func component(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
