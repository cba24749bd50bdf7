import Campaign
import FluentKit
import Foundation

/// A stored plan. The plan's own facts (document, targets, sections, forwardings, rules) are kept as the JSON
/// of its ``Plan`` value without tasks and units, which have their own tables.
public final class PlanRecord: Model, @unchecked Sendable {
    public static let schema = "plans"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "title") public var title: String
    @Field(key: "period_start") public var periodStart: String
    @Field(key: "period_end") public var periodEnd: String
    @Field(key: "definition") public var definition: String
    @Field(key: "active") public var active: Bool
    @Timestamp(key: "imported_at", on: .create) public var importedAt: Date?
    @OptionalField(key: "imported_by") public var importedBy: String?

    public init() {}

    public init(plan: Plan, importedBy: String?) throws {
        var header = plan
        header.tasks = []
        header.units = []
        self.code = plan.code
        self.title = plan.title
        self.periodStart = plan.start.description
        self.periodEnd = plan.end.description
        self.definition = String(decoding: try JSONEncoder().encode(header), as: UTF8.self)
        self.active = true
        self.importedBy = importedBy
    }

    /// The plan's header: everything but tasks and units.
    public func header() throws -> Plan {
        try JSONDecoder().decode(Plan.self, from: Data(definition.utf8))
    }
}
