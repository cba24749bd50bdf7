import Crypto
import Foundation
import Persistence
import Vapor

/// Keeps evidence files on disk under the configured directory, named by id, checked by SHA-256.
struct EvidenceStore {
    let directory: String
    let maxBytes: Int

    /// The kinds of file accepted: PDF, images, office and WPS documents, plain text and CSV.
    static let allowedExtensions: Set<String> = [
        "pdf", "jpg", "jpeg", "png", "gif", "webp", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps", "et", "dps",
        "ofd", "txt", "csv",
    ]
    static let maxFilesPerSubmission = 10

    /// Why the uploaded files cannot be accepted, one message per file; empty when all can.
    func problems(_ files: [File]) -> [String] {
        var problems: [String] = []
        if files.count > Self.maxFilesPerSubmission {
            problems.append("一次最多上传 \(Self.maxFilesPerSubmission) 个文件")
        }
        for file in files {
            let ext = (file.filename as NSString).pathExtension.lowercased()
            if !Self.allowedExtensions.contains(ext) {
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
                        contentType: file.contentType?.serialize() ?? "application/octet-stream",
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
}
