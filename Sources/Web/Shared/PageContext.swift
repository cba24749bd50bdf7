import Persistence
import Services
import Vapor

/// What every page needs besides its own model: who is looking, the form token, the active menu item, a notice.
struct PageContext {
    var user: CurrentUser?
    var csrf: String
    var section: NavSection?
    var notice: String?
    /// Whether the menu shows 市场监管 (``MarketAccess/mayRead``).
    var showsMarket = false
    /// The active item of the public menu, shown when nobody is signed in.
    var publicSection: PublicSection?
    /// How many of the user's unit's notices are unread (the header's 通知 link).
    var unreadNotices = 0
    /// The unread notices shown at the top of a home page (调度总览, 本单位任务).
    var homeNotices: [NoticeStore.Stored] = []

    /// A public page's context: nobody signed in, no form token, no session touched (so no cookie is set and the
    /// page can be cached).
    static func anonymous(_ section: PublicSection?) -> PageContext {
        PageContext(user: nil, csrf: "", section: nil, publicSection: section)
    }

    /// The public menu's items.
    enum PublicSection: CaseIterable {
        case air, warning, tasks, bulletins, checks, monitoring

        var label: String {
            switch self {
            case .air: "空气质量"
            case .warning: "重污染天气预警"
            case .tasks: "攻坚任务进展"
            case .bulletins: "调度通报"
            case .checks: "抽查结果"
            case .monitoring: "监测数据造假名单"
            }
        }

        var url: SiteURL {
            switch self {
            case .air: .publicHome
            case .warning: .publicWarning
            case .tasks: .publicTasks
            case .bulletins: .publicBulletins
            case .checks: .publicChecks
            case .monitoring: .publicMonitoring
            }
        }
    }

    enum NavSection {
        case dashboard, myTasks, monthly, tasks, bulletins, assessment, ledgers, air, market, emergency, sources, plan,
            units,
            users,
            planImport, audit
    }
}

extension Request {
    func pageContext(_ section: PageContext.NavSection?, notice: String? = nil) async throws -> PageContext {
        let user: CurrentUser? = auth.has(UserRecord.self) ? try await currentUser() : nil
        // The menu asks no query of its own: the plan this process holds decides who sees 市场监管.
        let showsMarket =
            user.map { user in
                let units = campaigns.lastLoadedPlan?.plan.units ?? []
                return MarketAccess(user: user, bureaus: MarketBureaus(units: units)).mayRead
            } ?? false
        var context = PageContext(
            user: user, csrf: csrfToken, section: section,
            notice: notice ?? (query[String.self, at: "notice"]).flatMap(Notice.text(for:)), showsMarket: showsMarket)
        if let user {
            let notices = NoticeStore(database: db)
            context.unreadNotices = try await notices.unreadCount(unit: user.unitCode)
            if context.unreadNotices > 0, section == .dashboard || section == .myTasks {
                context.homeNotices = try await notices.notices(unit: user.unitCode, unreadOnly: true, limit: 5)
            }
        }
        return context
    }
}

/// Notices passed through a redirect by key, so that no text from the URL reaches the page.
enum Notice: String {
    case saved, submitted, returned, accepted, requested, rejected, imported, created, passwordChanged, revoked,
        carried, recorded, caseOpened, caseMoved, drawn, published, warningIssued, warningChanged, forecastEntered,
        checkRecorded, listed, rowSaved, statusChanged, bulletinFinalised, bulletinPublished, bulletinWithdrawn

    static func text(for key: String) -> String? {
        switch Notice(rawValue: key) {
        case .saved: "已保存。"
        case .submitted: "已报送大气办。"
        case .returned: "已退回单位修改。"
        case .accepted: "已确认。"
        case .requested: "已提交单位负责人审核。"
        case .rejected: "已退回填报员。"
        case .imported: "方案已导入。"
        case .created: "已创建。"
        case .passwordChanged: "密码已修改。"
        case .revoked: "令牌已吊销。"
        case .carried: "已沿用上月报告的数值、完成情况和进展情况，保存为草稿。请核对，有变化的请修改后再提交。"
        case .recorded: "抽检记录已保存，检验结论已按抽样日有效的标准版本判定。"
        case .caseOpened: "已立案。"
        case .caseMoved: "案件进度已更新。"
        case .drawn: "已按录入的随机数抽取，并已复核。请在期限内公开结果。"
        case .published: "结果已公开。"
        case .warningIssued: "预警已发布，减排清单随之生效。"
        case .warningChanged: "预警已变更，记录在预警历史中。"
        case .forecastEntered: "预报已保存，建议级别按现行分级标准重新计算。"
        case .checkRecorded: "现场检查已记录；检查时间已作为检查时段计入异常规则。"
        case .listed: "重点排污单位名录已更新，覆盖率随之重新计算。"
        case .rowSaved: "已保存，修改前后的内容记录在本行的修改记录中。"
        case .statusChanged: "已变更所选行的状态，证据文件已存档；由台账计算的指标随之更新。"
        case .bulletinFinalised: "通报已定稿：此后的数据更正不会改变它，页面会列出更正后不同的数字。"
        case .bulletinPublished: "通报已在公开页面发布。"
        case .bulletinWithdrawn: "通报已从公开页面撤下。"
        case nil: nil
        }
    }
}
