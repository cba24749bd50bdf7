import Crypto
import Emergency
import Foundation
import LantianCore
import Persistence
import Plot
import Services
import Vapor

/// Control orders, inspections during a warning, the episode review, and the enterprise's acknowledgement link.
extension EmergencyController {
    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    func warningByID(_ req: Request) async throws -> EmergencyStore.StoredWarning {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let warning = try await req.emergency().store.warning(id)
        else { throw Abort(.notFound, reason: "没有这条预警") }
        return warning
    }

    // MARK: Orders

    func sendOrders(req: Request) async throws -> HTML {
        let access = try await req.emergencyAccess()
        try access.requireIssue()
        let warning = try await warningByID(req)
        guard warning.inForce else { throw Abort(.conflict, reason: "该预警已解除，不能再发送告知书") }
        let county = (try? req.content.decode([String: String].self))?["county"].flatMap { $0.isEmpty ? nil : $0 }
        let counties = try await Self.counties(req)
        if let county, !counties.counties.contains(where: { $0.code == county }) {
            throw Abort(.unprocessableEntity, reason: "没有这个县区")
        }
        let sent = try await req.emergency().sendOrders(
            warning, county: county, digest: Self.digest, newToken: { SecretToken.random(bytes: 24) },
            actor: try await req.currentUser().audit, at: req.now)
        // The path only: the office sends it with the platform's own address, not one taken from the request.
        return try await ordersPage(
            req, warning, county: county, sent: sent.map { ($0.name, SiteURL.publicOrder(token: $0.token).path) })
    }

    func orders(req: Request) async throws -> HTML {
        _ = try await req.emergencyAccess()
        let county = try? req.query.get(String.self, at: "county")
        return try await ordersPage(req, try await warningByID(req), county: county, sent: [])
    }

    private func ordersPage(
        _ req: Request, _ warning: EmergencyStore.StoredWarning, county: String?, sent: [(String, String)]
    ) async throws -> HTML {
        let access = try await req.emergencyAccess()
        let counties = try await Self.counties(req)
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let orders = try await req.emergency().store.orders(warning: warning.id).filter {
            county == nil || $0.county == county
        }
        let model = OrdersPage.Model(
            warningID: warning.id, document: warning.document, level: warning.level, county: county,
            counties: counties.counties,
            orders: orders.map { order in
                OrdersPage.Model.Order(
                    id: order.id, enterprise: "\(order.enterprise) \(order.enterpriseName)",
                    county: counties.countyName(order.county), paragraphs: order.paragraphs,
                    delivered: order.deliveredAt.map { "\(UI.dateTime($0, in: zone))（\(order.deliveredBy ?? "")）" },
                    acknowledged: order.acknowledgedAt.map {
                        "\(UI.dateTime($0, in: zone))（\(order.acknowledgedBy ?? "")）"
                    })
            }, sent: sent, mayMark: access.mayIssue)
        return OrdersPage.render(model, try await req.pageContext(.emergency))
    }

    func markDelivered(req: Request) async throws -> Response {
        let access = try await req.emergencyAccess()
        try access.requireIssue()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let order = try await req.emergency().store.order(id)
        else { throw Abort(.notFound, reason: "没有这份告知书") }
        try await req.emergency().store.markDelivered(id, actor: try await req.currentUser().audit, at: req.now)
        return req.redirect(to: SiteURL.emergencyOrders(warning: order.warningID, county: order.county).path)
    }

    // MARK: The enterprise's link

    private func orderByToken(_ req: Request) async throws -> (EmergencyStore.StoredOrder, String) {
        let token = req.parameters.get("token") ?? ""
        guard token.count >= 16, token.count <= 64,
            let order = try await req.emergency().store.order(tokenDigest: Self.digest(token))
        else { throw Abort(.notFound, reason: "链接无效") }
        return (order, token)
    }

    func publicOrder(req: Request) async throws -> HTML {
        let (order, token) = try await orderByToken(req)
        return try await publicOrderPage(req, order, token: token, errors: [])
    }

    private func publicOrderPage(
        _ req: Request, _ order: EmergencyStore.StoredOrder, token: String, errors: [String]
    ) async throws -> HTML {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        return PublicOrderPage.render(
            PublicOrderPage.Model(
                token: token, enterprise: order.enterpriseName, level: order.level, paragraphs: order.paragraphs,
                acknowledged: order.acknowledgedAt.map { "\(order.acknowledgedBy ?? "")，\(UI.dateTime($0, in: zone))" },
                errors: errors), try await req.pageContext(nil))
    }

    func acknowledge(req: Request) async throws -> Response {
        let (order, token) = try await orderByToken(req)
        let name = ((try? req.content.decode([String: String].self))?["name"] ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100 else {
            return Response.html(
                try await publicOrderPage(req, order, token: token, errors: ["请填写签收人姓名（不超过 100 字）"]).render(),
                status: .unprocessableEntity)
        }
        let done = try await req.emergency().store.acknowledge(tokenDigest: Self.digest(token), name: name, at: req.now)
        let current = try await req.emergency().store.order(order.id) ?? order
        return Response.html(
            try await publicOrderPage(req, current, token: token, errors: done ? [] : ["该告知书已签收，链接已失效"])
                .render(), status: done ? .ok : .conflict)
    }

    // MARK: Inspections

    struct InspectionUpload: Content {
        var enterprise: String?
        var method: String?
        var result: String?
        var hour: String?
        var note: String?
        var files: [File]?
    }

    func recordInspection(req: Request) async throws -> Response {
        let access = try await req.emergencyAccess()
        try access.requireRegistry()
        let warning = try await warningByID(req)
        guard warning.inForce else { throw Abort(.conflict, reason: "该预警已解除") }
        let upload = try req.content.decode(InspectionUpload.self)
        var errors: [String] = []
        let enterprises = try await req.emergency().store.enterprises()
        let enterprise = enterprises.first { $0.id == upload.enterprise && !$0.grade.isExempt }
        if enterprise == nil { errors.append("请选择清单中的企业") }
        let method = upload.method.flatMap(EmergencyStore.Method.init(rawValue:))
        if method == nil { errors.append("请选择检查方式") }
        let complied: Bool? = upload.result == "complied" ? true : upload.result == "violated" ? false : nil
        if complied == nil { errors.append("请选择检查结果") }
        let hour = Self.hour(upload.hour)
        if hour == nil { errors.append("检查时间应写作 2022-01-25T10:00") }
        let files = (upload.files ?? []).filter { $0.data.readableBytes > 0 || !$0.filename.isEmpty }
        let evidence = EvidenceStore(
            directory: req.application.lantian.filesDirectory, maxBytes: req.application.lantian.maxUploadBytes)
        errors += evidence.problems(files)
        if complied == false && files.isEmpty { errors.append("记录违规须上传证据（照片、监测记录或用电数据）") }
        guard errors.isEmpty, let enterprise, let method, let complied, let hour else {
            var model = try await warningModel(req, warning, errors: errors)
            model.errors = errors
            return Response.html(
                WarningPage.render(model, try await req.pageContext(.emergency)).render(), status: .unprocessableEntity)
        }
        let written = try evidence.write(files)
        do {
            _ = try await req.emergency().store.recordInspection(
                warning: warning.id, enterprise: enterprise.id, method: method, complied: complied, hour: hour,
                note: (upload.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                files: written.map(EmergencyStore.EvidenceFile.init), actor: try await req.currentUser().audit,
                at: req.now)
        } catch {
            evidence.remove(written)
            throw error
        }
        return req.redirect(to: SiteURL.emergencyWarning(id: warning.id).path + "?notice=saved")
    }

    func inspectionFile(req: Request) async throws -> Response {
        _ = try await req.emergencyAccess()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let fileID = req.parameters.get("file").flatMap(UUID.init(uuidString:)),
            let file = try await req.emergency().store.inspections().first(where: { $0.id == id })?.files
                .first(where: { $0.id == fileID })
        else { throw Abort(.notFound, reason: "没有这个文件") }
        return try await EvidenceStore(directory: req.application.lantian.filesDirectory, maxBytes: 0).fileResponse(
            req, key: file.storageKey, fileName: file.fileName, sha256: file.sha256)
    }

    // MARK: Review

    func review(req: Request) async throws -> HTML {
        _ = try await req.emergencyAccess()
        let warning = try await warningByID(req)
        let review = try await req.emergency().review(warning)
        return ReviewPage.render(
            ReviewPage.Model(warningID: warning.id, document: warning.document, review: review),
            try await req.pageContext(.emergency))
    }
}
