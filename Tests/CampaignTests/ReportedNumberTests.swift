import Campaign
import Testing

/// Indicator values as reporters type them (issue 9): 万 and thousands separators read, anything else refused
/// with a reason.
@Suite struct ReportedNumberTests {
    private func value(_ text: String, unit: String = "") -> Double? {
        try? ReportedNumber.parse(text, unit: unit).get()
    }

    @Test func readsWhatReportersType() {
        #expect(value("16000") == 16000)
        #expect(value("16,000") == 16000)
        #expect(value("1.6万") == 16000)
        #expect(value(" 1.6 万 ") == 16000)
        #expect(value("1.6万户", unit: "户") == 16000)
        #expect(value("0.82万") == 8200)
        #expect(value("１６，０００") == 16000)
        #expect(value("1,600,000.5") == 1_600_000.5)
        #expect(value("2亿") == 200_000_000)
        #expect(value("47.5") == 47.5)
    }

    @Test func refusesWhatIsNotANumber() {
        for text in ["1.6w", "16,00", "1.6.2", "-5", "", "约1.6万", "16000户"] {
            #expect(value(text) == nil, "\(text)")
        }
        guard case .failure(let refusal) = ReportedNumber.parse("1.6w") else {
            Issue.record("1.6w was read")
            return
        }
        #expect(refusal.description == "“1.6w”不是数值；请填写如 16000、16,000 或 1.6万")
    }
}
