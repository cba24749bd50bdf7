import Foundation
import LantianCore
import Testing

/// The one CSV reader and writer.
@Suite struct CSVTests {
    private func rows(_ text: String, chunk: Int = .max) -> [[String]] {
        var scanner = CSVScanner()
        var result: [[String]] = []
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + max(1, min(chunk, bytes.count)))
            bytes[start..<end].withUnsafeBytes { scanner.feed($0) { result.append($0.texts) } }
            start = end
        }
        scanner.finish { result.append($0.texts) }
        return result
    }

    /// RFC 4180: a quoted field holds commas and doubled quotes; a BOM and CRLF line ends are dropped; spaces
    /// around a field are trimmed.
    @Test func fieldsAreSplitAsRFC4180Says() {
        let text = "\u{FEFF}username,name\r\n\"wang\",\"王伟, 副主任\"\r\n li ,\"他说\"\"好\"\"\"\n"
        #expect(rows(text) == [["username", "name"], ["wang", "王伟, 副主任"], ["li", "他说\"好\""]])
    }

    /// Chunks split anywhere — inside a field, inside a UTF-8 character, between CR and LF — give the same rows.
    @Test func chunkBoundariesDoNotMatter() {
        let text = "a,b,c\n1,\"x,y\",泽州县\r\n2,,3\n4,5,6"
        let whole = rows(text)
        for size in 1...9 { #expect(rows(text, chunk: size) == whole) }
        #expect(whole.count == 4)
    }

    /// A line over the limit ends the reading with an issue naming it; nothing after it is handed over.
    @Test func anOverlongLineEndsTheReading() {
        var scanner = CSVScanner(maxLineBytes: 10)
        var lines: [Int] = []
        let text = Array("a,b\n0123456789abc\nc,d\n".utf8)
        text.withUnsafeBytes { scanner.feed($0) { lines.append($0.line) } }
        scanner.finish { lines.append($0.line) }
        #expect(lines == [1])
        #expect(scanner.overlong?.line == 2)
    }

    /// Numbers: plain decimals exactly as `Double(String)` reads them; the usual words for missing are missing
    /// text; anything else is bad.
    @Test func numbersAreReadWithoutSurprises() {
        var read: [CSVNumber] = []
        CSVScanner.rows("x\n48.7, -0.125 ,,NA,N/A,—,1e3,12a,0.1234567890123456789") { row in
            if row.line == 2 { read = (0..<row.fieldCount).map(row.number) }
        }
        #expect(
            read == [
                .value(48.7), .value(-0.125), .missing, .missingText("NA"), .missingText("N/A"), .missingText("—"),
                .value(1000), .bad("12a"), .value(0.1234567890123456789),
            ])
    }

    @Test func fieldsAreQuotedOnlyWhenTheyMustBe() {
        #expect(
            CSVWriter.record(["s01-1", "a,b", "say \"hi\"", "two\nlines", "泽州县"])
                == "s01-1,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",泽州县")
        // Spreadsheets: text that would run as a formula is written as text; negative numbers stay numbers.
        #expect(CSVWriter.spreadsheetField("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVWriter.spreadsheetField("-12.5") == "-12.5")
        #expect(CSVWriter.spreadsheetField("@x,y") == "\"'@x,y\"")
    }
}

/// The one number formatter.
@Suite struct NumberTextTests {
    /// `csv` writes what "%.3f" with trailing zeros dropped writes, for measured values (exact thousandths) and
    /// for computed means alike: checked against the formatter on 100,000 values from a fixed seed.
    @Test func csvMatchesThreeDecimalsWithoutTrailingZeros() {
        func reference(_ value: Double) -> String {
            var text = String(format: "%.3f", value)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text == "-0" ? "0" : text
        }
        var random = SplitMix64(seed: 2021)
        func next() -> UInt64 { random.next() }
        for i in 0..<100_000 {
            let k = Double(Int64(bitPattern: next()) % 10_000_000)
            let value: Double =
                switch i % 4 {
                case 0: k / 1000  // a measurement written with up to three decimals
                case 1: k / 10  // CO-like tenths
                case 2: Double(next() % 1_000_000) / 7  // a computed mean
                default: (Double(next() % 1_000_000_000) / 1e6) - 500  // anything, negative too
                }
            #expect(NumberText.csv(value) == reference(value), "\(value)")
        }
        #expect(NumberText.csv(48.7) == "48.7")
        #expect(NumberText.csv(16000) == "16000")
        #expect(NumberText.csv(-0.005) == "-0.005")
        #expect(NumberText.csv(1.0 / 3) == "0.333")
        #expect(NumberText.csv(nil) == "")
        #expect(NumberText.csv(.nan) == "")
    }

    /// `display` writes what the grouped two-decimal formatter writes, for exact hundredths (its fast path) and for
    /// everything else: checked against the formatter on 50,000 values from a fixed seed.
    @Test func displayMatchesTheGroupedFormatter() {
        func reference(_ value: Double) -> String {
            let formatter = NumberFormatter()
            formatter.numberStyle = .decimal
            formatter.maximumFractionDigits = 2
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.usesGroupingSeparator = true
            formatter.groupingSeparator = ","
            return formatter.string(from: NSNumber(value: value))!
        }
        var random = SplitMix64(seed: 1648)
        func next() -> UInt64 { random.next() }
        for i in 0..<50_000 {
            let k = Double(Int64(bitPattern: next()) % 1_000_000_000)
            let value: Double =
                switch i % 4 {
                case 0: k / 100  // a figure with up to two decimals, grouped when large
                case 1: (k / 100).rounded()  // a whole number
                case 2: Double(next() % 1_000_000) / 7  // a computed mean: the formatter rounds it
                default: k / 1000  // three decimals: rounded half-even by the formatter
                }
            #expect(NumberText.display(value) == reference(value), "\(value)")
        }
        #expect(NumberText.display(16000) == "16,000")
        #expect(NumberText.display(1_234_567.5) == "1,234,567.5")
        #expect(NumberText.display(-48.7) == "-48.7")
        #expect(NumberText.display(5.06) == "5.06")
        #expect(NumberText.display(0) == reference(0))
        #expect(NumberText.display(999) == "999")
    }
}
