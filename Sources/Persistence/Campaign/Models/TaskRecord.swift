import Campaign
import FluentKit
import Foundation

/// A stored ``PlanTask``; its units are ``TaskUnitRecord`` rows and its indicators ``IndicatorRecord`` rows.
public final class TaskRecord: Model, @unchecked Sendable {
    public static let schema = "tasks"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "plan_id") public var plan: PlanRecord
    @Field(key: "code") public var code: String
    @Field(key: "position") public var position: Int
    @Field(key: "origin") public var origin: String
    @OptionalField(key: "section") public var section: Int?
    @Field(key: "category") public var category: String
    @OptionalField(key: "key_work") public var keyWork: String?
    @OptionalField(key: "main_task") public var mainTask: String?
    /// The plan file's short title; nil for plans imported without one.
    @OptionalField(key: "title") public var title: String?
    @Field(key: "measures") public var measures: String
    /// `YYYY-MM-DD`, so that text order is date order.
    @Field(key: "deadline") public var deadline: String
    @Field(key: "deadline_text") public var deadlineText: String
    /// JSON array of text.
    @Field(key: "subjects") public var subjects: String
    @OptionalField(key: "notes") public var notes: String?
    /// The forwarding notice's number, for forwarded requirements.
    @OptionalField(key: "forwarded_by") public var forwardedBy: String?
    /// The forwarding department, which oversees forwarded requirements.
    @OptionalParent(key: "supervisor_unit_id") public var supervisor: UnitRecord?

    @Children(for: \.$task) public var units: [TaskUnitRecord]
    @Children(for: \.$task) public var indicators: [IndicatorRecord]

    public init() {}

    public init(planID: UUID, task: PlanTask, position: Int, supervisorID: UUID?) throws {
        self.$plan.id = planID
        self.code = task.code
        self.position = position
        self.origin = task.origin.rawValue
        self.section = task.section
        self.category = task.category
        self.keyWork = task.keyWork
        self.mainTask = task.mainTask
        self.title = task.explicitTitle
        self.measures = task.measures
        self.deadline = task.deadline.description
        self.deadlineText = task.deadlineText
        self.subjects = String(decoding: try JSONEncoder().encode(task.subjects), as: UTF8.self)
        self.notes = task.notes
        self.forwardedBy = task.forwardedBy
        self.$supervisor.id = supervisorID
    }
}
