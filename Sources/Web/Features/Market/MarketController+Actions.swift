import Foundation
import LantianCore
import MarketSupervision
import Persistence
import Plot
import Services
import Vapor

extension MarketController {
    // MARK: 专项行动

    func createAction(req: Request) async throws -> Response {
        let access = try await req.marketAccess()
        try access.requireManage()
        let form = try req.content.decode([String: String].self).mapValues {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var errors: [String] = []
        let start = CivilDate(cell: form["start"] ?? "")
        if start == nil { errors.append("开始日期“\(form["start"] ?? "")”不是日期（YYYY-MM-DD）") }
        let days = Int(form["days"] ?? "30")
        if days.map({ !(1...366).contains($0) }) ?? true { errors.append("行动天数应为 1–366") }
        guard errors.isEmpty, let start, let days else {
            return Response.html(try await homePage(req, errors: errors).render(), status: .unprocessableEntity)
        }
        let title = (form["title"] ?? "").isEmpty ? "打击黑加油站点专项行动" : form["title"]!
        let id = try await req.market().store.createAction(
            title: title, start: start, end: start.adding(days: days - 1), actor: try await req.currentUser().audit,
            at: req.now)
        return req.redirect(to: SiteURL.marketAction(id: id).path + "?notice=created")
    }

    func action(req: Request) async throws -> HTML {
        try await actionPage(req, values: [:], errors: [])
    }

    private func actionPage(_ req: Request, values: [String: String], errors: [String]) async throws -> HTML {
        let access = try await req.marketAccess()
        try access.requireRead()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let stored = try await req.market().store.action(id)
        else { throw Abort(.notFound, reason: "没有这个专项行动") }
        let model = ActionPage.Model(
            stored, cases: try await req.market().store.cases(actionID: id), bureaus: access.bureaus, access: access,
            today: try await Self.today(req), values: values, errors: errors)
        return ActionPage.render(model, try await req.pageContext(.market))
    }

    func recordFind(req: Request) async throws -> Response {
        let access = try await req.marketAccess()
        try access.requireRecord()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let stored = try await req.market().store.action(id)
        else { throw Abort(.notFound, reason: "没有这个专项行动") }
        let form = try req.content.decode([String: String].self).mapValues {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let today = try await Self.today(req)
        var errors: [String] = []
        let kind = form["kind"].flatMap(CaseFile.Kind.init(rawValue:))
        if kind == nil || kind == .failedBatch { errors.append("请选择查处类型") }
        let place = form["place"] ?? ""
        if place.isEmpty { errors.append("请填写地点") }
        let county = form["county"] ?? ""
        if access.bureaus.counties.first(where: { $0.code == county }) == nil {
            errors.append("请选择县区")
        } else if !access.mayWork(in: county) {
            errors.append("\(access.bureaus.unitName(access.user.unitCode))不能录入\(access.bureaus.countyName(county))的查处")
        }
        let day = CivilDate(cell: form["day"] ?? "")
        if let day {
            if day < stored.action.start || day > stored.action.end {
                errors.append("查处日期 \(day) 不在行动期间（\(stored.action.start) 至 \(stored.action.end)）")
            } else if day > today {
                errors.append("查处日期 \(day) 晚于今天")
            }
        } else {
            errors.append("查处日期“\(form["day"] ?? "")”不是日期（YYYY-MM-DD）")
        }
        let volumeText = form["volume"] ?? ""
        if !volumeText.isEmpty, MeasuredValue(volumeText).map({ $0.isNegative }) ?? true {
            errors.append("查扣油品“\(volumeText)”不是升数（如 1200 或 350.5）")
        }
        guard errors.isEmpty, let kind, let day else {
            return Response.html(
                try await actionPage(req, values: form, errors: errors).render(), status: .unprocessableEntity)
        }
        _ = try await req.market().store.recordFind(
            action: id, kind: kind, unit: access.user.unitCode, county: county, place: place, day: day,
            volume: volumeText.isEmpty ? nil : volumeText, handling: form["handling"] ?? "",
            police: form["police"] == "yes", actor: try await req.currentUser().audit, at: req.now)
        return req.redirect(to: SiteURL.marketAction(id: id).path + "?notice=saved")
    }
}
