import Campaign
import Foundation

/// A task's indicators as `lantian task show` and the task page read them: each one's current value, where it
/// comes from, and how it stands against its target.
extension CampaignSnapshot {
    public struct IndicatorLine: Sendable, Hashable {
        public enum Status: String, Sendable, Hashable {
            /// The value meets the target.
            case met
            /// The value is behind where the time elapsed says it should be.
            case lagging
            /// A value, neither met nor lagging.
            case onTrack
            /// No value yet.
            case noValue
        }

        public var indicator: Indicator
        public var current: Double?
        /// `report`, or the connected source that gave the value: `ledger:CODE`, `measurement:CODE`,
        /// `airQuality`, `market:METRIC`, `sources:METRIC`.
        public var source: String
        public var status: Status
    }

    public func indicatorLines(of task: PlanTask) -> [IndicatorLine] {
        let progress = progress(of: task)
        let assessment = assessments[task.code]
        return task.indicators.map { indicator in
            let current = progress.indicatorValues[indicator.code]
            let source = measured[task.code]?[indicator.code] == nil ? "report" : Self.label(indicator.source)
            let status: IndicatorLine.Status
            if let current {
                if indicator.isMet(by: current) {
                    status = .met
                } else if assessment?.laggingIndicators.contains(indicator.code) == true {
                    status = .lagging
                } else {
                    status = .onTrack
                }
            } else {
                status = .noValue
            }
            return IndicatorLine(indicator: indicator, current: current, source: source, status: status)
        }
    }

    static func label(_ source: Indicator.Source) -> String {
        switch source {
        case .report: "report"
        case .ledger(let name, _): "ledger:\(name)"
        case .measurement(let code): "measurement:\(code)"
        case .airQuality: "airQuality"
        case .market(let metric): "market:\(metric)"
        case .sources(let metric): "sources:\(metric)"
        }
    }
}
