/// A notice by which a department forwards the plan to its subordinate units with requirements of its own
/// (转发通知), e.g. 晋市市监办发〔2021〕133号.
///
/// Each requirement is a task of the receiving units, reported and tracked like any other, and rolls up to the
/// forwarding department.
public struct Forwarding: Hashable, Sendable, Codable {
    public var document: OfficialDocument
    /// The forwarding unit's code.
    public var from: String
    /// The receiving units' codes.
    public var to: [String]
    /// Codes of the tasks (origin `forwarding`) that the notice adds.
    public var requirements: [String]
    /// Plan task codes the requirements elaborate.
    public var relatesTo: [String]

    public init(document: OfficialDocument, from: String, to: [String], requirements: [String], relatesTo: [String]) {
        self.document = document
        self.from = from
        self.to = to
        self.requirements = requirements
        self.relatesTo = relatesTo
    }
}
