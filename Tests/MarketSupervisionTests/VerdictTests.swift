import LantianCore
import MarketSupervision
import Seed
import Testing

/// GB/T 8170-2008 rounding and the two comparison methods, at every limit edge of each product family; values
/// from the rounding rule itself and the limits of the bundled standards file.
@Suite struct VerdictTests {
    static let library = try! StandardsFile.read(try! SeedStandards.market)

    func value(_ text: String) -> MeasuredValue { MeasuredValue(text)! }

    /// 四舍六入五成双, once, never in steps (`supervision.md` §3).
    @Test func roundsHalfToEvenOnceNeverInSteps() {
        func round(_ text: String, _ places: Int) -> String { value(text).rounded(toPlaces: places).description }
        #expect(round("0.5465", 3) == "0.546")
        #expect(round("0.5475", 3) == "0.548")
        #expect(round("0.546504", 3) == "0.547")
        #expect(round("0.54749", 3) == "0.547")  // stepwise would give 0.5475 → 0.548
        #expect(round("96.96", 1) == "97.0")
        #expect(round("9.5", 0) == "10")
        #expect(round("8.5", 0) == "8")
        #expect(round("10.5", 0) == "10")
        #expect(round("-2.5", 0) == "-2")
        #expect(round("0.05", 1) == "0.0")
        #expect(round("0.15", 1) == "0.2")
        #expect(round("99.96", 1) == "100.0")
        #expect(round("12", 1) == "12", "a value with fewer places is kept")
    }

    @Test func readsValuesAsWrittenAndComparesExactly() {
        #expect(value("96.96").description == "96.96")
        #expect(value(" +7 ").description == "7")
        #expect(value(".5").description == "0.5")
        #expect(value("-0.0").description == "0.0")
        #expect(value("1087.0").places == 1)
        for bad in ["", "1e3", "1,000", "<0.5", "N/A", "1.", "--1", "1.2.3", "十"] {
            #expect(MeasuredValue(bad) == nil, "\(bad)")
        }
        #expect(value("97.0").compare(value("97")) == 0)
        #expect(value("-0.1").compare(value("0")) < 0)
        #expect(value("-10").compare(value("-9.99")) < 0)
        #expect(value("1086.95").compare(value("1087.0")) < 0)
        #expect(value("0.3000001").compare(value("0.3")) > 0)
    }

    /// The reference's own example: limit ≥ 97.0, measured 96.96 — fails by full value, passes by rounded value.
    @Test func theTwoMethodsDifferAtTheLimitsPrecision() {
        let limit = Limit.atLeast(value("97.0"))
        #expect(limit.failure(of: value("96.96"), by: .full) == "<97.0")
        #expect(limit.failure(of: value("96.96"), by: .rounded) == nil)
        #expect(limit.failure(of: value("96.94"), by: .rounded) == "<97.0")
    }

    func judge(_ product: String, _ item: String, _ text: String, _ method: Limit.Method) -> Bool {
        let standard = Self.library.standard(for: product)!
        return Verdict([item: value(text)], against: standard, method: method).passed
    }

    /// ≤: diesel sulfur ≤ 10 mg/kg (written without decimals).
    @Test func atMostEdges() {
        #expect(judge("diesel", "sulfur", "10", .rounded) && judge("diesel", "sulfur", "10", .full))
        #expect(judge("diesel", "sulfur", "10.4", .rounded) && !judge("diesel", "sulfur", "10.4", .full))
        #expect(judge("diesel", "sulfur", "10.5", .rounded), "10.5 rounds to the even 10")
        #expect(!judge("diesel", "sulfur", "10.51", .rounded))
        #expect(!judge("diesel", "sulfur", "11", .rounded))
        // Gasoline: olefins ≤ 18 (VIA) and ≤ 15 (VIB).
        #expect(judge("gasoline-via", "olefins", "16", .rounded) && !judge("gasoline-vib", "olefins", "16", .rounded))
        #expect(judge("gasoline-vib", "benzene", "0.85", .rounded), "0.85 rounds to the even 0.8")
        #expect(
            !judge("gasoline-vib", "benzene", "0.851", .rounded) && !judge("gasoline-vib", "benzene", "0.84", .full))
        // VOCs: solvent gravure ink ≤ 75 %.
        #expect(judge("ink-solvent-gravure", "vocs", "75.4", .rounded))
        #expect(!judge("ink-solvent-gravure", "vocs", "75.4", .full))
        #expect(!judge("ink-solvent-gravure", "vocs", "75.6", .rounded))
    }

    /// ≥: diesel flash point ≥ 60 °C, cetane number ≥ 51.
    @Test func atLeastEdges() {
        #expect(judge("diesel", "flash_point", "60", .full))
        #expect(judge("diesel", "flash_point", "59.5", .rounded), "59.5 rounds up to the even 60")
        #expect(!judge("diesel", "flash_point", "59.5", .full))
        #expect(!judge("diesel", "flash_point", "58.5", .rounded), "58.5 rounds down to the even 58")
        #expect(!judge("diesel", "cetane_number", "50.4", .rounded))
        #expect(judge("diesel-20", "flash_point", "50", .rounded) && !judge("diesel", "flash_point", "50", .rounded))
    }

    /// Closed ranges: DEF urea 31.8–33.2 %, density 1087.0–1093.0 kg/m³, refractive index 1.3814–1.3843.
    @Test func rangeEdges() {
        #expect(judge("def", "urea_content", "31.8", .full) && judge("def", "urea_content", "33.2", .full))
        #expect(judge("def", "urea_content", "31.75", .rounded) && !judge("def", "urea_content", "31.75", .full))
        #expect(judge("def", "urea_content", "33.25", .rounded), "33.25 rounds to the even 33.2")
        #expect(!judge("def", "urea_content", "33.26", .rounded))
        #expect(!judge("def", "urea_content", "31.74", .rounded))
        #expect(judge("def", "density_20c", "1093.05", .rounded), "rounds to the even 1093.0")
        #expect(!judge("def", "density_20c", "1093.06", .rounded) && !judge("def", "density_20c", "1093.05", .full))
        #expect(judge("def", "refractive_index", "1.38135", .rounded), "rounds up to the even 1.3814")
        #expect(!judge("def", "refractive_index", "1.38435", .rounded), "rounds up to 1.3844")
        #expect(!judge("def", "refractive_index", "1.38125", .rounded), "rounds down to the even 1.3812")
    }

    /// A failed batch lists every failed item, in the standard's order, with the measured value and the bound.
    @Test func aFailedBatchNamesItsItems() {
        let standard = Self.library.standard(for: "diesel")!
        let verdict = Verdict(
            ["sulfur": value("12.6"), "flash_point": value("55"), "density_20c": value("846"), "water": value("30")],
            against: standard)
        #expect(verdict.chinese == "不合格")
        #expect(verdict.method == .rounded)
        #expect(verdict.failures.map(\.comparison) == ["12.6>10", "55<60", "846>845"])
        #expect(VerdictTable.failed(verdict) == ["sulfur:12.6>10", "flash_point:55<60", "density_20c:846>845"])
    }
}
