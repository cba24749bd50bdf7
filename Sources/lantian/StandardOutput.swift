import Foundation

/// Standard output written in large blocks: a table of hundreds of thousands of rows, a `print` per row, costs
/// more than computing it.
struct StandardOutput {
    private var buffer: [UInt8] = []
    private static let blockSize = 1 << 20

    init() {
        buffer.reserveCapacity(Self.blockSize + 4096)
    }

    /// Adds `line` and a newline, writing out a full block.
    mutating func line(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(10)
        if buffer.count >= Self.blockSize { flush() }
    }

    /// Lets `body` append bytes, writing out a full block.
    mutating func write(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        if buffer.count >= Self.blockSize { flush() }
    }

    /// Writes out what is held.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
