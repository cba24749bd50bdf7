import AirQuality
import Persistence
import Plot
import Vapor

extension AirQualityController {
    struct ImportForm: Content {
        var file: File
        var layout: String?
        var ozone: String?
        var register: String?
    }

    /// 监测数据导入: the upload form, the last corrections.
    func importForm(req: Request) async throws -> HTML {
        return try await importPage(req, summary: nil, errors: [])
    }

    func importPage(
        _ req: Request, summary: (file: String, summary: HourlyImport.Summary)?, errors: [String]
    ) async throws -> HTML {
        let model = AirImportPage.Model(
            summary: summary, errors: errors,
            corrections: try await AirQualityStore(database: req.db).corrections(limit: 100),
            maxMegabytes: maxDataBytes >> 20)
        return AirImportPage.render(model, try await req.pageContext(.air))
    }

    /// Imports an uploaded hourly file: all of it, or nothing on a fatal error.
    func importData(req: Request) async throws -> Response {
        let user = try await req.currentUser()
        guard let form = try? req.content.decode(ImportForm.self), form.file.data.readableBytes > 0 else {
            return Response.html(
                try await importPage(req, summary: nil, errors: ["请选择要导入的数据文件"]).render(),
                status: .unprocessableEntity)
        }
        let layouts: [String: HourlyFormat?] = [
            "auto": nil, "cnemc": .cnemc(.auto), "cnemc-national": .cnemc(.standard),
            "cnemc-archive": .cnemc(.swappedArchive), "wide": .wide,
            "long": .long, "prsa": .prsa,
        ]
        guard let format = layouts[form.layout ?? "auto"] else { throw Abort(.badRequest, reason: "未知的数据格式") }
        let register = (form.register ?? "").isEmpty ? nil : Station.Kind(rawValue: form.register ?? "")
        let name = form.file.filename
        do {
            let summary = try await HourlyImport(database: req.db).run(
                options: .init(format: format, registerUnknownAs: register, source: name, actor: user.audit),
                at: req.now, bytes: Array(form.file.data.readableBytesView))
            return Response.html(try await importPage(req, summary: (name, summary), errors: []).render())
        } catch let failure as HourlyImport.Failure {
            let message: String
            switch failure {
            case .fatal(let issue): message = "\(name)：第 \(issue.line) 行 \(issue.field)：\(issue.reason)。未导入任何数据。"
            case .unknownStations(let codes):
                message =
                    "\(name)：点位 \(codes.prefix(20).joined(separator: "、"))\(codes.count > 20 ? " 等 \(codes.count) 个" : "") "
                    + "未登记。未导入任何数据；请先登记点位，或选择“自动登记为”。"
            }
            return Response.html(
                try await importPage(req, summary: nil, errors: [message]).render(), status: .unprocessableEntity)
        }
    }
}
