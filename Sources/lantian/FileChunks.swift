import Foundation

/// A file read in chunks, so that memory stays flat however large it is.
final class FileChunks: @unchecked Sendable {
    let path: String
    let size: Int
    private let handle: FileHandle
    private let chunkSize: Int

    init(path: String, chunkSize: Int = 4 << 20) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ValidationFailure("\(path): cannot open it")
        }
        self.path = path
        self.handle = handle
        self.chunkSize = chunkSize
        size = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
    }

    deinit { try? handle.close() }

    /// The next chunk, nil at the end.
    func next() throws -> [UInt8]? {
        guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else { return nil }
        return Array(data)
    }
}

/// A message for the command line, without a stack of error types.
struct ValidationFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A progress bar on standard error, drawn only when it is a terminal.
struct ProgressBar {
    let label: String
    let total: Int
    private let enabled = isatty(2) == 1
    private var lastDrawn = -1
    private var finished = false

    init(label: String, total: Int) {
        self.label = label
        self.total = max(total, 1)
    }

    mutating func update(done: Int, detail: String) {
        guard enabled else { return }
        let percent = min(100, done * 100 / total)
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: 30 - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)% \(detail)   ".utf8))
    }

    /// Ends the bar's line (once).
    mutating func finish() {
        guard enabled, !finished else { return }
        finished = true
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
