/// A binding air-quality target of the plan (约束性指标), e.g. PM2.5 season mean ≤ 48.7 µg/m³.
public struct AirQualityTarget: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var metric: Metric
    public var unit: String
    public var direction: Direction
    public var value: Double

    public init(code: String, name: String, metric: Metric, unit: String, direction: Direction, value: Double) {
        self.code = code
        self.name = name
        self.metric = metric
        self.unit = unit
        self.direction = direction
        self.value = value
    }

    public enum Metric: String, CaseIterable, Sendable, Codable {
        /// Mean PM2.5 concentration over the plan period, µg/m³ (HJ 663 period mean of the city series).
        case pm25PeriodMean = "pm25-period-mean"
        /// Days in the period whose daily city AQI exceeds 200 (重度及以上污染天数, HJ 633).
        case heavyDays = "heavy-days"
    }
}
