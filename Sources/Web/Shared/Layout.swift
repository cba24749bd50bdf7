import Campaign
import Foundation
import Plot
import Services
import Vapor

typealias BodyNode = Node<HTML.BodyContext>

/// The frame of every page: header with the plan's name, the menu for the user's role, the notice, the content.
enum Layout {
    static func page(_ title: String, _ context: PageContext, _ content: BodyNode...) -> HTML {
        HTML(
            .lang(.chinese),
            .head(
                .encoding(.utf8),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "\(title) · 蓝天 秋冬季攻坚调度平台"),
                .stylesheet(SiteURL.stylesheet.path)
            ),
            .body(
                .header(
                    .class("top"),
                    .a(
                        .class("brand"), .attr("href", (context.user == nil ? SiteURL.publicHome : SiteURL.home).path),
                        .text("蓝天 · 秋冬季大气污染综合治理攻坚调度平台")),
                    .unwrap(context.user) { user in
                        .div(
                            .class("who"),
                            .span(.text("\(user.unitName) · \(user.displayName)（\(user.role.chinese)）")),
                            .a(
                                .href(SiteURL.notices),
                                .text(context.unreadNotices > 0 ? "通知（\(context.unreadNotices)）" : "通知")),
                            .a(.href(SiteURL.tokens), .text("API 令牌")),
                            .form(
                                .class("inline"), .method(.post), .action(SiteURL.logout),
                                csrfField(context.csrf),
                                .button(.type(.submit), .class("link"), .text("退出"))
                            )
                        )
                    }
                ),
                context.user.map { user in navigation(user, context.section, showsMarket: context.showsMarket) }
                    ?? publicNavigation(context.publicSection),
                .main(
                    .unwrap(context.notice) {
                        .div(.class("notice"), .attribute(named: "role", value: "status"), .text($0))
                    },
                    .h1(.text(title)),
                    .if(
                        !context.homeNotices.isEmpty,
                        .div(
                            .class("panel"), .attribute(named: "role", value: "status"),
                            .h2(.text("未读通知（\(context.unreadNotices)）")),
                            NoticesPage.list(context.homeNotices, zone: Layout.beijing, context),
                            .p(.class("small"), .a(.href(SiteURL.notices), .text("全部通知"))))),
                    .group(content)
                ),
                .footer(.text("蓝天 Lantian · 数据以报送与监测为准 · 时间均为北京时间"))
            )
        )
    }

    /// The menu of the public pages, shown to anyone not signed in.
    private static func publicNavigation(_ current: PageContext.PublicSection?) -> BodyNode {
        .nav(
            .class("menu"),
            .forEach(PageContext.PublicSection.allCases) { section in
                .a(
                    .attr("href", section.url.path), .attr("class", section == current ? "active" : ""),
                    .text(section.label))
            },
            .a(.href(SiteURL.login(next: nil)), .text("登录"))
        )
    }

    private static func navigation(_ user: CurrentUser, _ current: PageContext.NavSection?, showsMarket: Bool)
        -> BodyNode
    {
        var items: [(PageContext.NavSection, String, String)] = [
            (.dashboard, "调度总览", SiteURL.home.path),
            (.tasks, "全部任务", SiteURL.tasks(TaskFilter()).path),
            (.bulletins, "调度通报", SiteURL.bulletins.path),
            (.ledgers, "台账与监测", SiteURL.ledgers.path),
            (.air, "空气质量", SiteURL.air.path),
            (.emergency, "重污染应急", SiteURL.emergency.path),
            (.sources, "污染源监控", SiteURL.sources.path),
            (.plan, "方案与文件", SiteURL.plan.path),
        ]
        if user.canWriteReports || user.role == .viewer {
            items.insert((.myTasks, "本单位任务", SiteURL.myTasks.path), at: 1)
        }
        if user.canWriteReports {
            items.insert((.monthly, "月度报送", SiteURL.myMonth.path), at: 2)
        }
        if showsMarket {
            items.insert((.market, "市场监管", SiteURL.market.path), at: items.count - 1)
        }
        if user.isOffice {
            items.insert((.assessment, "考核", SiteURL.assessment(from: nil, to: nil).path), at: 3)
            items += [
                (.units, "单位管理", SiteURL.units.path), (.users, "用户管理", SiteURL.users.path),
                (.planImport, "方案导入", SiteURL.planImport.path), (.audit, "操作日志", SiteURL.audit.path),
            ]
        }
        return .nav(
            .class("menu"),
            .forEach(items) { section, label, path in
                .a(.attr("href", path), .attr("class", section == current ? "active" : ""), .text(label))
            }
        )
    }

    /// Beijing time, in which every page writes its times (the footer says so).
    static let beijing = TimeZone(identifier: "Asia/Shanghai")!

    static func csrfField<C>(_ token: String) -> Node<C> {
        .element(
            named: "input",
            nodes: [
                .attribute(named: "type", value: "hidden"), .attr("name", CSRFMiddleware.field),
                .attr("value", token),
            ] as [Node<C>])
    }
}

extension HTML: @retroactive AsyncResponseEncodable {
    public func encodeResponse(for request: Request) async throws -> Response {
        Response.html(render())
    }
}

extension Response {
    static func html(_ text: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: text))
    }
}
