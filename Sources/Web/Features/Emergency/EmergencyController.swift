import Campaign
import Emergency
import Foundation
import LantianCore
import Persistence
import Plot
import Seed
import Services
import Vapor

/// 重污染天气应急 — forecasts and the levels they call for, warnings issued, changed and lifted, the enterprise
/// registry, the emission-reduction list with its gap-closer, and the public warning page. Every handler checks
/// ``EmergencyAccess`` on the server.
struct EmergencyController {
    func boot(routes: any RoutesBuilder, maxUploadBytes: Int) {
        routes.get(SiteURL.Emergency.home, use: home)
        routes.upload(SiteURL.Emergency.forecasts, maxBytes: maxUploadBytes, use: importForecast)
        routes.post(SiteURL.Emergency.warnings, use: issue)
        routes.get(SiteURL.Emergency.warning, use: warning)
        routes.post(SiteURL.Emergency.warning, use: change)
        routes.get(SiteURL.Emergency.registry, use: registry)
        routes.upload(SiteURL.Emergency.registry, maxBytes: maxUploadBytes, use: importRegistry)
        routes.get(SiteURL.Emergency.list, use: list)
        routes.post(SiteURL.Emergency.rules, use: chooseRules)
        routes.get(SiteURL.Emergency.orders, use: orders)
        routes.post(SiteURL.Emergency.orders, use: sendOrders)
        routes.post(SiteURL.Emergency.order, use: markDelivered)
        routes.upload(SiteURL.Emergency.inspections, maxBytes: maxUploadBytes * 5, use: recordInspection)
        routes.get(SiteURL.Emergency.inspectionFile, use: inspectionFile)
        routes.get(SiteURL.Emergency.review, use: review)
        routes.get(SiteURL.Emergency.staggering, use: staggering)
        routes.get(SiteURL.Emergency.measures, use: measures)
        routes.post(SiteURL.Emergency.measures, use: saveMeasures)
    }

    /// The public warning page: no sign-in.
    /// The control orders' links: an enterprise's own order behind its token, signed for in a form.
    func bootPublic(routes: any RoutesBuilder) {
        routes.get(SiteURL.Public.order, use: publicOrder).publiclyReachable()
        routes.post(SiteURL.Public.order, use: acknowledge).publiclyReachable()
    }

    static func counties(_ req: Request) async throws -> MarketBureaus {
        MarketBureaus(units: try await req.currentPlan().plan.units)
    }

    // MARK: 重污染应急

    func home(req: Request) async throws -> HTML {
        try await homePage(req, errors: [], outcome: nil)
    }

    func homePage(_ req: Request, errors: [String], outcome: TableImportOutcome?) async throws -> HTML {
        let access = try await req.emergencyAccess()
        let emergency = req.emergency()
        let counties = try await Self.counties(req)
        let warnings = try await emergency.store.warnings()
        let enterprises = try await emergency.store.enterprises()
        let names = Dictionary(enterprises.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let documents = Dictionary(warnings.map { ($0.id, $0.document) }, uniquingKeysWith: { a, _ in a })
        var model = EmergencyPage.Model(
            warnings: warnings, rules: try await emergency.rules(),
            proposal: try await emergency.proposal(), countyName: counties.countyName,
            enterprises: enterprises.count,
            hasInventory: try await emergency.inventory() != nil, access: access, now: HourText.hour(of: req.now),
            errors: errors, outcome: outcome)
        model.violations = try await emergency.store.inspections().filter { !$0.complied }.map {
            (
                names[$0.enterprise] ?? $0.enterprise, $0.warningID, documents[$0.warningID] ?? "",
                HourText.chinese($0.hour), $0.note
            )
        }
        return EmergencyPage.render(model, try await req.pageContext(.emergency))
    }

    struct Upload: Content {
        var kind: String?
        var file: File?
    }

    func importForecast(req: Request) async throws -> Response {
        let access = try await req.emergencyAccess()
        try access.requireForecast()
        guard let file = (try? req.content.decode(Upload.self))?.file, file.data.readableBytes > 0 else {
            return Response.html(
                try await homePage(req, errors: ["请选择预报文件"], outcome: nil).render(), status: .unprocessableEntity)
        }
        let outcome = try await req.emergency().importForecast(
            Data(file.data.readableBytesView), file: file.filename, actor: try await req.currentUser().audit,
            at: req.now)
        guard outcome.problems.isEmpty else {
            return Response.html(
                try await homePage(req, errors: [], outcome: outcome).render(), status: .unprocessableEntity)
        }
        if outcome.warnings.isEmpty { return req.redirect(to: SiteURL.emergency.path + "?notice=forecastEntered") }
        return Response.html(try await homePage(req, errors: [], outcome: outcome).render())
    }

    /// Reads `YYYY-MM-DDTHH:00` (or a space, or `:00:00`) as a Beijing hour; nil otherwise.
    static func hour(_ text: String?) -> String? {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "T")
        return HourClock.instant(trimmed).map(HourClock.text)
    }

    func issue(req: Request) async throws -> Response {
        let access = try await req.emergencyAccess()
        try access.requireIssue()
        let form = try req.content.decode([String: String].self)
        let rules = try await req.emergency().rules()
        var errors: [String] = []
        let level = form["level"].flatMap(WarningLevel.init(rawValue:))
        if level == nil || !rules.levels.contains(level ?? .none) {
            errors.append("请选择\(rules.title)中的预警级别")
        }
        let starts = Self.hour(form["starts"])
        if starts == nil { errors.append("开始时间应写作 2022-01-24T20:00") }
        let end = Self.hour(form["expectedEnd"])
        if end == nil { errors.append("预计结束时间应写作 2022-01-27T22:00") }
        if let starts, let end, end <= starts { errors.append("预计结束时间应晚于开始时间") }
        let document = (form["document"] ?? "").trimmingCharacters(in: .whitespaces)
        if document.isEmpty { errors.append("请填写预警文号") }
        let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard errors.isEmpty, let level, let starts, let end else {
            return Response.html(
                try await homePage(req, errors: errors, outcome: nil).render(), status: .unprocessableEntity)
        }
        do {
            let id = try await req.emergency().store.issue(
                level: level, starts: starts, expectedEnd: end, document: document, rules: rules.code,
                reason: reason.isEmpty ? "大气办研判" : reason, actor: try await req.currentUser().audit, at: req.now)
            return req.redirect(to: SiteURL.emergencyWarning(id: id).path + "?notice=warningIssued")
        } catch let conflict as EmergencyStore.Conflict {
            return Response.html(
                try await homePage(req, errors: [conflict.description], outcome: nil).render(), status: .conflict)
        }
    }

    func warning(req: Request) async throws -> HTML {
        try await warningPage(req, try await warningByID(req), errors: [])
    }

    private func warningPage(_ req: Request, _ warning: EmergencyStore.StoredWarning, errors: [String])
        async throws -> HTML
    {
        WarningPage.render(try await warningModel(req, warning, errors: errors), try await req.pageContext(.emergency))
    }

    func warningModel(_ req: Request, _ warning: EmergencyStore.StoredWarning, errors: [String]) async throws
        -> WarningPage.Model
    {
        let access = try await req.emergencyAccess()
        let emergency = req.emergency()
        var levels = EmergencyResponse.shippedRules[warning.rules]?.levels ?? []
        if levels.isEmpty { levels = try await emergency.rules().levels }
        var model = WarningPage.Model(
            warning, levels: levels, now: HourText.hour(of: req.now), mayChange: access.mayIssue, errors: errors)
        model.add(
            orders: try await emergency.store.orders(warning: warning.id),
            inspections: try await emergency.store.inspections(warning: warning.id),
            enterprises: try await emergency.store.enterprises(), counties: try await Self.counties(req).counties,
            mayInspect: access.mayKeepRegistry)
        return model
    }

    func change(req: Request) async throws -> Response {
        let access = try await req.emergencyAccess()
        try access.requireIssue()
        let warning = try await warningByID(req)
        let form = try req.content.decode([String: String].self)
        var errors: [String] = []
        let action = form["action"].flatMap(EmergencyStore.Action.init(rawValue:))
        if action == nil || action == .issue { errors.append("请选择升级、降级、调整或解除") }
        var level = warning.level
        if action == .upgrade || action == .downgrade {
            let chosen = form["level"].flatMap(WarningLevel.init(rawValue:)) ?? .none
            if action == .upgrade && chosen <= warning.level { errors.append("升级须选比\(warning.level.chinese)更高的级别") }
            if action == .downgrade && (chosen >= warning.level || chosen == .none) {
                errors.append("降级须选比\(warning.level.chinese)更低的级别（解除请选“解除”）")
            }
            level = chosen
        }
        let hour = Self.hour(form["hour"])
        if hour == nil { errors.append("生效时间应写作 2022-01-26T08:00") }
        if let hour, hour < warning.starts { errors.append("生效时间不能早于预警开始时间") }
        let end = Self.hour(form["expectedEnd"]) ?? warning.expectedEnd
        let note = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.isEmpty { errors.append("请写明变更说明") }
        let document = (form["document"] ?? "").trimmingCharacters(in: .whitespaces)
        guard errors.isEmpty, let action, let hour else {
            return Response.html(
                try await warningPage(req, warning, errors: errors).render(), status: .unprocessableEntity)
        }
        do {
            try await req.emergency().store.change(
                warning.id, action, level: level, expectedEnd: action == .lift ? hour : end,
                document: document.isEmpty ? warning.document : document, note: note, hour: hour,
                actor: try await req.currentUser().audit, at: req.now)
        } catch let conflict as EmergencyStore.Conflict {
            return Response.html(
                try await warningPage(req, warning, errors: [conflict.description]).render(), status: .conflict)
        }
        return req.redirect(to: SiteURL.emergencyWarning(id: warning.id).path + "?notice=warningChanged")
    }

    func chooseRules(req: Request) async throws -> Response {
        let access = try await req.emergencyAccess()
        try access.requireRules()
        let code = (try req.content.decode([String: String].self))["rules"] ?? ""
        guard try await req.emergency().chooseRules(code, actor: try await req.currentUser().audit, at: req.now) else {
            return Response.html(
                try await homePage(req, errors: ["没有这个分级标准：\(code)"], outcome: nil).render(),
                status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.emergency.path + "?notice=saved")
    }

    // MARK: Registry and list

    func registry(req: Request) async throws -> HTML {
        try await registryPage(req, outcome: nil, kind: "")
    }

    private func registryPage(_ req: Request, outcome: TableImportOutcome?, kind: String) async throws -> HTML {
        let access = try await req.emergencyAccess()
        let emergency = req.emergency()
        let model = EnterprisesPage.Model(
            enterprises: try await emergency.store.enterprises(), inventory: try await emergency.inventory(),
            counties: try await Self.counties(req).counties, industries: try await emergency.measures(),
            outcome: outcome,
            outcomeKind: kind, mayKeep: access.mayKeepRegistry,
            maxMegabytes: req.application.lantian.maxUploadBytes >> 20)
        return EnterprisesPage.render(model, try await req.pageContext(.emergency))
    }

    func importRegistry(req: Request) async throws -> Response {
        let access = try await req.emergencyAccess()
        try access.requireRegistry()
        let upload = try? req.content.decode(Upload.self)
        guard let file = upload?.file, file.data.readableBytes > 0 else {
            return Response.html(
                try await registryPage(req, outcome: .unreadable("（未选择文件）", "请选择要导入的文件"), kind: "").render(),
                status: .unprocessableEntity)
        }
        let data = Data(file.data.readableBytesView)
        let actor = try await req.currentUser().audit
        let emergency = req.emergency()
        let outcome: TableImportOutcome
        let kind: String
        switch upload?.kind {
        case "equipment":
            kind = "生产线与设备"
            outcome = try await emergency.importEquipment(data, file: file.filename, actor: actor, at: req.now)
        case "inventory":
            kind = "排放总量"
            outcome = try await emergency.importInventory(data, file: file.filename, actor: actor, at: req.now)
        default:
            kind = "企业名录"
            outcome = try await emergency.importEnterprises(
                data, file: file.filename, counties: try await Self.counties(req), actor: actor, at: req.now)
        }
        return Response.html(
            try await registryPage(req, outcome: outcome, kind: kind).render(),
            status: outcome.problems.isEmpty ? .ok : .unprocessableEntity)
    }

    func list(req: Request) async throws -> HTML {
        _ = try await req.emergencyAccess()
        let emergency = req.emergency()
        let rules = try await emergency.rules()
        let inForce = try await emergency.store.warnings().first(where: \.inForce)?.level
        let asked = (try? req.query.get(String.self, at: "level")).flatMap(WarningLevel.init(rawValue:))
        let level =
            [asked, inForce, .orange].compactMap { $0 }.first { rules.levels.contains($0) && $0 != .blue } ?? .orange
        let counties = try await Self.counties(req)
        let model = ReductionListPage.Model(
            level: level, rules: rules, list: try await emergency.list(at: level), countyName: counties.countyName)
        return ReductionListPage.render(model, try await req.pageContext(.emergency))
    }

    func staggering(req: Request) async throws -> HTML {
        _ = try await req.emergencyAccess()
        let works = try await req.emergency().store.enterprises().filter { enterprise in
            enterprise.equipment.contains { $0.kind == "blast-furnace" }
        }
        let asked = try? req.query.get(String.self, at: "enterprise")
        let selected = works.first { $0.id == asked } ?? (asked == nil ? nil : works.first)
        let stopped = Set((try? req.query.get([String].self, at: "stop")) ?? [])
        let model = StaggeringPage.Model(
            works: works.map { ($0.id, $0.name) }, selected: selected, stopped: stopped,
            plan: selected.map { StaggeringPlan(enterprise: $0, stopped: stopped) })
        return StaggeringPage.render(model, try await req.pageContext(.emergency))
    }

    func measures(req: Request) async throws -> HTML {
        try await measuresPage(req, draft: nil, note: "", errors: [])
    }

    private func measuresPage(_ req: Request, draft: String?, note: String, errors: [String]) async throws -> HTML {
        let access = try await req.emergencyAccess()
        let emergency = req.emergency()
        let versions = try await emergency.store.measureVersions.all()
        let shown = req.query[Int.self, at: "version"]
        let document = try UI.shownDocument(versions, shown: shown, draft: draft) { try SeedEmergency.measures }
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let table = try await emergency.measures()
        let model = MeasuresPage.Model(
            source: versions.first.map { "第 \($0.version) 版（\($0.savedBy)，\(UI.dateTime($0.savedAt, in: zone))）" }
                ?? "随平台发布的默认措施表",
            measures: table.measures.count, unverified: table.measures.filter { !$0.verified }.count,
            versions: versions.map { ($0.version, $0.note, $0.savedBy, UI.dateTime($0.savedAt, in: zone)) },
            document: document, shown: shown, mayEdit: access.mayChooseRules, note: note, errors: errors)
        return MeasuresPage.render(model, try await req.pageContext(.emergency))
    }

    func saveMeasures(req: Request) async throws -> Response {
        let access = try await req.emergencyAccess()
        try access.requireRules()
        let form = try req.content.decode([String: String].self)
        let document = form["document"] ?? ""
        let note = (form["note"] ?? "").trimmingCharacters(in: .whitespaces)
        let problems = try await req.emergency().saveMeasures(
            document, note: note, actor: try await req.currentUser().audit, at: req.now)
        guard problems.isEmpty else {
            return Response.html(
                try await measuresPage(req, draft: document, note: note, errors: problems).render(),
                status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.emergencyMeasures(version: nil).path + "?notice=saved")
    }

    // MARK: Public

    /// The public site's page: no session, cacheable.
    func bootPublicSite(routes: any RoutesBuilder) {
        routes.get(SiteURL.Public.warning, use: publicWarning).publiclyReachable()
    }

    func publicWarning(req: Request) async throws -> Response {
        let warnings = try await req.emergency().store.warnings()
        let model = PublicWarningPage.Model(
            current: warnings.first(where: \.inForce).map(EmergencyPage.Model.row),
            history: warnings.filter { !$0.inForce }.map(EmergencyPage.Model.row))
        return Response.publicPage(PublicWarningPage.render(model, .anonymous(.warning)).render(), for: req)
    }
}
