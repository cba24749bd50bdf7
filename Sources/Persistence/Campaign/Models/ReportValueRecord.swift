import FluentKit
import Foundation

/// The cumulative value of one indicator in a report.
public final class ReportValueRecord: Model, @unchecked Sendable {
    public static let schema = "report_values"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "report_id") public var report: ReportRecord
    @Parent(key: "indicator_id") public var indicator: IndicatorRecord
    @Field(key: "value") public var value: Double

    public init() {}

    public init(reportID: UUID, indicatorID: UUID, value: Double) {
        self.$report.id = reportID
        self.$indicator.id = indicatorID
        self.value = value
    }
}
