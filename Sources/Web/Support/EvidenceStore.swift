import Crypto
import Foundation
import Persistence
import Vapor

/// Keeps evidence files on disk under the configured directory, named by id, checked by SHA-256.
struct EvidenceStore {
    let directory: String
    let maxBytes: Int

    /// The kinds of file accepted — PDF, images, office and WPS documents, plain text and CSV — with the media
    /// type each is served as. Downloads take their type from here, never from what the uploader's browser said.
    static let contentTypes: [String: String] = [
        "pdf": "application/pdf", "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif",
        "webp": "image/webp", "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt": "application/vnd.ms-powerpoint",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "wps": "application/vnd.ms-works", "et": "application/vnd.ms-excel", "dps": "application/vnd.ms-powerpoint",
        "ofd": "application/ofd", "txt": "text/plain; charset=utf-8", "csv": "text/csv; charset=utf-8",
    ]

    /// The media type `fileName` is served as: by its extension from ``contentTypes``, else an opaque download.
    static func contentType(of fileName: String) -> String {
        contentTypes[(fileName as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
    }
    static let maxFilesPerSubmission = 10

    /// Why the uploaded files cannot be accepted, one message per file; empty when all can.
    func problems(_ files: [File]) -> [String] {
        var problems: [String] = []
        if files.count > Self.maxFilesPerSubmission {
            problems.append("一次最多上传 \(Self.maxFilesPerSubmission) 个文件")
        }
        for file in files {
            let ext = (file.filename as NSString).pathExtension.lowercased()
            if Self.contentTypes[ext] == nil {
                problems.append("\(file.filename)：不支持的文件类型（可上传 PDF、图片、Office/WPS 文档）")
            }
            if file.data.readableBytes > maxBytes {
                problems.append("\(file.filename)：超过 \(maxBytes >> 20) MB 上限")
            }
            if file.data.readableBytes == 0 { problems.append("\(file.filename)：文件为空") }
        }
        return problems
    }

    /// Writes the files and describes them for the report; on any failure removes what it wrote.
    func write(_ files: [File]) throws -> [ReportStore.NewEvidence] {
        var written: [ReportStore.NewEvidence] = []
        do {
            for file in files {
                let bytes = Data(buffer: file.data)
                let id = UUID()
                let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
                let key = "\(digest.prefix(2))/\(id.uuidString)"
                let folder = directory + "/" + digest.prefix(2)
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try bytes.write(to: URL(fileURLWithPath: directory + "/" + key), options: .withoutOverwriting)
                let name = String(file.filename.split(separator: "/").last ?? "file").prefix(200)
                written.append(
                    ReportStore.NewEvidence(
                        id: id, fileName: String(name),
                        contentType: Self.contentType(of: String(name)),
                        size: bytes.count, sha256: digest, storageKey: key))
            }
        } catch {
            remove(written)
            throw error
        }
        return written
    }

    func remove(_ files: [ReportStore.NewEvidence]) {
        for file in files { try? FileManager.default.removeItem(atPath: directory + "/" + file.storageKey) }
    }

    func path(of key: String) -> String { directory + "/" + key }

    /// A stored file as a download: streamed from disk, typed by its name (never by what was uploaded), not cached,
    /// with its SHA-256.
    func fileResponse(_ req: Request, key: String, fileName: String, sha256: String) async throws -> Response {
        let response = try await req.fileio.asyncStreamFile(at: path(of: key))
        response.headers.replaceOrAdd(name: .contentType, value: Self.contentType(of: fileName))
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: ContentDisposition.attachment(fileName: fileName))
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        response.headers.replaceOrAdd(name: "X-Content-SHA256", value: sha256)
        return response
    }
}
