/// What an enterprise of an industry and grade does at a warning level, and what that cuts: a share of each
/// pollutant, or named kinds of equipment stopped (a share of their units). Measures are data (the office edits
/// them, with history); defaults ship for the grades of 环办大气函〔2020〕340号 and the reference's steel, coke,
/// cement and foundry examples (air-quality-standards.md §4, supervision.md §1).
public struct Measure: Hashable, Sendable, Codable {
    /// The industry code, or `*` for every industry without a measure of its own.
    public var industry: String
    public var grade: PerformanceGrade
    public var level: WarningLevel
    /// The measure as the list prints it: `烧结、球团、石灰窑停产，焦炉延长结焦时间`.
    public var text: String
    /// The share (0–1) of each pollutant cut, of the enterprise's baseline emissions; what the list counts when
    /// the measure stops no equipment, or the registry lacks the stopped units' emissions.
    public var cut: Emissions
    /// Equipment kinds stopped and the share of their units (1: all; 0.5: at least half, rounded up to whole
    /// units, the first units the registry lists).
    public var stops: [String: Double]
    /// The share of output lost; nil: the largest share of a pollutant cut.
    public var output: Double?
    /// Whether the values were checked against the grading guidance or the city's approved list.
    public var verified: Bool
    public var source: String

    public init(
        industry: String, grade: PerformanceGrade, level: WarningLevel, text: String, cut: Emissions,
        stops: [String: Double] = [:], output: Double? = nil, verified: Bool = false, source: String = ""
    ) {
        self.industry = industry
        self.grade = grade
        self.level = level
        self.text = text
        self.cut = cut
        self.stops = stops
        self.output = output
        self.verified = verified
        self.source = source
    }

    /// Stopping all production: the strictest step of every enterprise's ladder.
    public static func fullStop(_ level: WarningLevel) -> Measure {
        Measure(industry: "*", grade: .d, level: level, text: "全面停产", cut: Emissions(all: 1), output: 1)
    }

    /// The measure's text for plain shares: `停产`, `自主减排`, `限产 20%`, `削减 SO₂ 30%、NOx 20%…`.
    public static func text(for cut: Emissions) -> String {
        let shares = EmissionPollutant.allCases.map { cut[$0] }
        if shares.allSatisfy({ $0 >= 1 }) { return "停产" }
        if shares.allSatisfy({ $0 == 0 }) { return "自主减排" }
        if Set(shares).count == 1 { return "限产 \(percent(shares[0]))" }
        return "削减 "
            + EmissionPollutant.allCases.filter { cut[$0] > 0 }.map { "\($0.label) \(percent(cut[$0]))" }.joined(
                separator: "、")
    }

    static func percent(_ share: Double) -> String {
        let value = share * 100
        return value == value.rounded() ? "\(Int(value))%" : "\((value * 10).rounded() / 10)%"
    }
}

extension Measure {
    /// What the measure cuts at an enterprise.
    public struct Applied: Hashable, Sendable {
        public enum Basis: String, Hashable, Sendable {
            /// The stopped units' own emissions.
            case equipment
            /// The measure's shares of the enterprise's emissions.
            case shares
        }

        /// Tonnes a year of each pollutant.
        public var cut: Emissions
        /// The share of the enterprise's output lost.
        public var output: Double
        public var basis: Basis
        /// The units stopped, in registry order.
        public var stopped: [Equipment]
    }

    /// The cut at `enterprise`: the stopped units' emissions when the registry has every one of them; otherwise
    /// the shares of its baseline emissions.
    public func applied(to enterprise: Enterprise) -> Applied {
        var stopped: [Equipment] = []
        for (kind, share) in stops.sorted(by: { $0.key < $1.key }) {
            let units = enterprise.equipment.filter { $0.kind == kind }
            let count = Int((Double(units.count) * share - 1e-9).rounded(.up))
            stopped += units.prefix(max(0, count))
        }
        // In registry order, whatever order the measure names the kinds in.
        stopped.sort { a, b in
            (enterprise.equipment.firstIndex(of: a) ?? 0) < (enterprise.equipment.firstIndex(of: b) ?? 0)
        }
        let known = stopped.compactMap(\.emissions)
        if !stopped.isEmpty && known.count == stopped.count {
            let cut = known.reduce(Emissions.zero, +).combined(with: enterprise.emissions, min)
            let largest =
                EmissionPollutant.allCases.map {
                    enterprise.emissions[$0] > 0 ? cut[$0] / enterprise.emissions[$0] : 0
                }.max() ?? 0
            return Applied(cut: cut, output: output ?? largest, basis: .equipment, stopped: stopped)
        }
        return Applied(
            cut: enterprise.emissions * cut, output: output ?? cut.largest, basis: .shares, stopped: stopped)
    }
}
