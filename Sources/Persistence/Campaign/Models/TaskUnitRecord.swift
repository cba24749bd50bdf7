import FluentKit
import Foundation

/// A unit's part in a task: 牵头 (lead), 配合 (cooperating) or 负责落实 (responsible).
public final class TaskUnitRecord: Model, @unchecked Sendable {
    public static let schema = "task_units"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "task_id") public var task: TaskRecord
    @Parent(key: "unit_id") public var unit: UnitRecord
    @Field(key: "role") public var role: String
    /// Where the unit stands in the task's list for its role, from 0.
    @Field(key: "position") public var position: Int

    public init() {}

    public init(taskID: UUID, unitID: UUID, role: TaskUnitRole, position: Int) {
        self.$task.id = taskID
        self.$unit.id = unitID
        self.role = role.rawValue
        self.position = position
    }
}

/// The part a unit plays in a task.
public enum TaskUnitRole: String, CaseIterable, Sendable, Codable {
    case lead
    case cooperating
    case responsible

    public var chinese: String {
        switch self {
        case .lead: "牵头"
        case .cooperating: "配合"
        case .responsible: "负责落实"
        }
    }
}
