/// The one CSV reader: streams a file's bytes in chunks of any size and hands each line over split into fields
/// (RFC 4180 quoting: `"a,b"` is one field, `""` inside quotes is `"`), without allocating per line, so that
/// memory stays flat however large the file. A UTF-8 byte-order mark on the first line and a CR before the LF
/// are dropped. A line longer than ``maxLineBytes`` ends the reading (``overlong``): a field of megabytes is no
/// data. Lines are not joined across a quoted newline; none of the layouts Lantian reads has one.
public struct CSVScanner: Sendable {
    /// The longest line read by default: 1 MiB.
    public static let defaultMaxLineBytes = 1 << 20

    public let maxLineBytes: Int
    /// Lines seen so far, the header included.
    public private(set) var lineNumber = 0
    public private(set) var bytesRead = 0
    /// Set when a line was longer than ``maxLineBytes``; no line is handed over after it.
    public private(set) var overlong: ImportIssue?

    private var carry: [UInt8] = []
    /// Start and end offsets of each field of the current line, in pairs.
    private var bounds: [Int] = []

    public init(maxLineBytes: Int = CSVScanner.defaultMaxLineBytes) {
        self.maxLineBytes = maxLineBytes
    }

    /// Hands every complete line in `chunk` to `body`, keeping a partial last line for the next call.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, _ body: (CSVRow) -> Void) {
        guard let base = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        bytesRead += chunk.count
        var lineStart = 0
        let n = chunk.count
        var i = 0
        while i < n {
            if base[i] == 10 {
                if carry.isEmpty {
                    line(base + lineStart, count: i - lineStart, body)
                } else {
                    carry.append(contentsOf: UnsafeBufferPointer(start: base + lineStart, count: i - lineStart))
                    let whole = carry
                    carry.removeAll(keepingCapacity: true)
                    whole.withUnsafeBufferPointer { line($0.baseAddress!, count: $0.count, body) }
                }
                lineStart = i + 1
            }
            i += 1
        }
        if lineStart < n {
            carry.append(contentsOf: UnsafeBufferPointer(start: base + lineStart, count: n - lineStart))
            if carry.count > maxLineBytes && overlong == nil {
                overlong = tooLong(lineNumber + 1)
                carry.removeAll()
            }
        }
    }

    /// Hands over a last line that has no newline.
    public mutating func finish(_ body: (CSVRow) -> Void) {
        guard !carry.isEmpty else { return }
        let whole = carry
        carry.removeAll()
        whole.withUnsafeBufferPointer { line($0.baseAddress!, count: $0.count, body) }
    }

    /// Splits every line of `text`: for short texts (a form's field, a registry file).
    public static func rows(_ text: String, _ body: (CSVRow) -> Void) {
        var scanner = CSVScanner(maxLineBytes: Int.max)
        var text = text
        text.withUTF8 { scanner.feed(UnsafeRawBufferPointer($0), body) }
        scanner.finish(body)
    }

    private func tooLong(_ line: Int) -> ImportIssue {
        ImportIssue(line: line, field: "line", reason: "longer than \(maxLineBytes >> 20) MB — not a data line")
    }

    private mutating func line(_ p: UnsafePointer<UInt8>, count rawCount: Int, _ body: (CSVRow) -> Void) {
        lineNumber += 1
        guard overlong == nil else { return }
        guard rawCount <= maxLineBytes else {
            overlong = tooLong(lineNumber)
            return
        }
        var start = p
        var count = rawCount
        if count > 0 && p[count - 1] == 13 { count -= 1 }
        if lineNumber == 1 && count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF {
            start += 3
            count -= 3
        }
        split(start, count)
        let number = lineNumber
        bounds.withUnsafeBufferPointer { fields in
            body(CSVRow(line: number, base: start, count: count, bounds: fields))
        }
    }

    /// Splits a line into field ranges (quotes stripped; a quoted field may hold commas).
    private mutating func split(_ p: UnsafePointer<UInt8>, _ n: Int) {
        bounds.removeAll(keepingCapacity: true)
        var i = 0
        while true {
            if i < n && p[i] == 34 {
                let s = i + 1
                var j = s
                while j < n {
                    if p[j] == 34 {
                        if j + 1 < n && p[j + 1] == 34 {
                            j += 2
                            continue
                        }
                        break
                    }
                    j += 1
                }
                bounds.append(s)
                bounds.append(min(j, n))
                i = j + 1
                while i < n && p[i] != 44 { i += 1 }
            } else {
                let s = i
                while i < n && p[i] != 44 { i += 1 }
                bounds.append(s)
                bounds.append(i)
            }
            if i >= n { break }
            i += 1
        }
    }
}

/// One line of a CSV file as ``CSVScanner`` hands it over: valid only inside the call it is handed to.
public struct CSVRow {
    /// The line's number in the file, from 1 (the header).
    public let line: Int
    private let base: UnsafePointer<UInt8>
    private let count: Int
    private let bounds: UnsafeBufferPointer<Int>

    init(line: Int, base: UnsafePointer<UInt8>, count: Int, bounds: UnsafeBufferPointer<Int>) {
        self.line = line
        self.base = base
        self.count = count
        self.bounds = bounds
    }

    public var fieldCount: Int { bounds.count / 2 }

    /// Whether the line holds nothing but spaces and tabs.
    public var isBlank: Bool {
        for i in 0..<count where base[i] != 32 && base[i] != 9 { return false }
        return true
    }

    /// A field's bytes without the spaces and tabs around it.
    private func trimmed(_ field: Int) -> (start: Int, end: Int) {
        var s = bounds[2 * field]
        var e = bounds[2 * field + 1]
        while s < e && (base[s] == 32 || base[s] == 9) { s += 1 }
        while e > s && (base[e - 1] == 32 || base[e - 1] == 9) { e -= 1 }
        return (s, e)
    }

    /// A field's text without surrounding spaces and tabs; a doubled quote inside a quoted field is one quote.
    /// Empty for a field the line does not have.
    public func text(_ field: Int) -> String {
        guard field >= 0 && field < fieldCount else { return "" }
        let (s, e) = trimmed(field)
        let text = String(decoding: UnsafeBufferPointer(start: base + s, count: e - s), as: UTF8.self)
        let quoted = bounds[2 * field] > 0 && base[bounds[2 * field] - 1] == 34
        return quoted && text.contains("\"\"") ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }

    /// Every field's text.
    public var texts: [String] { (0..<fieldCount).map(text) }

    /// Calls `body` with the whole line's bytes (without its CR and LF), for lines that are not CSV (HJ 212
    /// packets).
    public func withLine<T>(_ body: (UnsafePointer<UInt8>, Int) -> T) -> T { body(base, count) }

    /// Calls `body` with a field's trimmed bytes (empty for a field the line does not have).
    public func withBytes<T>(_ field: Int, _ body: (UnsafePointer<UInt8>, Int) -> T) -> T {
        guard field >= 0 && field < fieldCount else { return body(base, 0) }
        let (s, e) = trimmed(field)
        return body(base + s, e - s)
    }

    /// A field read as a number: empty, `NA`, `N/A`, `NaN`, `NULL`, `-`, `—`, `--` are missing; a plain decimal
    /// is read without allocating (exactly as `Double(String)` would: an integer mantissa below 2^53 over an
    /// exact power of ten is correctly rounded).
    public func number(_ field: Int) -> CSVNumber {
        guard field >= 0 && field < fieldCount else { return .missing }
        let (s, e) = trimmed(field)
        if s == e { return .missing }
        let p = base
        var i = s
        var negative = false
        if p[i] == 45 {
            negative = true
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var dot = false
        while i < e {
            let c = p[i]
            if c >= 48 && c <= 57 {
                mantissa = mantissa &* 10 &+ UInt64(c - 48)
                digits += 1
                if dot { fraction += 1 }
            } else if c == 46 && !dot {
                dot = true
            } else {
                break
            }
            i += 1
        }
        if i == e && digits > 0 && digits <= 18 && mantissa < 1 << 53 {
            let value = Double(mantissa) / CSVNumber.powersOfTen[fraction]
            return .value(negative ? -value : value)
        }
        let raw = String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self)
        switch raw.uppercased() {
        case "NA", "N/A", "NAN", "NULL", "-", "—", "--": return .missingText(raw)
        default: break
        }
        if let value = Double(raw), value.isFinite { return .value(value) }
        return .bad(raw)
    }
}

/// A CSV field read as a number.
public enum CSVNumber: Sendable, Equatable {
    case missing
    /// Text that stands for a missing value (`NA`, `N/A`, `-` …).
    case missingText(String)
    case value(Double)
    case bad(String)

    fileprivate static let powersOfTen: [Double] = (0...18).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
