import Foundation

/// Turns a .docx into a PDF with LibreOffice (`soffice --headless --convert-to pdf`) when it is installed; the
/// app itself writes .docx and HTML and needs nothing outside it for those.
public enum DocumentConversion {
    public enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case failed(String)

        public var description: String {
            switch self {
            case .notInstalled:
                "本机未安装 LibreOffice，无法生成 PDF。请下载 Word 版（.docx）或打印网页版；如需 PDF，请安装 LibreOffice（soffice）。"
            case .failed(let detail): "LibreOffice 转换 PDF 失败：\(detail)"
            }
        }
    }

    /// The LibreOffice program found on `PATH` (or `LANTIAN_SOFFICE`), if any.
    public static func soffice(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let path = environment["LANTIAN_SOFFICE"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
        }
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for directory in directories + ["/usr/lib/libreoffice/program", "/opt/libreoffice/program"] {
            for name in ["soffice", "libreoffice"] {
                let path = directory + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
            }
        }
        return nil
    }

    /// The PDF LibreOffice makes of `docx`, converted in a private temporary folder with its own profile (so
    /// conversions do not share a user installation), within `timeout` seconds.
    public static func pdf(fromDocx docx: Data, timeout: TimeInterval = 120) async throws -> Data {
        guard let soffice = soffice() else { throw Failure.notInstalled }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantian-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("bulletin.docx")
        try docx.write(to: input)
        let process = Process()
        process.executableURL = soffice
        process.arguments = [
            "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--norestore", "--convert-to", "pdf",
            "--outdir", folder.path, input.path,
        ]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: Failure.failed(error.localizedDescription))
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                if process.isRunning { process.terminate() }
            }
        }
        let output = folder.appendingPathComponent("bulletin.pdf")
        guard status == 0, let pdf = try? Data(contentsOf: output), pdf.starts(with: Data("%PDF".utf8)) else {
            let detail = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure.failed("退出码 \(status) \(detail.prefix(300))")
        }
        return pdf
    }
}
