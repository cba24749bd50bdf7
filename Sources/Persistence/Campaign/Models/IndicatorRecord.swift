import Campaign
import FluentKit
import Foundation

/// A stored ``Indicator``.
public final class IndicatorRecord: Model, @unchecked Sendable {
    public static let schema = "indicators"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "task_id") public var task: TaskRecord
    @Field(key: "code") public var code: String
    @Field(key: "position") public var position: Int
    /// The whole indicator as JSON (name, unit, direction, target, baseline, deadline, scope, source, breakdown).
    @Field(key: "definition") public var definition: String
    @Field(key: "target") public var target: Double

    public init() {}

    public init(taskID: UUID, indicator: Indicator, position: Int) throws {
        self.$task.id = taskID
        self.code = indicator.code
        self.position = position
        self.definition = String(decoding: try JSONEncoder().encode(indicator), as: UTF8.self)
        self.target = indicator.target
    }

    public func indicator() throws -> Indicator {
        try JSONDecoder().decode(Indicator.self, from: Data(definition.utf8))
    }
}
