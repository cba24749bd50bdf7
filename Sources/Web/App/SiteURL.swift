import Campaign
import Foundation
import LantianCore
import Services

/// Every page of the site, typed: links are built from these cases, never from strings.
enum SiteURL: Equatable {
    case home
    case login(next: String?)
    case logout
    case password
    case tokens
    case tokenRevoke(id: UUID)
    case plan
    case air
    case airCSV(table: String, asOf: String)
    case airImport
    case tasks(TaskFilter)
    case tasksCSV(TaskFilter)
    case task(code: String, asOf: String? = nil)
    case myTasks
    case report(task: String, unit: String, month: ReportMonth)
    case reportAction(task: String, unit: String, month: ReportMonth)
    case evidence(id: UUID)
    case dashboardCSV
    case units
    case users
    case planImport
    case audit
    case stylesheet

    var path: String {
        switch self {
        case .home: return "/"
        case .login(let next):
            guard let next, next != "/" else { return "/login" }
            return "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        case .logout: return "/logout"
        case .password: return "/account/password"
        case .tokens: return "/account/tokens"
        case .tokenRevoke(let id): return "/account/tokens/\(id.uuidString)/revoke"
        case .plan: return "/plan"
        case .air: return "/air"
        case .airCSV(let table, let asOf): return "/air/\(table).csv?asOf=\(asOf)"
        case .airImport: return "/air/import"
        case .tasks(let filter): return "/tasks" + filter.query
        case .tasksCSV(let filter): return "/tasks.csv" + filter.query
        case .task(let code, let asOf): return "/tasks/\(code)" + (asOf.map { "?asOf=\($0)" } ?? "")
        case .myTasks: return "/my"
        case .report(let task, let unit, let month): return "/tasks/\(task)/reports/\(unit)/\(month)"
        case .reportAction(let task, let unit, let month): return "/tasks/\(task)/reports/\(unit)/\(month)/action"
        case .evidence(let id): return "/evidence/\(id.uuidString)"
        case .dashboardCSV: return "/dashboard.csv"
        case .units: return "/admin/units"
        case .users: return "/admin/users"
        case .planImport: return "/admin/plans/import"
        case .audit: return "/admin/audit"
        case .stylesheet: return "/static/lantian.css"
        }
    }
}
