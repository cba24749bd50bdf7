import LantianCore

/// A warning scheme in one edition: the forecast conditions for each level, the lifting time, and the share of
/// each pollutant the emission-reduction list must cut at each level. Editions ship as data
/// (`Resources/emergency/*.yaml`, docs/EMERGENCY.md): Shanxi's 晋政办发〔2020〕50号 and the national 2017 scheme.
///
/// The AQI counted is the forecast rolling 24-hour AQI (HJ 633-2012), hour by hour, so an episode may cross
/// calendar days; sand-dust hours never count (air-quality-standards.md §3, supervision.md §1).
public struct WarningRules: Hashable, Sendable {
    /// Hours of an episode whose AQI is above `above` (AQI > above) or at least `atLeast` (AQI ≥ atLeast), at
    /// least `hours` of them.
    public struct Condition: Hashable, Sendable {
        public enum Comparison: String, Hashable, Sendable {
            case above, atLeast
        }

        public var comparison: Comparison
        public var aqi: Int
        public var hours: Int

        public init(_ comparison: Comparison, _ aqi: Int, hours: Int) {
            self.comparison = comparison
            self.aqi = aqi
            self.hours = hours
        }

        /// Whether an hour's AQI counts toward the condition.
        public func counts(_ value: Int) -> Bool { comparison == .above ? value > aqi : value >= aqi }

        /// "AQI > 200 ≥ 48 小时", "AQI 达到 500".
        public var chinese: String {
            switch (comparison, hours) {
            case (.atLeast, 1): "AQI 达到 \(aqi)"
            case (.atLeast, _): "AQI ≥ \(aqi) 持续 ≥ \(hours) 小时"
            case (.above, _): "AQI > \(aqi) 持续 ≥ \(hours) 小时"
            }
        }
    }

    /// A level and the ways to reach it: any one alternative whose conditions all hold.
    public struct Trigger: Hashable, Sendable {
        public var level: WarningLevel
        public var alternatives: [[Condition]]

        public init(level: WarningLevel, alternatives: [[Condition]]) {
            self.level = level
            self.alternatives = alternatives
        }

        /// "AQI > 200 持续 ≥ 96 小时且 AQI > 300 持续 ≥ 48 小时；或 AQI 达到 500".
        public var chinese: String {
            alternatives.map { $0.map(\.chinese).joined(separator: "且") }.joined(separator: "；或 ")
        }
    }

    /// Short code: `shanxi-2020`, `national-2017`.
    public var code: String
    public var title: String
    /// The document the edition implements, `晋政办发〔2020〕50号`.
    public var document: String
    /// The day the edition took effect, when known.
    public var effective: CivilDate?
    /// Whether the values were checked against the document's text (otherwise shown as 待核实).
    public var verified: Bool
    public var source: String
    /// An hour belongs to an episode when its AQI is above this (200: 重度污染 and worse).
    public var episodeAbove: Int
    /// A warning is lifted when the forecast stays at or below `episodeAbove` this many hours; a shorter gap
    /// joins two runs into one episode (default 36 h).
    public var liftHours: Int
    /// Strictest level first.
    public var triggers: [Trigger]
    /// The share (0–1) of the jurisdiction's total emissions of each pollutant the list must cut, by level.
    public var requiredCuts: [WarningLevel: Emissions]

    public init(
        code: String, title: String, document: String, effective: CivilDate?, verified: Bool, source: String,
        episodeAbove: Int, liftHours: Int, triggers: [Trigger], requiredCuts: [WarningLevel: Emissions]
    ) {
        self.code = code
        self.title = title
        self.document = document
        self.effective = effective
        self.verified = verified
        self.source = source
        self.episodeAbove = episodeAbove
        self.liftHours = liftHours
        self.triggers = triggers.sorted { $0.level > $1.level }
        self.requiredCuts = requiredCuts
    }

    /// The levels the edition knows, mildest first.
    public var levels: [WarningLevel] { triggers.map(\.level).sorted() }

    /// The strictest level whose trigger holds for an episode with `hours(condition)` hours meeting each
    /// condition, and the alternative that held; nil when none does.
    public func level(_ hours: (Condition) -> Int) -> (level: WarningLevel, met: [Condition])? {
        for trigger in triggers {
            if let met = trigger.alternatives.first(where: { $0.allSatisfy { hours($0) >= $0.hours } }) {
                return (trigger.level, met)
            }
        }
        return nil
    }

    /// The mildest level's trigger (what an episode below every level falls short of).
    public var mildest: Trigger? { triggers.last }
}
