import Foundation
import LantianCore
import MarketSupervision
import Persistence
import Plot
import Services
import Vapor

extension MarketController {
    // MARK: 双随机

    func draws(req: Request) async throws -> HTML {
        try await drawsPage(req, values: [:], errors: [])
    }

    private func drawsPage(_ req: Request, values: [String: String], errors: [String]) async throws -> HTML {
        let access = try await req.marketAccess()
        try access.requireRead()
        let model = DrawsPage.Model(
            draws: try await req.market().store.draws(), mayManage: access.mayManage, today: try await Self.today(req),
            values: values, errors: errors)
        return DrawsPage.render(model, try await req.pageContext(.market))
    }

    struct DrawForm: Content {
        var title: String?
        var kind: String?
        var count: String?
        var ratio: String?
        var perObject: String?
        var stratify: String?
        var seedSource: String?
        var items: String?
        var inspectors: File?
    }

    func createDraw(req: Request) async throws -> Response {
        let access = try await req.marketAccess()
        try access.requireManage()
        let form = try req.content.decode(DrawForm.self)
        func trimmed(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespaces) }
        let values = [
            "title": trimmed(form.title), "kind": trimmed(form.kind), "count": trimmed(form.count),
            "ratio": trimmed(form.ratio), "perObject": trimmed(form.perObject), "stratify": trimmed(form.stratify),
            "seedSource": trimmed(form.seedSource),
            "items": (form.items ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
        ]
        var errors: [String] = []
        let kind = MarketSite.Kind(rawValue: values["kind"]!)
        if kind == nil { errors.append("请选择检查对象") }
        var size: RandomDraw.Size?
        switch (Int(values["count"]!), Double(values["ratio"]!)) {
        case (let count?, nil) where count > 0: size = .count(count)
        case (nil, let ratio?) where ratio > 0 && ratio <= 1: size = .ratio(ratio)
        default: errors.append("请填写抽取数量（正整数）或抽取比例（0–1），二者选一")
        }
        let perObject = values["perObject"]!.isEmpty ? 2 : Int(values["perObject"]!)
        if perObject.map({ $0 < 1 || $0 > 10 }) ?? true { errors.append("每个对象的检查人员数应为 1–10") }
        guard let file = form.inspectors, file.data.readableBytes > 0 else {
            return Response.html(
                try await drawsPage(req, values: values, errors: errors + ["请上传执法检查人员名录"]).render(),
                status: .unprocessableEntity)
        }
        guard errors.isEmpty, let kind, let size, let perObject else {
            return Response.html(
                try await drawsPage(req, values: values, errors: errors).render(), status: .unprocessableEntity)
        }
        let title = values["title"]!.isEmpty ? "\(kind.chinese)双随机抽查" : values["title"]!
        switch try await req.market().createDraw(
            title: title, kind: kind, size: size, perObject: perObject,
            strata: RandomDraw.Strata(rawValue: values["stratify"]!) ?? .none, items: values["items"]!,
            seedSource: values["seedSource"]!, inspectors: Data(file.data.readableBytesView), file: file.filename,
            actor: try await req.currentUser().audit, at: req.now)
        {
        case .created(let id): return req.redirect(to: SiteURL.marketDraw(id: id).path + "?notice=created")
        case .refused(let problems):
            return Response.html(
                try await drawsPage(req, values: values, errors: problems).render(), status: .unprocessableEntity)
        }
    }

    private func storedDraw(_ req: Request) async throws -> MarketStore.StoredDraw {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let draw = try await req.market().store.draw(id)
        else { throw Abort(.notFound, reason: "没有这次抽取") }
        return draw
    }

    func draw(req: Request) async throws -> HTML {
        let access = try await req.marketAccess()
        try access.requireRead()
        let draw = try await storedDraw(req)
        return DrawPage.render(
            DrawPage.Model(
                draw, bureaus: access.bureaus, today: try await Self.today(req), mayManage: access.mayManage,
                isPublic: false), try await req.pageContext(.market))
    }

    func drawSeed(req: Request) async throws -> Response {
        let access = try await req.marketAccess()
        try access.requireManage()
        let draw = try await storedDraw(req)
        let seed = ((try? req.content.get(String.self, at: "seed")) ?? "").trimmingCharacters(in: .whitespaces)
        guard !seed.isEmpty else { throw Abort(.unprocessableEntity, reason: "请填写随机数") }
        do {
            try await req.market().draw(
                draw.id, seed: seed, today: try await Self.today(req), actor: try await req.currentUser().audit,
                at: req.now)
        } catch let conflict as MarketStore.Conflict {
            throw Abort(.conflict, reason: conflict.description)
        }
        return req.redirect(to: SiteURL.marketDraw(id: draw.id).path + "?notice=drawn")
    }

    func drawPublish(req: Request) async throws -> Response {
        let access = try await req.marketAccess()
        try access.requireManage()
        let draw = try await storedDraw(req)
        do {
            try await req.market().store.publishDraw(
                draw.id, on: try await Self.today(req), actor: try await req.currentUser().audit, at: req.now)
        } catch let conflict as MarketStore.Conflict {
            throw Abort(.conflict, reason: conflict.description)
        }
        return req.redirect(to: SiteURL.marketDraw(id: draw.id).path + "?notice=published")
    }

    func drawFile(req: Request) async throws -> Response {
        let access = try await req.marketAccess()
        try access.requireRead()
        return try Self.file(of: try await storedDraw(req), req)
    }

    /// A published draw, for anyone (no sign-in): unpublished draws do not exist here.
    func publicDraw(req: Request) async throws -> Response {
        let draw = try await storedDraw(req)
        guard draw.publishedOn != nil else { throw Abort(.notFound, reason: "没有这次抽取") }
        let bureaus = MarketBureaus(units: try await req.currentPlan().plan.units)
        let page = DrawPage.render(
            DrawPage.Model(draw, bureaus: bureaus, today: try await Self.today(req), mayManage: false, isPublic: true),
            .anonymous(.checks))
        return Response.publicPage(page.render(), for: req)
    }

    func publicDrawFile(req: Request) async throws -> Response {
        let draw = try await storedDraw(req)
        guard draw.publishedOn != nil else { throw Abort(.notFound, reason: "没有这次抽取") }
        let response = try Self.file(of: draw, req)
        // A published draw's files never change: anyone may keep them for a day.
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
        return response
    }

    /// objects.csv, inspectors.csv or result.csv, byte for byte as hashed and drawn.
    static func file(of draw: MarketStore.StoredDraw, _ req: Request) throws -> Response {
        let body: String?
        switch req.parameters.get("file") {
        case "objects.csv": body = draw.objectsCSV
        case "inspectors.csv": body = draw.inspectorsCSV
        case "result.csv": body = draw.resultCSV
        default: body = nil
        }
        guard let body else { throw Abort(.notFound, reason: "没有这个文件") }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(
            name: .contentDisposition,
            value: ContentDisposition.attachment(fileName: req.parameters.get("file") ?? "draw.csv"))
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}
