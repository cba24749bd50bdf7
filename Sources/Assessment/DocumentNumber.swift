import Foundation

/// A document number (发文字号) as GB/T 9704-2012 §7.2.4 writes it: the issuer's code, the year in hexagonal
/// brackets 〔〕 and the serial number without leading zeros or 第 — `晋市气防办〔2022〕3号`.
public struct DocumentNumber: Codable, Sendable, Hashable, CustomStringConvertible {
    public var issuerCode: String
    public var year: Int
    public var serial: Int

    public init(issuerCode: String, year: Int, serial: Int) {
        self.issuerCode = issuerCode
        self.year = year
        self.serial = serial
    }

    public var description: String { "\(issuerCode)〔\(year)〕\(serial)号" }

    /// Reads `晋市气防办〔2022〕3号`; the brackets may be typed as ［］, [], （） or ()，and 第 and leading zeros are
    /// dropped. Nil, with ``problem(_:)`` saying why, when the text is not a document number.
    public init?(_ text: String) {
        guard case .success(let number) = Self.parse(text) else { return nil }
        self = number
    }

    /// Why `text` is not a document number, or nil when it is one.
    public static func problem(_ text: String) -> String? {
        if case .failure(let problem) = parse(text) { return problem.message }
        return nil
    }

    private struct Problem: Error {
        var message: String
    }

    private static func parse(_ raw: String) -> Result<DocumentNumber, Problem> {
        var text = raw.filter { !$0.isWhitespace }
        for (from, to) in [
            ("［", "〔"), ("[", "〔"), ("（", "〔"), ("(", "〔"), ("］", "〕"), ("]", "〕"), ("）", "〕"), (")", "〕"),
        ] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        guard let open = text.firstIndex(of: "〔"), let close = text.firstIndex(of: "〕"), open < close else {
            return .failure(Problem(message: "发文字号应写作“机关代字〔年份〕序号号”，如 晋市气防办〔2022〕3号"))
        }
        let code = String(text[..<open])
        guard !code.isEmpty, code.count <= 30 else {
            return .failure(Problem(message: "发文字号缺少机关代字（如 晋市气防办）"))
        }
        guard let year = Int(text[text.index(after: open)..<close]), (2000...2100).contains(year) else {
            return .failure(Problem(message: "发文字号的年份应为四位数字，如〔2022〕"))
        }
        var rest = Substring(text[text.index(after: close)...])
        if rest.hasPrefix("第") { rest = rest.dropFirst() }
        guard rest.hasSuffix("号"), let serial = Int(rest.dropLast()), serial > 0, serial < 100_000 else {
            return .failure(Problem(message: "发文字号的序号应为正整数并以“号”结尾，如 3号"))
        }
        return .success(DocumentNumber(issuerCode: code, year: year, serial: serial))
    }
}
