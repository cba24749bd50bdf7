/// The measures by industry × grade × warning level, with the industries they name: the list's source of what
/// each enterprise does. A measure for industry `*` applies to every industry without one of its own.
public struct MeasureTable: Hashable, Sendable {
    /// An industry the registry may name (the key industries of the grading guidance, the city's own, 其他).
    public struct Industry: Hashable, Sendable, Codable {
        public var code: String
        public var name: String

        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    public var industries: [Industry]
    public var measures: [Measure]
    private var index: [String: Measure]

    public init(industries: [Industry], measures: [Measure]) {
        self.industries = industries
        self.measures = measures
        var index: [String: Measure] = [:]
        for measure in measures { index[Self.key(measure.industry, measure.grade, measure.level)] = measure }
        self.index = index
    }

    private static func key(_ industry: String, _ grade: PerformanceGrade, _ level: WarningLevel) -> String {
        "\(industry)|\(grade.rawValue)|\(level.rawValue)"
    }

    /// The industry `cell` names, by code or name.
    public func industry(_ cell: String) -> Industry? {
        let text = cell.trimmingCharacters(in: .whitespaces)
        return industries.first { $0.code == text.lowercased() || $0.name == text }
    }

    /// The measure for an enterprise of `industry` and `grade` at `level`: the industry's own, else the `*` one;
    /// nil for 保障类 and where the table has neither.
    public func measure(industry: String, grade: PerformanceGrade, level: WarningLevel) -> Measure? {
        guard !grade.isExempt else { return nil }
        return index[Self.key(industry, grade, level)] ?? index[Self.key("*", grade, level)]
    }

    /// The measures stricter than `current` an enterprise could be asked to take beyond its level's: its own
    /// measures at the stricter `levels`, each cutting at least as much of every pollutant and more of one, then
    /// stopping production (unless `current` already does).
    public func stricter(
        than current: Measure?, industry: String, grade: PerformanceGrade, after level: WarningLevel,
        levels: [WarningLevel]
    ) -> [Measure] {
        guard !grade.isExempt else { return [] }
        let base = current?.cut ?? .zero
        var result: [Measure] = []
        for stricter in levels where stricter > level {
            guard let measure = measure(industry: industry, grade: grade, level: stricter), measure != current,
                EmissionPollutant.allCases.allSatisfy({ measure.cut[$0] >= base[$0] }),
                EmissionPollutant.allCases.contains(where: { measure.cut[$0] > base[$0] }),
                !result.contains(where: { $0.cut == measure.cut && $0.stops == measure.stops })
            else { continue }
            result.append(measure)
        }
        if !EmissionPollutant.allCases.allSatisfy({ base[$0] >= 1 }) { result.append(.fullStop(level)) }
        return result
    }
}
