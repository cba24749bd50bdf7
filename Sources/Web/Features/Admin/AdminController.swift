import Campaign
import Fluent
import LantianCore
import Persistence
import Plot
import Services
import Vapor

/// 单位管理、用户管理、方案导入、操作日志 — the office administrator's pages, registered behind
/// `RequireRoleMiddleware.office`.
struct AdminController {
    func boot(routes: any RoutesBuilder, maxUploadBytes: Int) {
        routes.get(SiteURL.Admin.units, use: units)
        routes.post(SiteURL.Admin.units, use: createUnit)
        routes.get(SiteURL.Admin.users, use: users)
        routes.post(SiteURL.Admin.users, use: createUser)
        routes.post(SiteURL.Admin.userReset, use: resetPassword)
        routes.post(SiteURL.Admin.userToggle, use: toggleUser)
        routes.get(SiteURL.Admin.planImport, use: importForm)
        routes.upload(SiteURL.Admin.planImport, maxBytes: maxUploadBytes, use: importPlan)
        routes.get(SiteURL.Admin.audit, use: audit)
    }

    // MARK: units

    struct UnitForm: Content {
        var code: String?
        var name: String?
        var kind: String?
        var parent: String?
    }

    func units(req: Request) async throws -> HTML {
        return try await unitsPage(req, errors: [], form: [:])
    }

    private func unitsPage(_ req: Request, errors: [String], form: [String: String]) async throws -> HTML {
        let records = try await UnitRecord.query(on: req.db).with(\.$parent).all()
        let users = try await UserRecord.query(on: req.db).all()
        let lines = records.map { unit in
            UnitsPage.Line(
                code: unit.code, name: unit.name, kind: unit.unitKind, parent: unit.parent?.name ?? "—",
                users: users.filter { $0.$unit.id == unit.id }.count)
        }.sorted { ($0.kind.rawValue, $0.code) < ($1.kind.rawValue, $1.code) }
        return UnitsPage.render(.init(lines: lines, errors: errors, form: form), try await req.pageContext(.units))
    }

    func createUnit(req: Request) async throws -> Response {
        let user = try await req.currentUser()
        let form = try req.content.decode(UnitForm.self)
        let code = (form.code ?? "").trimmingCharacters(in: .whitespaces)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [String] = []
        if code.isEmpty || !code.allSatisfy({ "abcdefghijklmnopqrstuvwxyz0123456789-".contains($0) }) {
            errors.append("代码只能用英文小写字母、数字和 -")
        }
        if name.isEmpty { errors.append("请填写名称") }
        let kind = form.kind.flatMap(OrgUnit.Kind.init(rawValue:))
        if kind == nil { errors.append("请选择类型") }
        if try await UnitRecord.query(on: req.db).group(.or, { $0.filter(\.$code == code).filter(\.$name == name) })
            .first() != nil
        {
            errors.append("代码或名称已被其他单位使用")
        }
        var parentID: UUID?
        if let parent = form.parent, !parent.isEmpty {
            parentID = try await UnitRecord.query(on: req.db).filter(\.$code == parent).first()?.id
            if parentID == nil { errors.append("上级单位不存在") }
        }
        guard errors.isEmpty, let kind else {
            let values = ["code": code, "name": name, "kind": form.kind ?? "", "parent": form.parent ?? ""]
            return Response.html(
                try await unitsPage(req, errors: errors, form: values).render(), status: .unprocessableEntity)
        }
        let unit = UnitRecord(unit: OrgUnit(code: code, name: name, kind: kind), parentID: parentID)
        try await req.db.writeTransaction(touching: [.units]) { db in
            try await unit.create(on: db)
            try await AuditLog.record(
                on: db, actor: user.audit, action: "unit.create", entity: "unit", entityID: code, before: Nothing?.none,
                after: ["code": code, "name": name, "kind": kind.rawValue, "parent": form.parent ?? ""], at: req.now)
        }
        return req.redirect(to: SiteURL.units.path + "?notice=created")
    }

    // MARK: users

    struct UserForm: Content {
        var username: String?
        var displayName: String?
        var role: String?
        var unit: String?
    }

    func users(req: Request) async throws -> HTML {
        return try await usersPage(req, errors: [], form: [:], issued: nil)
    }

    private func usersPage(
        _ req: Request, errors: [String], form: [String: String], issued: (String, String)?
    ) async throws -> HTML {
        let records = try await UserRecord.query(on: req.db).with(\.$unit).sort(\.$username).all()
        let units = try await UnitRecord.query(on: req.db).sort(\.$code).all()
        let model = UsersPage.Model(
            lines: records.map {
                .init(
                    username: $0.username, displayName: $0.displayName, role: $0.userRole, unit: $0.unit.name,
                    active: $0.active)
            },
            units: units.map { ($0.code, $0.name) }, errors: errors, form: form,
            issued: issued.map { (username: $0.0, password: $0.1) })
        return UsersPage.render(model, try await req.pageContext(.users))
    }

    func createUser(req: Request) async throws -> Response {
        let admin = try await req.currentUser()
        let form = try req.content.decode(UserForm.self)
        let values = [
            "username": form.username ?? "", "displayName": form.displayName ?? "", "role": form.role ?? "",
            "unit": form.unit ?? "",
        ]
        do {
            let password = try await UserAccounts(db: req.db).create(
                username: form.username ?? "", displayName: form.displayName ?? "", role: form.role ?? "",
                unitCode: form.unit ?? "", actor: admin.audit, at: req.now)
            return try await usersPage(req, errors: [], form: [:], issued: (values["username"]!, password))
                .encodeResponse(for: req)
        } catch let problems as UserAccounts.Problems {
            return Response.html(
                try await usersPage(req, errors: problems.messages, form: values, issued: nil).render(),
                status: .unprocessableEntity)
        }
    }

    func resetPassword(req: Request) async throws -> Response {
        let admin = try await req.currentUser()
        let username = req.parameters.get("username") ?? ""
        let password = try await UserAccounts(db: req.db).resetPassword(
            username: username, actor: admin.audit, at: req.now)
        return try await usersPage(req, errors: [], form: [:], issued: (username, password)).encodeResponse(for: req)
    }

    func toggleUser(req: Request) async throws -> Response {
        let admin = try await req.currentUser()
        let username = req.parameters.get("username") ?? ""
        guard username != admin.username else {
            return Response.html(
                try await usersPage(req, errors: ["不能停用自己的账号"], form: [:], issued: nil).render(),
                status: .unprocessableEntity)
        }
        guard let user = try await UserRecord.query(on: req.db).filter(\.$username == username).first() else {
            throw Abort(.notFound, reason: "没有这个用户")
        }
        try await UserAccounts(db: req.db).setActive(!user.active, username: username, actor: admin.audit, at: req.now)
        return req.redirect(to: SiteURL.users.path)
    }

    // MARK: plan import

    func importForm(req: Request) async throws -> HTML {
        return try await importPage(req, errors: [], imported: nil)
    }

    private func importPage(_ req: Request, errors: [String], imported: String?) async throws -> HTML {
        let plans = try await PlanRecord.query(on: req.db).sort(\.$importedAt, .descending).all()
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let model = PlanImportPage.Model(
            errors: errors, imported: imported,
            plans: plans.map { ($0.code, $0.title, UI.dateTime($0.importedAt, in: zone), $0.importedBy ?? "—") })
        return PlanImportPage.render(model, try await req.pageContext(.planImport))
    }

    struct ImportForm: Content {
        var file: File
    }

    func importPlan(req: Request) async throws -> Response {
        let admin = try await req.currentUser()
        guard let form = try? req.content.decode(ImportForm.self), form.file.data.readableBytes > 0 else {
            return Response.html(
                try await importPage(req, errors: ["请选择方案文件"], imported: nil).render(), status: .unprocessableEntity)
        }
        guard let text = form.file.data.getString(at: form.file.data.readerIndex, length: form.file.data.readableBytes),
            !text.contains("\u{FFFD}")
        else {
            return Response.html(
                try await importPage(req, errors: ["\(form.file.filename)：不是 UTF-8 文本"], imported: nil).render(),
                status: .unprocessableEntity)
        }
        switch try await PlanImport.run(text: text, on: req.db, actor: admin.audit, at: req.now) {
        case .rejected(let problems):
            return Response.html(
                try await importPage(req, errors: problems.map { "\(form.file.filename)：\($0)" }, imported: nil)
                    .render(),
                status: .unprocessableEntity)
        case .imported(let code, let tasks, let indicators):
            return try await importPage(req, errors: [], imported: "已导入方案 \(code)：\(tasks) 项任务，\(indicators) 个量化指标。")
                .encodeResponse(for: req)
        }
    }

    // MARK: audit

    /// Entries a page of 操作日志.
    static let auditPageSize = 100

    func audit(req: Request) async throws -> Response {
        let loaded = try await req.currentPlan()
        guard let calendar = ReportingCalendar(plan: loaded.plan) else { throw Abort(.internalServerError) }
        let zone = calendar.timeZone
        var given: [String: String] = [:]
        for key in ["user", "unit", "action", "day"] {
            if let value = req.query[String.self, at: key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                given[key] = String(value.prefix(100))
            }
        }
        var errors: [String] = []
        var filter = AuditLog.Filter(username: given["user"], action: given["action"])
        if let code = given["unit"] {
            if let unitID = loaded.ids.units[code] {
                filter.userIDs = try await UserRecord.query(on: req.db).filter(\.$unit.$id == unitID).all()
                    .compactMap(\.id)
            } else {
                errors.append("没有代码为 \(code) 的单位")
            }
        }
        if let text = given["day"] {
            if let day = CivilDate(text) {
                filter.from = calendar.startOfDay(day)
                filter.to = calendar.startOfDay(day.adding(days: 1))
            } else {
                errors.append("日期应为 YYYY-MM-DD")
            }
        }
        let page = max(1, req.query[Int.self, at: "page"] ?? 1)
        let (records, total) = try await AuditLog.entries(
            on: req.db, filter: filter, page: page, size: Self.auditPageSize)
        func clip(_ text: String?) -> String {
            guard let text else { return "" }
            return text.count > 300 ? String(text.prefix(300)) + "…" : text
        }
        let model = AuditPage.Model(
            filter: given, units: loaded.plan.units.map { ($0.code, $0.name) },
            actions: try await AuditLog.actions(on: req.db),
            lines: records.map {
                AuditPage.Line(
                    at: UI.dateTime($0.at, in: zone), username: $0.username, action: $0.action,
                    entity: "\($0.entity) \($0.entityID ?? "")", before: clip($0.before), after: clip($0.after))
            }, page: page, pages: (total + Self.auditPageSize - 1) / Self.auditPageSize, total: total,
            errors: errors)
        let html = AuditPage.render(model, try await req.pageContext(.audit)).render()
        return Response.html(html, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
