import Campaign

/// How the office scores the units for a period (seed §三(十五), 考核与量化问责): weighted parts, each measuring one
/// kind of fact, kept as data (`lantian-scoring/1`, docs/ASSESSMENT.md) because the weights are the office's
/// decision, not the code's. A part that does not apply to a unit (air quality to a department) is left out of
/// that unit's score, and the unit's score is its points over the weights that apply, out of 100.
public struct ScoringScheme: Sendable, Equatable {
    /// What a part measures, each a share from 0 to 1 of its weight.
    public enum Measure: String, Sendable, CaseIterable {
        /// The unit's tasks (led or carried), each credited by its status at the period's end.
        case taskCompletion
        /// The unit's monthly reports due in the period: on time full credit, late ``ScoringScheme/lateCredit``,
        /// missing none.
        case reportTimeliness
        /// A county's composite index against the same period a year earlier: full at a fall of
        /// ``ScoringScheme/fullImprovement`` or more, none at no fall or a rise, linear between.
        case airImprovement
        /// A county's place among the counties by composite index: first full, last none, linear between.
        case airRank
        /// The enterprises inspected during warnings in the unit's county that kept their lists' measures.
        case warningCompliance
        /// A market bureau's spot checks against its quota for the period.
        case spotCheckCoverage

        /// 任务完成 / 报送及时 / 空气质量改善 / 空气质量排名 / 预警清单落实 / 抽检覆盖.
        public var chinese: String {
            switch self {
            case .taskCompletion: "任务完成"
            case .reportTimeliness: "报送及时"
            case .airImprovement: "空气质量改善"
            case .airRank: "空气质量排名"
            case .warningCompliance: "预警清单落实"
            case .spotCheckCoverage: "抽检覆盖"
            }
        }
    }

    public struct Part: Sendable, Equatable {
        public var code: String
        public var name: String
        public var weight: Double
        public var measure: Measure

        public init(code: String, name: String, weight: Double, measure: Measure) {
            self.code = code
            self.name = name
            self.weight = weight
            self.measure = measure
        }
    }

    public var code: String
    public var title: String
    public var parts: [Part]
    /// The credit a task earns by its status (done 1, on track 1, lagging 0.5, overdue and not reported 0 by
    /// default).
    public var statusCredit: [TaskStatus: Double]
    /// The credit of a report submitted late (0.5 by default).
    public var lateCredit: Double
    /// The composite index's fall (a share: 0.1 = 10 %) that earns the improvement part in full.
    public var fullImprovement: Double
    /// The accountability list (量化问责): a unit that reported late or missed this many reports or more.
    public var lateReportsForAccountability: Int

    public init(
        code: String, title: String, parts: [Part],
        statusCredit: [TaskStatus: Double] = ScoringScheme.defaultStatusCredit, lateCredit: Double = 0.5,
        fullImprovement: Double = 0.1, lateReportsForAccountability: Int = 2
    ) {
        self.code = code
        self.title = title
        self.parts = parts
        self.statusCredit = statusCredit
        self.lateCredit = lateCredit
        self.fullImprovement = fullImprovement
        self.lateReportsForAccountability = lateReportsForAccountability
    }

    public static let defaultStatusCredit: [TaskStatus: Double] = [
        .done: 1, .onTrack: 1, .lagging: 0.5, .overdue: 0, .notReported: 0,
    ]
}
