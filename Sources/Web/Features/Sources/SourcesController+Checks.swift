import Foundation
import LantianCore
import Persistence
import Plot
import Services
import SourceMonitoring
import Vapor

extension SourcesController {
    struct CheckUpload: Content {
        var checkedAt: String?
        var result: String?
        var note: String?
        var agency: String?
        var persons: String?
        var files: [File]?
    }

    func recordCheck(req: Request) async throws -> Response {
        let access = try await req.sourcesAccess()
        try access.requireKeep()
        let outlet = try await outletByMN(req)
        let upload = try req.content.decode(CheckUpload.self)
        var errors: [String] = []
        let checkedAt = (upload.checkedAt ?? "").trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: " ", with: "T")
        let time = checkedAt.count >= 16 ? MinuteStamp(checkedAt) : nil
        if time == nil { errors.append("检查时间应写作 2022-02-16T10:00") }
        let result = upload.result.flatMap(SourceStore.Check.Result.init(rawValue:))
        if result == nil { errors.append("请选择检查结果") }
        let note = (upload.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let agency = (upload.agency ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let persons = (upload.persons ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if result != .normal && note.isEmpty { errors.append("设备故障或数据造假须写明检查发现") }
        if result == .fraud && agency.isEmpty { errors.append("确认数据造假须写明运维机构（公开名单所需）") }
        let files = (upload.files ?? []).filter { $0.data.readableBytes > 0 || !$0.filename.isEmpty }
        let evidence = EvidenceStore(
            directory: req.application.lantian.filesDirectory, maxBytes: req.application.lantian.maxUploadBytes)
        errors += evidence.problems(files)
        if result == .fraud && files.isEmpty { errors.append("确认数据造假须上传证据（现场照片、检查笔录、数据记录）") }
        guard errors.isEmpty, let time, let result else {
            return Response.html(try await outletPage(req, errors: errors).render(), status: .unprocessableEntity)
        }
        let written = try evidence.write(files)
        do {
            _ = try await req.sources().store.recordCheck(
                mn: outlet.mn, at: time, result: result, note: note, agency: agency, persons: persons,
                files: written.map(EmergencyStore.EvidenceFile.init), actor: try await req.currentUser().audit,
                at: req.now)
        } catch {
            evidence.remove(written)
            throw error
        }
        return req.redirect(to: SiteURL.sourcesOutlet(mn: outlet.mn).path + "?notice=checkRecorded")
    }

    func checkFile(req: Request) async throws -> Response {
        try await req.sourcesAccess().requireInspect()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let fileID = req.parameters.get("file").flatMap(UUID.init(uuidString:)),
            let file = try await req.sources().store.check(id)?.files.first(where: { $0.id == fileID })
        else { throw Abort(.notFound, reason: "没有这个文件") }
        return try await EvidenceStore(directory: req.application.lantian.filesDirectory, maxBytes: 0).fileResponse(
            req, key: file.storageKey, fileName: file.fileName, sha256: file.sha256)
    }

    // MARK: The enforcement list and the published list

    func cases(req: Request) async throws -> HTML {
        let access = try await req.sourcesAccess()
        try access.requireInspect()
        let store = req.sources().store
        let checks = try await store.checks(result: .fault) + (try await store.checks(result: .fraud))
        let model = SourceCasesPage.Model(
            checks: checks.sorted { $0.checkedAt > $1.checkedAt }, names: try await Self.names(req),
            mayKeep: access.mayKeep)
        return SourceCasesPage.render(model, try await req.pageContext(.sources))
    }

    func publish(req: Request) async throws -> Response {
        let access = try await req.sourcesAccess()
        try access.requireKeep()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let check = try await req.sources().store.check(id), check.result == .fraud
        else { throw Abort(.notFound, reason: "没有这条确认造假的检查记录") }
        let form = try req.content.decode([String: String].self)
        try await req.sources().store.setPublished(
            id, form["published"] != "0", actor: try await req.currentUser().audit, at: req.now)
        return req.redirect(to: SiteURL.sourcesCases.path + "?notice=saved")
    }

    func publicList(req: Request) async throws -> Response {
        let checks = try await req.sources().store.checks(result: .fraud, publishedOnly: true)
        let model = PublicMonitoringPage.Model(checks: checks, names: try await Self.names(req))
        return Response.publicPage(PublicMonitoringPage.render(model, .anonymous(.monitoring)).render(), for: req)
    }

    /// Outlet and enterprise names by device id.
    static func names(_ req: Request) async throws -> [String: (enterprise: String, outlet: String)] {
        let enterprises = Dictionary(
            try await req.emergency().store.enterprises().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return Dictionary(
            try await req.sources().store.outlets().map {
                ($0.mn, (enterprises[$0.enterprise] ?? $0.enterprise, $0.name))
            },
            uniquingKeysWith: { a, _ in a })
    }
}
