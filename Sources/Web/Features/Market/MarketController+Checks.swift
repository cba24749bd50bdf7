import Campaign
import Foundation
import LantianCore
import MarketSupervision
import Persistence
import Plot
import Services
import Vapor

extension MarketController {
    // MARK: Spot checks

    func newCheck(req: Request) async throws -> HTML {
        let product = req.query[String.self, at: "product"].flatMap { $0.isEmpty ? nil : $0 }
        return try await checkForm(req, product: product, values: [:], errors: [])
    }

    private func checkForm(_ req: Request, product: String?, values: [String: String], errors: [String])
        async throws -> HTML
    {
        let access = try await req.marketAccess()
        try access.requireRecord()
        let market = try await req.market()
        let known = product.flatMap { market.library.standard(for: $0) == nil ? nil : $0 }
        let model = SpotCheckFormPage.Model(
            library: market.library, product: known, sites: try await market.store.sites(),
            bureaus: access.bureaus, access: access, values: values,
            errors: errors + (product != nil && known == nil ? ["标准库中没有产品“\(product!)”"] : []),
            today: try await Self.today(req))
        return SpotCheckFormPage.render(model, try await req.pageContext(.market))
    }

    func createCheck(req: Request) async throws -> Response {
        let access = try await req.marketAccess()
        try access.requireRecord()
        let form = try req.content.decode([String: String].self).mapValues {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let market = try await req.market()
        let today = try await Self.today(req)
        var errors: [String] = []
        let product = form["product"] ?? ""
        guard market.library.standard(for: product) != nil else {
            return Response.html(
                try await checkForm(req, product: nil, values: form, errors: ["请选择产品"]).render(),
                status: .unprocessableEntity)
        }
        let batch = form["batch"] ?? ""
        if batch.isEmpty { errors.append("请填写批号或生产日期") }
        let sampledOn = CivilDate(cell: form["sampledOn"] ?? "")
        if sampledOn == nil {
            errors.append("抽样日期“\(form["sampledOn"] ?? "")”不是日期（YYYY-MM-DD）")
        } else if let sampledOn, sampledOn > today {
            errors.append("抽样日期 \(sampledOn) 晚于今天")
        }
        var producedOn: CivilDate?
        if let text = form["producedOn"], !text.isEmpty {
            producedOn = CivilDate(cell: text)
            if producedOn == nil { errors.append("生产日期“\(text)”不是日期（YYYY-MM-DD）") }
        }
        let sites = try await market.store.sites()
        var siteCode: String?
        var siteName = form["siteName"] ?? ""
        var address = form["address"] ?? ""
        var county = form["county"] ?? ""
        if let code = form["site"], !code.isEmpty {
            if let site = sites.first(where: { $0.code == code }) {
                siteCode = site.code
                siteName = site.name
                if address.isEmpty { address = site.address }
                county = site.county
            } else {
                errors.append("名录中没有编号为 \(code) 的单位")
            }
        } else {
            if siteName.isEmpty { errors.append("请选择名录中的被抽样单位，或填写未登记单位的名称") }
            if access.bureaus.counties.first(where: { $0.code == county }) == nil {
                errors.append("未登记的被抽样单位须选择县区")
            }
        }
        if !county.isEmpty && !access.mayWork(in: county) && errors.isEmpty {
            errors.append("\(access.bureaus.unitName(access.user.unitCode))不能录入\(access.bureaus.countyName(county))的抽检")
        }
        let standard = sampledOn.flatMap { market.library.standard(for: product, on: $0) }
        if let sampledOn, standard == nil {
            errors.append("抽样日 \(sampledOn) 时该产品的标准尚未施行，标准库中没有可用的版本")
        }
        var results: [String: MeasuredValue] = [:]
        for item in standard?.items ?? [] {
            let text = form["result-\(item.code)"] ?? ""
            guard !text.isEmpty else { continue }
            if let value = MeasuredValue(text) {
                results[item.code] = value
            } else {
                errors.append("\(item.name)的检验结果“\(text)”不是数值（按报告原样填写，如 8.6、0.0012）")
            }
        }
        guard errors.isEmpty, let sampledOn else {
            return Response.html(
                try await checkForm(req, product: product, values: form, errors: errors).render(),
                status: .unprocessableEntity)
        }
        let check = SpotCheck(
            product: product, brand: form["brand"] ?? "", specification: form["specification"] ?? "", batch: batch,
            producedOn: producedOn, manufacturer: form["manufacturer"] ?? "", siteCode: siteCode, siteName: siteName,
            address: address, county: county, sampledOn: sampledOn, testingBody: form["testingBody"] ?? "",
            results: results)
        let id = try await market.record(
            check, unit: access.user.unitCode, actor: try await req.currentUser().audit, at: req.now)
        return req.redirect(to: SiteURL.marketCheck(id: id).path + "?notice=recorded")
    }

    func check(req: Request) async throws -> HTML {
        let access = try await req.marketAccess()
        try access.requireRead()
        let market = try await req.market()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let stored = try await market.store.check(id)
        else { throw Abort(.notFound, reason: "没有这条抽检记录") }
        let failedFuel = stored.verdict == "不合格"
        let trace = failedFuel ? try await market.trace(of: stored) : nil
        var model = SpotCheckPage.Model(
            stored, library: market.library, trace: trace, sites: try await market.store.sites(),
            caseFile: try await market.store.cases(checkID: id).first, bureaus: access.bureaus,
            mayWork: access.mayWork(in: stored.check.county), today: try await Self.today(req))
        model.documents = try await market.store.documents(checks: [id]).map {
            ($0.id, $0.fileName, $0.size, $0.caseID != nil)
        }
        model.mayUpload = access.mayWork(in: stored.check.county)
        return SpotCheckPage.render(model, try await req.pageContext(.market))
    }

    // MARK: Cases

    /// The check of the request's `:id` for a bureau that works in its county: 403 otherwise, 404 without it.
    func checkToWorkOn(_ req: Request) async throws -> (
        access: MarketAccess, market: Market, check: MarketStore.StoredCheck
    ) {
        let access = try await req.marketAccess()
        try access.requireRecord()
        let market = try await req.market()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let stored = try await market.store.check(id)
        else { throw Abort(.notFound, reason: "没有这条抽检记录") }
        guard access.mayWork(in: stored.check.county) else {
            throw Abort(.forbidden, reason: "只有抽样地的市场监管部门可以办理")
        }
        return (access, market, stored)
    }

    func openCase(req: Request) async throws -> Response {
        let (access, market, stored) = try await checkToWorkOn(req)
        let id = stored.id
        guard stored.verdict == "不合格" else { throw Abort(.conflict, reason: "只有不合格批次可以立案") }
        let note = (try? req.content.get(String.self, at: "note"))?.trimmingCharacters(in: .whitespaces) ?? ""
        let product = market.library.standard(for: stored.check.product)?.productName ?? stored.check.product
        do {
            _ = try await market.store.openCase(
                kind: .failedBatch, checkID: id, unit: access.user.unitCode, county: stored.check.county,
                title: "\(stored.check.siteName)\(product)抽检不合格（\(stored.check.batch)）",
                day: try await Self.today(req), note: note, actor: try await req.currentUser().audit, at: req.now)
        } catch let conflict as MarketStore.Conflict {
            throw Abort(.conflict, reason: conflict.description)
        }
        return req.redirect(to: SiteURL.marketCheck(id: id).path + "?notice=caseOpened")
    }

    func moveCase(req: Request) async throws -> Response {
        let access = try await req.marketAccess()
        try access.requireRecord()
        let market = try await req.market()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let file = try await market.store.case(id)
        else { throw Abort(.notFound, reason: "没有这个案件") }
        guard access.mayWork(in: file.county) else { throw Abort(.forbidden, reason: "只有办案地的市场监管部门可以办理") }
        let form = try req.content.decode([String: String].self)
        guard let stage = form["stage"].flatMap(CaseFile.Stage.init(rawValue:)) else {
            throw Abort(.badRequest, reason: "请选择案件阶段")
        }
        let deadlineText = (form["deadline"] ?? "").trimmingCharacters(in: .whitespaces)
        let deadline = deadlineText.isEmpty ? nil : CivilDate(cell: deadlineText)
        if !deadlineText.isEmpty && deadline == nil {
            throw Abort(.unprocessableEntity, reason: "整改期限“\(deadlineText)”不是日期（YYYY-MM-DD）")
        }
        do {
            try await market.store.advance(
                id, to: stage, day: try await Self.today(req), deadline: deadline,
                note: (form["note"] ?? "").trimmingCharacters(in: .whitespaces),
                actor: try await req.currentUser().audit, at: req.now)
        } catch let conflict as MarketStore.Conflict {
            throw Abort(.conflict, reason: conflict.description)
        }
        let back =
            file.checkID.map { SiteURL.marketCheck(id: $0).path } ?? file.actionID.map {
                SiteURL.marketAction(id: $0).path
            }
            ?? SiteURL.market.path
        return req.redirect(to: back + "?notice=caseMoved")
    }
}
