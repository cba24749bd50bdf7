import Foundation
import NIOCore
import Services
import Vapor

/// 考核资料: one ZIP for a unit, a task or the whole campaign — what a higher-level inspection team asks for. The
/// office downloads any; a unit its own. The archive is written while it is sent (``ZipStream``), the evidence
/// read from disk in chunks, so a campaign's whole dossier never sits in memory.
struct DossierController {
    func boot(routes: any RoutesBuilder) {
        routes.get(SiteURL.Dossier.download, use: download)
    }

    /// The scope `?unit=CODE`, `?task=CODE`, or the campaign; who may have it.
    func scope(_ req: Request) async throws -> Dossier.Scope {
        let user = try await req.currentUser()
        let unit = req.query[String.self, at: "unit"].flatMap { $0.isEmpty ? nil : $0 }
        let task = req.query[String.self, at: "task"].flatMap { $0.isEmpty ? nil : $0 }
        let scope: Dossier.Scope = unit.map { .unit($0) } ?? task.map { .task($0) } ?? .campaign
        guard user.isOffice || scope == .unit(user.unitCode) else {
            throw Abort(.forbidden, reason: "考核资料：单位只能下载本单位的资料")
        }
        return scope
    }

    func download(req: Request) async throws -> Response {
        let scope = try await scope(req)
        let dossier = try await Dossiers(campaigns: req.campaigns).build(
            scope, byOffice: try await req.currentUser().isOffice, now: req.now)
        let directory = req.application.lantian.filesDirectory
        let (files, missing) = DossierArchive.present(dossier, directory: directory)
        let index = Data(DossierArchive.index(dossier, missing: missing).utf8)
        let sums = Data(DossierArchive.checksums(files).utf8)
        let total = files.reduce(UInt64(index.count + sums.count)) { $0 + UInt64($1.size) + 200 }
        guard total < ZipStream.limit, files.count < 60_000 else {
            throw Abort(.payloadTooLarge, reason: "资料超过 4 GB 或 6 万个文件，请按单位或任务分别下载")
        }
        let fileio = req.fileio
        let now = req.now
        let zone = try await req.zone()
        let logger = req.logger
        let body = Response.Body(asyncStream: { writer in
            var zip = ZipStream(modified: now, zone: zone)
            do {
                for (path, data) in [("index.html", index), ("SHA256SUMS.txt", sums)] {
                    try await writer.write(.buffer(ByteBuffer(bytes: zip.begin(path))))
                    zip.data(data)
                    try await writer.write(.buffer(ByteBuffer(data: data)))
                    try await writer.write(.buffer(ByteBuffer(bytes: zip.end())))
                }
                for file in files {
                    guard let key = file.storageKey else { continue }
                    try await writer.write(.buffer(ByteBuffer(bytes: zip.begin(file.path))))
                    for try await chunk in try await fileio.readFile(at: directory + "/" + key, chunkSize: 256 << 10) {
                        zip.data(Data(buffer: chunk))
                        try await writer.write(.buffer(chunk))
                    }
                    try await writer.write(.buffer(ByteBuffer(bytes: zip.end())))
                }
                try await writer.write(.buffer(ByteBuffer(bytes: zip.finish())))
                try await writer.write(.end)
            } catch {
                logger.report(error: error)
                try? await writer.write(.error(error))
            }
        })
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/zip")
        headers.replaceOrAdd(
            name: .contentDisposition, value: ContentDisposition.attachment(fileName: dossier.title + ".zip"))
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: body)
    }
}
